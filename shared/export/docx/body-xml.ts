// The .docx body (paragraphs and the official tables) written directly as WordprocessingML, the
// same elements, attributes and order as the docx library writes for build.ts' object model. A
// report's body is ~1,500 library objects (every cell a TableCell, Paragraph, TextRun, run
// properties…), each turned into an intermediate tree and then into text: for a process that
// exports one report, that was the largest part of its work. Here it is one pass over the plan.
// docx-body-xml.test.ts checks that every part of the package is identical to the library's.
import { FONT, TYPE_WIDTH } from '../gbt9704';
import { coverOf, keepWithNext } from '../pagination';
import type { PrintCell, PrintTable } from '../table-layout';
import { printableText } from '../text';
import {
  CELL_MARGINS,
  fonts,
  gridColumns,
  PARAGRAPH_LOOK,
  paragraphSize,
  STYLE,
  tableTextSize,
  type BodyItem,
} from './body-plan';

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** As the docx library escapes text and attribute values (control characters dropped). */
const escapeXml = (value: string): string =>
  value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES[c] ?? '');

/** Run properties of one font and size (fonts as fonts() gives them, in the library's attribute order). */
function runProperties(eastAsia: string, size: number): string {
  const f = fonts(eastAsia);
  return (
    `<w:rPr><w:rFonts w:ascii="${escapeXml(f.ascii)}" w:cs="${escapeXml(f.cs)}" w:eastAsia="${escapeXml(f.eastAsia)}" ` +
    `w:hAnsi="${escapeXml(f.hAnsi)}"/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>`
  );
}

/** One run per line of the text, each line after the first starting with a break (build.ts' runs()). */
function runs(text: string, rPr: string, breakFirst = false): string {
  return printableText(text)
    .split(/\r?\n/)
    .map(
      (line, i) =>
        `<w:r>${rPr}${breakFirst || i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r>`,
    )
    .join('');
}

const pStyle = (style: string) => `<w:pStyle w:val="${style}"/>`;

function paragraphXml(item: Extract<BodyItem, { kind: 'paragraph' }>): string {
  const look = PARAGRAPH_LOOK[item.paragraph.kind];
  const pPr =
    pStyle(look.style) +
    (item.keepNext ? '<w:keepNext/>' : '') +
    (item.spacingBefore !== undefined ? `<w:spacing w:before="${item.spacingBefore}"/>` : '') +
    (item.indentRight !== undefined ? `<w:ind w:right="${item.indentRight}"/>` : '');
  return `<w:p><w:pPr>${pPr}</w:pPr>${runs(item.paragraph.text, runProperties(look.font, paragraphSize(item.paragraph)))}</w:p>`;
}

const BORDER = 'w:val="single" w:color="000000" w:sz="4"';
const width = (w: number) => `w:type="dxa" w:w="${w}"`;

function tableProperties(widths: number[]): string {
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((e) => `<w:${e} ${BORDER}/>`).join('');
  const m = CELL_MARGINS;
  return (
    `<w:tblPr><w:tblW ${width(TYPE_WIDTH)}/><w:jc w:val="center"/><w:tblBorders>${borders}</w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top ${width(m.top)}/><w:left ${width(m.left)}/>` +
    `<w:bottom ${width(m.bottom)}/><w:right ${width(m.right)}/></w:tblCellMar></w:tblPr>` +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`
  );
}

function tableXml(table: PrintTable): string {
  const widths = gridColumns(table.colWidths);
  const size = tableTextSize(table);
  const textRun = runProperties(FONT.table, size);
  const noteRun = runProperties(FONT.tableNote, size);
  const cover = coverOf(table);
  const keep = keepWithNext(table, cover);
  const out: string[] = [`<w:tbl>${tableProperties(widths)}`];
  for (let r = 0; r < table.gridRows; r++) {
    // A row's keep-with-next goes on its cells' paragraphs, after the style (as the library does).
    const keepNext = keep[r] ? '<w:keepNext/>' : '<w:keepNext w:val="false"/>';
    const empty = `<w:p><w:pPr>${pStyle(STYLE.table)}${keepNext}</w:pPr></w:p>`;
    const cellParagraph = (cell: PrintCell) =>
      `<w:p><w:pPr>${pStyle(STYLE.table)}${keepNext}<w:jc w:val="${cell.align === 'left' ? 'left' : 'center'}"/></w:pPr>` +
      `${runs(cell.text, cell.role === 'note' ? noteRun : textRun)}</w:p>`;
    out.push(`<w:tr><w:trPr><w:cantSplit/>${r < table.headerRows ? '<w:tblHeader/>' : ''}</w:trPr>`);
    for (let c = 0; c < table.gridCols;) {
      const cell = cover[r]![c];
      if (!cell) {
        out.push(`<w:tc><w:tcPr><w:tcW ${width(widths[c]!)}/></w:tcPr>${empty}</w:tc>`);
        c++;
        continue;
      }
      const origin = cell.r === r;
      let span = 0;
      for (let i = cell.c; i < cell.c + cell.colspan; i++) span += widths[i] ?? 0;
      out.push(
        `<w:tc><w:tcPr><w:tcW ${width(span)}/>` +
          (cell.colspan > 1 ? `<w:gridSpan w:val="${cell.colspan}"/>` : '') +
          (cell.rowspan > 1 ? `<w:vMerge w:val="${origin ? 'restart' : 'continue'}"/>` : '') +
          `<w:vAlign w:val="center"/></w:tcPr>${origin ? cellParagraph(cell) : empty}</w:tc>`,
      );
      c += cell.colspan;
    }
    out.push('</w:tr>');
  }
  out.push('</w:tbl>');
  return out.join('');
}

/** The body's content (what goes between `<w:body>` and the section properties). */
export function bodyXml(plan: readonly BodyItem[]): string {
  return plan
    .map((item) => {
      switch (item.kind) {
        case 'title': {
          const rPr = runProperties(FONT.title, paragraphSize({ kind: 'title', text: '' }));
          return `<w:p><w:pPr>${pStyle(STYLE.title)}</w:pPr>${item.lines.map((line, i) => runs(line, rPr, i > 0)).join('')}</w:p>`;
        }
        case 'paragraph':
          return paragraphXml(item);
        case 'table':
          return tableXml(item.table);
        case 'spacer':
          return `<w:p><w:pPr>${pStyle(STYLE.table)}<w:spacing w:line="240" w:lineRule="auto"/></w:pPr></w:p>`;
      }
    })
    .join('');
}
