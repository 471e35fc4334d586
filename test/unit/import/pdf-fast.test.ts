import { existsSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { nodePdfjsExtractor, nodePdfExtractor, zlibInflate } from '../../../electron/services/import/node-import';
import { fastPdfText, Unsupported, withFallback } from '../../../shared/import/pdf/fast/extract';
import type { PdfText, PdfTextExtractor } from '../../../shared/import/pdf/pdfjs';
import { buildPdf, hexFilterPdf, type PdfObjectSpec, toUnicodeCMap, utf16hex } from '../../fixtures/import/pdf-builder';
import { describeUnless } from '../../fixtures/skip';

// The fonts' programs are embedded (the fast reader leaves fonts without one to pdf.js, which
// reads them differently): any TrueType font of the system serves — the text comes from ToUnicode.
const TTF = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf',
].find((f) => existsSync(f));
const NO_TTF = !TTF && '没有可嵌入的 TrueType 字体（apt-get install fonts-dejavu-core）';
const fontFile = (): PdfObjectSpec => ({
  src: '<< >>',
  stream: TTF ? new Uint8Array(readFileSync(TTF)) : '',
  compress: true,
});

/**
 * The fast PDF reader (shared/import/pdf/fast), one PDF feature at a time, on small PDFs written
 * by hand: each must give exactly the items pdf.js gives for the same file (pdf.js as shipped is
 * the oracle), and what it does not understand must go to pdf.js.
 */

const CJK = '年报政府信息公开工作';
/** Codes 1…10 of the CID font: bfchar for 1–2, a bfrange with a start string for 3–6, an array for 7–10. */
const cidCMap = toUnicodeCMap(
  2,
  [
    ['0001', utf16hex(CJK[0]!)],
    ['0002', utf16hex(CJK[1]!)],
  ],
  [
    `<0003> <0006> <${utf16hex(CJK[2]!)}>`.replace(utf16hex(CJK[2]!), utf16hex(CJK[2]!)),
    `<0007> <000A> [<${utf16hex(CJK[6]!)}> <${utf16hex(CJK[7]!)}> <${utf16hex(CJK[8]!)}> <${utf16hex(CJK[9]!)}>]`,
  ],
);
// Codes 3–6 map to consecutive code points from the start string: make the expected text from them.
const fromRange = (start: string, n: number) =>
  Array.from({ length: n }, (_, i) => String.fromCodePoint(start.codePointAt(0)! + i)).join('');
const CID_TEXT = CJK.slice(0, 2) + fromRange(CJK[2]!, 4) + CJK.slice(6);
const cid = (codes: number[]) => `<${codes.map((c) => c.toString(16).padStart(4, '0')).join('')}>`;

const latinCMap = toUnicodeCMap(1, [], ['<20> <7E> <0020>']);
const widths = Array.from({ length: 95 }, (_, i) => 400 + ((i * 37) % 300)).join(' ');

interface Doc {
  content: string;
  pageExtra?: string;
  pagesExtra?: string;
  resourcesExtra?: string;
  extra?: PdfObjectSpec[];
  compress?: boolean;
  vertical?: boolean;
  fontF2?: string;
}

/** Catalog 1, Pages 2, Page 3, content 4, CID font 5–7, TrueType font 8–10, CID descriptor 11, font program 12, then `extra` from 13. */
function doc(d: Doc, opts: Parameters<typeof buildPdf>[1] = {}): Uint8Array {
  return buildPdf(
    [
      { src: '<< /Type /Catalog /Pages 2 0 R >>' },
      { src: `<< /Type /Pages /Kids [3 0 R] /Count 1 ${d.pagesExtra ?? ''} >>` },
      {
        src: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ${d.pageExtra ?? ''} /Resources << /Font << /F1 5 0 R /F2 8 0 R >> ${d.resourcesExtra ?? ''} >> /Contents 4 0 R >>`,
      },
      { src: '<< >>', stream: d.content, compress: d.compress },
      {
        src: `<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimSun /Encoding /Identity-${d.vertical ? 'V' : 'H'} /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>`,
      },
      {
        src: '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /W [1 [1000 950] 3 6 1000 7 [880 900 1000 1000]] /CIDToGIDMap /Identity /FontDescriptor 11 0 R >>',
      },
      { src: '<< >>', stream: cidCMap, compress: true },
      {
        src:
          d.fontF2 ??
          `<< /Type /Font /Subtype /TrueType /BaseFont /GHIJKL+Arial /FirstChar 32 /LastChar 126 /Widths [${widths}] /FontDescriptor 10 0 R /ToUnicode 9 0 R >>`,
      },
      { src: '<< >>', stream: latinCMap },
      {
        src: '<< /Type /FontDescriptor /FontName /GHIJKL+Arial /Flags 32 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 12 0 R >>',
      },
      {
        src: '<< /Type /FontDescriptor /FontName /ABCDEF+SimSun /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 12 0 R >>',
      },
      fontFile(),
      ...(d.extra ?? []),
    ],
    opts,
  );
}

const viaJson = (t: PdfText) => JSON.parse(JSON.stringify(t)) as PdfText;
async function both(bytes: Uint8Array): Promise<{ fast: PdfText; pdfjs: PdfText }> {
  const fast = viaJson(fastPdfText(bytes, zlibInflate));
  const pdfjs = viaJson(await nodePdfjsExtractor()(bytes));
  return { fast, pdfjs };
}
const text = (t: PdfText) => t.pages.map((p) => p.items.map((i) => i.str).join('|')).join('\n');

const BODY = `BT /F1 16 Tf 72 760 Td ${cid([1, 2, 3, 4, 5])} Tj [${cid([6, 7])} -250 ${cid([8, 9, 10])}] TJ ET
BT /F2 11 Tf 72 700 Td (Government information disclosure 2024) Tj ET`;

describeUnless(NO_TTF, 'fast PDF reader: the same items as pdf.js', () => {
  it('classic xref table, plain content, a CID TrueType font (bfchar, bfrange string and array) and a TrueType font', async () => {
    const { fast, pdfjs } = await both(doc({ content: BODY }));
    expect(fast).toEqual(pdfjs);
    expect(text(fast).replace(/[| ]/g, '')).toContain(CID_TEXT);
    expect(text(fast)).toContain('Government information disclosure 2024');
  });

  it('cross-reference stream with a PNG predictor, objects in an object stream, Flate content', async () => {
    const bytes = doc({ content: BODY, compress: true }, { xrefStream: true, objectStream: true, predictor: true });
    expect(new TextDecoder('latin1').decode(bytes)).toContain('/Type /ObjStm');
    const { fast, pdfjs } = await both(bytes);
    expect(fast).toEqual(pdfjs);
    expect(text(fast)).toContain('Government information disclosure 2024');
  });

  it('text positioning and state: Td TD Tm T* \' " Tc Tw Tz TL Ts, cm, q/Q', async () => {
    const content = `q 1 0 0 1 10 -20 cm
BT /F2 12 Tf 14 TL 72 760 Td (First line) Tj T* (second line) Tj 0 -20 TD (third) Tj T* (fourth) Tj
(quote op) ' 2 1 (dquote op with spacing) " ET Q
BT /F2 10 Tf 1.5 Tc 3 Tw 80 Tz 72 600 Td (Spaced words here) Tj 0 Tc 0 Tw 100 Tz 5 Ts (raised) Tj 0 Ts ET
BT /F2 10 Tf 0.8 0 0 1.2 300 500 Tm (scaled matrix) Tj 1 0 0 1 300 480 Tm (next) Tj ET
q 0.5 0 0 0.5 100 100 cm BT /F1 20 Tf 0 0 Td ${cid([1, 2, 3])} Tj ET Q
BT /F2 9 Tf 72 300 Td (after restore) Tj ET`;
    const { fast, pdfjs } = await both(doc({ content }));
    expect(fast).toEqual(pdfjs);
    // Word spacing 2 on " moves the words apart: pdf.js splits them, and so must we.
    expect(text(fast)).toContain('dquote|op|with|spacing');
    expect(fast.pages[0]!.items.length).toBeGreaterThan(8);
  });

  it('TJ spacing: small kerning joins, large gaps split items or become spaces', async () => {
    const content = `BT /F2 10 Tf 72 700 Td [(Tab) -20 (le) -300 (one) -2000 (two) 120 (three)] TJ ET
BT /F1 12 Tf 72 650 Td [${cid([1, 2])} -3000 ${cid([3, 4])} -100 ${cid([5])}] TJ ET`;
    const { fast, pdfjs } = await both(doc({ content }));
    expect(fast).toEqual(pdfjs);
  });

  it('Form XObjects drawn with Do (own matrix and resources), marked content, images skipped', async () => {
    const content = `/P <</MCID 0>> BDC BT /F2 12 Tf 72 760 Td (before form) Tj ET EMC
q 1 0 0 1 50 -100 cm /Fm1 Do Q /Im1 Do
BT /F2 12 Tf 72 500 Td (after) Tj /Span BMC (marked) Tj EMC ( tail) Tj ET`;
    const extra: PdfObjectSpec[] = [
      {
        src: '<< /Type /XObject /Subtype /Form /BBox [0 0 500 500] /Matrix [1 0 0 1 20 30] /Resources << /Font << /G 8 0 R >> >> >>',
        stream: 'BT /G 14 Tf 100 600 Td (inside the form) Tj ET',
        compress: true,
      },
      {
        src: '<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 >>',
        stream: '\x80',
      },
    ];
    const { fast, pdfjs } = await both(
      doc({ content, resourcesExtra: '/XObject << /Fm1 13 0 R /Im1 14 0 R >>', extra }),
    );
    expect(fast).toEqual(pdfjs);
    expect(text(fast)).toContain('inside the form');
  });

  it('vertical writing (Identity-V)', async () => {
    const content = `BT /F1 14 Tf 300 700 Td ${cid([1, 2, 3, 4])} Tj ET`;
    const { fast, pdfjs } = await both(doc({ content, vertical: true }));
    expect(fast).toEqual(pdfjs);
    expect(fast.pages[0]!.items.some((i) => i.vertical)).toBe(true);
  });

  it('page boxes and rotation: CropBox within the MediaBox, /Rotate 90 inherited from the page tree', async () => {
    const content = `BT /F2 12 Tf 72 500 Td (Sideways page text) Tj ET`;
    const { fast, pdfjs } = await both(
      doc({ content, pageExtra: '/CropBox [20 30 580 800]', pagesExtra: '/Rotate 90' }),
    );
    expect(fast).toEqual(pdfjs);
    expect(fast.pages[0]!.width).toBe(770);
  });

  it('resources inherited from the page tree and merged with the page’s own', async () => {
    const bytes = buildPdf([
      { src: '<< /Type /Catalog /Pages 2 0 R >>' },
      { src: '<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources << /Font << /F2 5 0 R >> >> >>' },
      {
        src: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /ProcSet [/PDF /Text] >> /Contents 4 0 R >>',
      },
      { src: '<< >>', stream: 'BT /F2 12 Tf 72 700 Td (inherited font) Tj ET' },
      {
        src: `<< /Type /Font /Subtype /TrueType /BaseFont /Arial /FirstChar 32 /LastChar 126 /Widths [${widths}] /FontDescriptor 7 0 R /ToUnicode 6 0 R >>`,
      },
      { src: '<< >>', stream: latinCMap },
      { src: '<< /Type /FontDescriptor /FontName /Arial /Flags 32 /FontBBox [0 -200 1000 900] /FontFile2 8 0 R >>' },
      fontFile(),
    ]);
    const fast = viaJson(fastPdfText(bytes, zlibInflate));
    expect(fast).toEqual(viaJson(await nodePdfjsExtractor()(bytes)));
  });
});

describeUnless(NO_TTF, 'fast PDF reader: what it does not fully understand goes to pdf.js', () => {
  const spy = () => {
    const calls: number[] = [];
    const fallback: PdfTextExtractor = async (bytes) => {
      calls.push(bytes.length);
      return nodePdfjsExtractor()(bytes);
    };
    return { calls, extract: withFallback(zlibInflate, fallback) };
  };
  const cases: [string, () => Uint8Array][] = [
    [
      'an encrypted file (/Encrypt in the trailer)',
      () => doc({ content: BODY }, { trailerExtra: '/Encrypt << /Filter /Standard >>' }),
    ],
    [
      'a standard font without ToUnicode (Helvetica)',
      () =>
        doc({
          content: BODY,
          fontF2: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
        }),
    ],
    [
      'a CID font code missing from ToUnicode',
      () => doc({ content: `BT /F1 12 Tf 72 700 Td ${cid([1, 2, 77])} Tj ET` }),
    ],
    ['an unknown filter', () => doc({ content: BODY, resourcesExtra: '' }).slice()],
    [
      'an xref offset that does not point at its object',
      () => {
        const b = doc({ content: BODY });
        const s = new TextDecoder('latin1').decode(b);
        const at = s.lastIndexOf('0000000') + 7; // the last entry's offset, damaged
        const out = b.slice();
        out[at] = out[at] === 0x31 ? 0x32 : 0x31;
        return out;
      },
    ],
    ['an inline image', () => doc({ content: `BI /W 1 /H 1 /CS /G /BPC 8 ID \x80 EI\n${BODY}` })],
  ];
  // The unknown-filter case: the content stream written as hex (ASCIIHexDecode).
  cases[3] = ['an unknown filter (ASCIIHexDecode)', hexFilterPdf];

  for (const [name, make] of cases) {
    it(name, async () => {
      const bytes = make();
      expect(() => fastPdfText(bytes, zlibInflate)).toThrow(Unsupported);
      const { calls, extract } = spy();
      // The same outcome as pdf.js alone: its text, or its error (a fake /Encrypt is refused by it).
      const settle = (p: Promise<PdfText>) =>
        p.then(viaJson, (e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }));
      const got = await settle(extract(bytes));
      expect(calls).toHaveLength(1);
      expect(got).toEqual(await settle(nodePdfjsExtractor()(bytes)));
    });
  }

  it('the importers’ extractor reads a supported file without pdf.js', async () => {
    const { calls, extract } = spy();
    const bytes = doc({ content: BODY });
    await extract(bytes);
    expect(calls).toHaveLength(0);
    expect(viaJson(await nodePdfExtractor()(bytes))).toEqual(viaJson(fastPdfText(bytes, zlibInflate)));
  });
});
