import { constants, crc32 as nodeCrc32, deflateRawSync } from 'node:zlib';

/**
 * Hostile files, generated (nothing of this kind is stored in the repository): zip bombs whose
 * headers lie about their sizes, nesting far beyond any real document in every reader, PDF
 * streams that inflate to a gigabyte, page counts in the billions. Each is small on disk and
 * cheap to make: the bombs repeat one pre-compressed block (deflate blocks may follow each other),
 * so a gigabyte of output costs one megabyte and a few milliseconds to build.
 */

export interface HostileFile {
  name: string;
  bytes: Uint8Array;
  /** What stops it: the reader's own cap (with the words expected in its message), or the worker. */
  expect: RegExp;
}

const enc = new TextEncoder();

/** Raw deflate data that inflates to `mb` MB of `fill` (blocks of 1 MB repeated, then a final empty block). */
export function deflateBomb(mb: number, fill = 0x20): Buffer {
  const block = deflateRawSync(Buffer.alloc(1 << 20, fill), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  return Buffer.concat([...Array.from({ length: mb }, () => block), Buffer.from([0x03, 0x00])]);
}

/** zlib-wrapped (PDF FlateDecode) version, with the right Adler-32 of the whole output. */
export function zlibBomb(mb: number, fill = 0x20): Buffer {
  const n = BigInt(mb) * BigInt(1 << 20);
  const c = BigInt(fill);
  const a = (1n + n * c) % 65521n;
  const b = (n + (c * n * (n + 1n)) / 2n) % 65521n;
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(Number((b << 16n) | a));
  return Buffer.concat([Buffer.from([0x78, 0xda]), deflateBomb(mb, fill), adler]);
}

interface ZipEntry {
  name: string;
  /** Stored as is (method 0) unless `deflated` is given (method 8). */
  data?: Uint8Array;
  deflated?: Uint8Array;
  /** The uncompressed size written in the headers (a bomb lies here). */
  declaredSize?: number;
}

/** A zip written by hand, so that its headers can say anything. */
export function zip(entries: ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const body = Buffer.from(e.deflated ?? e.data ?? new Uint8Array());
    const method = e.deflated ? 8 : 0;
    const size = e.declaredSize ?? (e.data ? e.data.length : body.length);
    const crc = e.data ? nodeCrc32(e.data) : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dir, end]));
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const CONTENT_TYPES = enc.encode(
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
);
const paragraphs = (texts: string[]) => texts.map((t) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`).join('');
const SMALL_BODY = enc.encode(
  `<?xml version="1.0"?><w:document ${W}><w:body>${paragraphs(['某某县人民政府2023年政府信息公开工作年度报告', '一、总体情况', '本年度……'])}</w:body></w:document>`,
);

/** A .docx whose part `name` inflates to a gigabyte while its headers say 1 KB. */
function docxWithBomb(part: string): Uint8Array {
  const bomb = { name: part, deflated: deflateBomb(1024), declaredSize: 1024 };
  const body = part === 'word/document.xml' ? [] : [{ name: 'word/document.xml', data: SMALL_BODY }];
  return zip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, ...body, bomb]);
}

/** Nesting `depth` levels deep, compressed (tiny on disk, ~10 bytes per level inflated). */
function deepDocx(depth: number): Uint8Array {
  const xml = `<?xml version="1.0"?><w:document ${W}><w:body>${'<w:sdt><w:sdtContent>'.repeat(depth)}</w:body></w:document>`;
  return zip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: 'word/document.xml', deflated: deflateRawSync(Buffer.from(xml)), declaredSize: xml.length },
  ]);
}

function deepPart(part: 'word/styles.xml' | 'word/numbering.xml', depth: number): Uint8Array {
  const root = part === 'word/styles.xml' ? 'w:styles' : 'w:numbering';
  const xml = `<?xml version="1.0"?><${root} ${W}>${'<w:x>'.repeat(depth)}</${root}>`;
  return zip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: 'word/document.xml', data: SMALL_BODY },
    { name: part, deflated: deflateRawSync(Buffer.from(xml)), declaredSize: xml.length },
  ]);
}

function manyEntries(count: number): Uint8Array {
  const entries: ZipEntry[] = [
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: 'word/document.xml', data: SMALL_BODY },
  ];
  for (let i = 0; i < count; i++) entries.push({ name: `word/media/x${i}.bin`, data: new Uint8Array() });
  return zip(entries);
}

/** A PDF written by hand: objects in order, a correct xref table. */
export function pdf(objects: (string | Uint8Array)[], root = 1): Uint8Array {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((o, i) => {
    offsets.push(at);
    const head = Buffer.from(`${i + 1} 0 obj\n`, 'latin1');
    const body = typeof o === 'string' ? Buffer.from(o, 'latin1') : Buffer.from(o);
    const tail = Buffer.from('\nendobj\n', 'latin1');
    parts.push(head, body, tail);
    at += head.length + body.length + tail.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
    `trailer\n<< /Size ${objects.length + 1} /Root ${root} 0 R >>\nstartxref\n${at}\n%%EOF\n`,
  ].join('');
  parts.push(Buffer.from(xref, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

/** A page whose content stream inflates to a gigabyte of spaces (1 MB on disk). */
function pdfContentBomb(): Uint8Array {
  const data = zlibBomb(1024);
  const stream = Buffer.concat([
    Buffer.from(`<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'),
    data,
    Buffer.from('\nendstream', 'latin1'),
  ]);
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    stream,
    FONT,
  ]);
}

/** A page tree that claims a billion pages and lists the same page thousands of times. */
function pdfHugePageCount(): Uint8Array {
  const text = 'BT /F1 12 Tf 72 720 Td (Annual report) Tj ET';
  const kids = Array.from({ length: 1000 }, () => '3 0 R').join(' ');
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count 1000000000 >>`,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    FONT,
  ]);
}

/** A page tree nested `depth` levels deep (each /Pages node has one child). */
function pdfDeepPageTree(depth: number): Uint8Array {
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>'];
  for (let i = 0; i < depth; i++) objects.push(`<< /Type /Pages /Kids [${i + 3} 0 R] /Count 1 >>`);
  const page = depth + 2;
  objects.push(`<< /Type /Page /MediaBox [0 0 595 842] /Contents ${page + 1} 0 R >>`);
  objects.push('<< /Length 0 >>\nstream\n\nendstream');
  return pdf(objects);
}

/** A .docx from elsewhere carrying (not in the corpus: it is not refused, its embedded data is ignored) “our” embedded report, its JSON nested `depth` levels deep. */
export function deepEmbedded(depth: number): Uint8Array {
  const json = `{"kind":"nianbao.report","schemaVersion":1,"format":"gov-2021","year":2024,"agency":{"name":"某局"},"cells":{},"sections":${'['.repeat(depth)}${']'.repeat(depth)}}`;
  const xml = `<?xml version="1.0"?><report xmlns="urn:nianbao:report:1">${json}</report>`;
  return zip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: 'word/document.xml', data: SMALL_BODY },
    { name: 'customXml/item1.xml', deflated: deflateRawSync(Buffer.from(xml)), declaredSize: xml.length },
  ]);
}

/** Markdown nested as deep as text allows: quotes in quotes, lists in lists (read as flat text). */
const deepQuotes = () => enc.encode(`${'> '.repeat(2_000_000)}一、总体情况`);
const deepLists = () =>
  enc.encode(Array.from({ length: 2800 }, (_, i) => `${' '.repeat(i)}- （${i}）主动公开`).join('\n'));

/** The corpus: every reader, every kind of excess. */
export function hostileCorpus(): HostileFile[] {
  const html = (s: string) =>
    enc.encode(`<!doctype html><html><head><meta charset="utf-8"></head><body>${s}</body></html>`);
  return [
    { name: 'bomb-body.docx', bytes: docxWithBomb('word/document.xml'), expect: /正文.*解压后超过 48 MB/ },
    { name: 'bomb-styles.docx', bytes: docxWithBomb('word/styles.xml'), expect: /styles\.xml.*解压后超过 8 MB/ },
    {
      name: 'bomb-numbering.docx',
      bytes: docxWithBomb('word/numbering.xml'),
      expect: /numbering\.xml.*解压后超过 8 MB/,
    },
    { name: 'bomb-customxml.docx', bytes: docxWithBomb('customXml/item1.xml'), expect: /customXml.*解压后超过 8 MB/ },
    { name: 'many-entries.docx', bytes: manyEntries(6000), expect: /包含 6002 个内部文件/ },
    { name: 'deep-body.docx', bytes: deepDocx(1_900_000), expect: /正文.*嵌套超过 256 层/ },
    { name: 'deep-styles.docx', bytes: deepPart('word/styles.xml', 500_000), expect: /styles\.xml.*嵌套超过 256 层/ },
    {
      name: 'deep-numbering.docx',
      bytes: deepPart('word/numbering.xml', 500_000),
      expect: /numbering\.xml.*嵌套超过 256 层/,
    },
    { name: 'deep-divs.html', bytes: html('<div>'.repeat(1_500_000)), expect: /网页.*嵌套超过 256 层/ },
    { name: 'deep-tables.html', bytes: html('<table><tr><td>'.repeat(400_000)), expect: /网页.*嵌套超过 256 层/ },
    {
      name: 'many-elements.html',
      bytes: html('<b>一</b>'.repeat(700_000)),
      expect: /网页包含的元素超过 60 万个/,
    },
    { name: 'deep-quotes.md', bytes: deepQuotes(), expect: /看起来不是政府信息公开工作年度报告/ },
    { name: 'deep-lists.md', bytes: deepLists(), expect: /看起来不是政府信息公开工作年度报告/ },
    { name: 'deep-divs.md', bytes: enc.encode('<div>'.repeat(1_500_000)), expect: /网页.*嵌套超过 256 层/ },
    { name: 'huge.txt', bytes: enc.encode('年报'.repeat(4_300_000)), expect: /文本文件过大（超过 800 万字符）/ },
    { name: 'bomb-content.pdf', bytes: pdfContentBomb(), expect: /PDF.*解压后超过 64 MB/ },
    { name: 'billion-pages.pdf', bytes: pdfHugePageCount(), expect: /.+/ },
    { name: 'deep-page-tree.pdf', bytes: pdfDeepPageTree(20_000), expect: /.+/ },
  ];
}
