// A small report-like PDF for the build's training run of the PDF reader and the importers
// (cli-code-cache.mjs): their code caches hold the functions that run, so the PDF is made as Word and
// WPS make Chinese reports — a Type0 font (Identity-H over an embedded CIDFontType2, /W widths, a
// ToUnicode map), Flate-compressed page contents in which text (BT, Tf, Tm, TD, Tj, TJ) sits among
// graphics state and table rules (q, Q, cm, gs, re, rg, w, f, S), a cross-reference stream — so that
// the reader reads it itself (pdf.js is not loaded). Its text is a few lines of a report with rows of
// its three tables, so that the table readers run; what the importer makes of it does not matter.
import { deflateSync } from 'node:zlib';

const PAGES = [
  [
    '某县人民政府2023年政府信息公开工作年度报告',
    '一、总体情况',
    '2023年，本县坚持以公开为常态、不公开为例外，全面推进政府信息公开工作。',
    '二、主动公开政府信息情况',
    '信息内容 本年制发件数 本年废止件数 现行有效件数',
    '规章 0 0 0',
    '行政规范性文件 12 3 45',
  ],
  [
    '三、收到和处理政府信息公开申请情况',
    '一、本年新收政府信息公开申请数量 25 3 1 0 0 0 29',
    '二、上年结转政府信息公开申请数量 2 0 0 0 0 0 2',
    '三、本年度办理结果 （一）予以公开 15 2 1 0 0 0 18',
    '（二）部分公开 3 0 0 0 0 0 3',
    '四、结转下年度继续办理 1 0 0 0 0 0 1',
    '四、政府信息公开行政复议、行政诉讼情况',
    '行政复议 行政诉讼',
    '结果维持 结果纠正 其他结果 尚未审结 总计',
    '1 0 0 0 1 0 0 0 0 0 0 0 0 0 0',
    '五、存在的主要问题及改进情况',
    '六、其他需要报告的事项',
  ],
];

const hex4 = (n) => n.toString(16).padStart(4, '0').toUpperCase();

/** The PDF's bytes. */
export function trainingPdf() {
  const chars = [...new Set(PAGES.flat().join(''))];
  const code = new Map(chars.map((c, i) => [c, i + 1]));
  const widths = chars.map((c) => (c.charCodeAt(0) < 0x80 ? 500 : 1000));
  const show = (text) => `<${[...text].map((c) => hex4(code.get(c))).join('')}>`;
  const content = (lines) => {
    const out = ['q', '1 0 0 1 0 0 cm', '/GS1 gs', '0.5 w', '0 0 0 rg'];
    lines.forEach((line, i) => {
      const y = 780 - i * 28;
      out.push('q', `72 ${y - 6} 451 20 re`, 'S', 'Q');
      out.push('BT', '/F1 10.5 Tf', `1 0 0 1 72 ${y} Tm`);
      const words = line.split(' ');
      if (words.length > 1) {
        out.push(`${show(words[0])} Tj`);
        for (const w of words.slice(1)) out.push('20 0 TD', `[${show(w)} -120 ${show(' ')}] TJ`);
      } else out.push(`${show(line)} Tj`);
      out.push('ET');
    });
    out.push('Q');
    return out.join('\n');
  };
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    `${chars.length} beginbfchar`,
    ...chars.map((c, i) => `<${hex4(i + 1)}> <${hex4(c.charCodeAt(0))}>`),
    'endbfchar',
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');

  const pageIds = PAGES.map((_, i) => 9 + i * 2);
  /** Objects 1…n: [dictionary source, stream data?]. */
  const objects = [
    ['<< /Type /Catalog /Pages 2 0 R >>'],
    [`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${PAGES.length} >>`],
    ['<< /Font << /F1 4 0 R >> /ExtGState << /GS1 8 0 R >> >>'],
    [
      '<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimSun /Encoding /Identity-H /DescendantFonts [5 0 R] /ToUnicode 7 0 R >>',
    ],
    [
      `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /W [1 [${widths.join(' ')}]] /CIDToGIDMap /Identity /FontDescriptor 6 0 R >>`,
    ],
    [
      '<< /Type /FontDescriptor /FontName /ABCDEF+SimSun /Flags 4 /FontBBox [0 -140 1000 860] /ItalicAngle 0 /Ascent 860 /Descent -140 /CapHeight 700 /StemV 80 /FontFile2 13 0 R >>',
    ],
    ['<< >>', cmap],
    ['<< /Type /ExtGState /CA 1 /ca 1 >>'],
  ];
  PAGES.forEach((lines, i) => {
    objects.push([
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.3 841.9] /Resources 3 0 R /Contents ${10 + i * 2} 0 R >>`,
    ]);
    objects.push(['<< >>', content(lines)]);
  });
  objects.push(['<< >>', 'not a font program: the text reader never reads it']);

  const parts = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0].length;
  const offsets = [];
  objects.forEach(([src, stream], i) => {
    let body;
    if (stream === undefined) body = Buffer.from(src, 'latin1');
    else {
      const data = deflateSync(Buffer.from(stream, 'latin1'));
      const dict = src.replace(/>>\s*$/, `/Length ${data.length} /Filter /FlateDecode >>`);
      body = Buffer.concat([Buffer.from(`${dict}\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);
    }
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    offsets.push(length);
    parts.push(obj);
    length += obj.length;
  });
  // A cross-reference stream, as Word and WPS write (no classic xref table): its reading is then in
  // the cache too. Entries of 1 + 4 + 2 bytes: type, offset, generation.
  const size = objects.length + 2;
  const entry = (type, field2, field3) => {
    const b = Buffer.alloc(7);
    b.writeUInt8(type, 0);
    b.writeUInt32BE(field2, 1);
    b.writeUInt16BE(field3, 5);
    return b;
  };
  const table = deflateSync(
    Buffer.concat([entry(0, 0, 0xffff), ...offsets.map((o) => entry(1, o, 0)), entry(1, length, 0)]),
  );
  parts.push(
    Buffer.from(
      `${size - 1} 0 obj\n<< /Type /XRef /Size ${size} /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length ${table.length} >>\nstream\n`,
      'latin1',
    ),
    table,
    Buffer.from(`\nendstream\nendobj\nstartxref\n${length}\n%%EOF\n`, 'latin1'),
  );
  return new Uint8Array(Buffer.concat(parts));
}
