// What the .docx body holds and how each part looks, decided once for both writers of the body:
// the docx library's object model (build.ts, the reference) and the direct WordprocessingML writer
// (body-xml.ts, what exports use: building ~1,500 objects per report and serialising them through
// the library was most of a one-report export's time). The two must give the same XML; the test
// docx-body-xml.test.ts compares them part by part.
import type { PrintDocument, PrintParagraph } from '../print-model';
import type { PrintTable } from '../table-layout';
import { FONT, SIZE, TYPE_WIDTH } from '../gbt9704';

/** Paragraph style ids; the read-back recognises paragraphs by them (and by their names). */
export const STYLE = {
  title: 'Title',
  heading1: 'Heading1',
  heading2: 'Heading2',
  heading3: 'Heading3',
  body: 'Normal',
  signature: 'NbSignature',
  table: 'NbTableText',
  footer: 'NbPageNumber',
} as const;

/** Display names of the custom styles (what the clerk sees in Word's style list). */
export const STYLE_NAME = { signature: '落款', table: '表格文字', footer: '页码' } as const;

export type Fonts = { ascii: string; hAnsi: string; eastAsia: string; cs: string };

/** Chinese text in its font, Latin letters and digits in Times New Roman (export.md). */
export const fonts = (eastAsia: string, latin: string = FONT.latin): Fonts => ({
  ascii: latin,
  hAnsi: latin,
  eastAsia,
  cs: latin,
});

/** One 3号 character is 16 pt = 320 twips: indents "in characters" are multiples of it. */
export const CHAR = 320;

export const PARAGRAPH_LOOK: Record<PrintParagraph['kind'], { style: string; font: string }> = {
  title: { style: STYLE.title, font: FONT.title },
  preamble: { style: STYLE.body, font: FONT.body },
  'section-heading': { style: STYLE.heading1, font: FONT.heading1 },
  heading2: { style: STYLE.heading2, font: FONT.heading2 },
  heading3: { style: STYLE.heading3, font: FONT.heading3 },
  body: { style: STYLE.body, font: FONT.body },
  signature: { style: STYLE.signature, font: FONT.body },
};

/** Font size (half-points) of a paragraph's runs. */
export const paragraphSize = (p: PrintParagraph): number => (p.kind === 'title' ? SIZE.er : SIZE.san);

/** Font size of a table's cell text: 小四 for Table 2 and the legacy list, 五号 for Tables 3 and 4. */
export const tableTextSize = (table: PrintTable): number =>
  table.id === 't2' || table.id === 'legacy' ? SIZE.xiaosi : SIZE.wu;

/** Cell margins (twips) and the border of every edge: 0.5 pt single black lines. */
export const CELL_MARGINS = { left: 57, right: 57, top: 0, bottom: 0 } as const;

/** Relative widths (adding up to 1000) → twips adding up to exactly the type width. */
export function gridColumns(rel: readonly number[], total = TYPE_WIDTH): number[] {
  const sum = rel.reduce((a, b) => a + b, 0);
  const out: number[] = [];
  let acc = 0;
  let prev = 0;
  for (const w of rel) {
    acc += w;
    const edge = Math.round((acc / sum) * total);
    out.push(edge - prev);
    prev = edge;
  }
  return out;
}

export type BodyItem =
  /** The title, one line per entry (line breaks inside one paragraph). */
  | { kind: 'title'; lines: string[] }
  | {
      kind: 'paragraph';
      paragraph: PrintParagraph;
      keepNext?: true;
      /** Signature lines: right indent (twips) and, on the first, space before (twips). */
      indentRight?: number;
      spacingBefore?: number;
    }
  | { kind: 'table'; table: PrintTable }
  /** A paragraph after a table keeps the next table or heading from touching it; empty, it prints nothing. */
  | { kind: 'spacer' };

/** The body in document order, with the keep-with-next decisions of export.md ("Pagination"). */
export function bodyPlan(doc: PrintDocument, linePitch: number): BodyItem[] {
  const items: BodyItem[] = [{ kind: 'title', lines: doc.title.lines }];
  for (const p of doc.preamble) items.push({ kind: 'paragraph', paragraph: p });
  const lastSection = doc.sections[doc.sections.length - 1];
  for (const section of doc.sections) {
    // The last paragraph before the signature keeps with it: a signature never stands alone on a page.
    const endsDocument = section === lastSection && !section.table && !doc.legacyTable && doc.signature.length > 0;
    // …and the last paragraph before a table keeps with it (四 and its table never part).
    // The heading style itself keeps with the next paragraph.
    items.push({ kind: 'paragraph', paragraph: { kind: 'section-heading', text: section.heading } });
    section.blocks.forEach((block, i) =>
      items.push({
        kind: 'paragraph',
        paragraph: block,
        ...((endsDocument || section.table) && i === section.blocks.length - 1 ? { keepNext: true as const } : {}),
      }),
    );
    if (section.table) items.push({ kind: 'table', table: section.table }, { kind: 'spacer' });
  }
  if (doc.legacyTable) items.push({ kind: 'table', table: doc.legacyTable }, { kind: 'spacer' });
  doc.signature.forEach((p, i) =>
    items.push({
      kind: 'paragraph',
      paragraph: p,
      indentRight: Math.round((p.rightIndent ?? 0) * CHAR),
      ...(i === 0 ? { spacingBefore: 2 * linePitch } : {}),
    }),
  );
  return items;
}
