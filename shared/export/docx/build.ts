// Length: the whole GB/T 9704 layout of the .docx (page, styles, tables, footer) in one place, as
// the docx library builds it.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
  type IParagraphStyleOptions,
  type IRunOptions,
} from 'docx';
import type { Report } from '../../model/types';
import { buildPrintDocument, type PrintParagraph } from '../print-model';
import type { PrintCell, PrintTable } from '../table-layout';
import { FONT, LINE_PITCH, PAGE, SIZE, TYPE_WIDTH, type PageNumberPlacement } from '../gbt9704';
import { finishPackage } from './package-fixes';
import { zipPackage, type Crc32, type DeflateRaw } from './zip-package';
import { coverOf, keepWithNext } from '../pagination';
import { printableText } from '../text';
import {
  bodyPlan,
  CELL_MARGINS,
  fonts,
  gridColumns,
  PARAGRAPH_LOOK,
  paragraphSize,
  STYLE,
  STYLE_NAME,
  tableTextSize,
  CHAR,
  type BodyItem,
} from './body-plan';
import { bodyXml } from './body-xml';

export interface DocxOptions {
  /** Page numbers: odd pages right and even pages left (GB/T 9704 §7.5, default) or all centred. */
  pageNumbers?: PageNumberPlacement;
  /** Embed the report JSON (default true): importing the .docx then gives back the exact report. */
  embed?: boolean;
  /**
   * A native raw deflate (zlib's deflateRawSync) to zip the package with (zip-package.ts); without
   * it the docx library's JavaScript deflate zips it. Same files either way.
   */
  deflateRaw?: DeflateRaw;
  /** With deflateRaw: a native CRC-32 (zlib's crc32); a JavaScript one otherwise. */
  crc32?: Crc32;
  /**
   * How the body (paragraphs and tables) is written: 'xml' (default) directly as WordprocessingML
   * (body-xml.ts), or 'objects' through the docx library's object model, as before — the same
   * XML, kept as the reference the tests compare with and as the fallback.
   */
  body?: 'xml' | 'objects';
}

export { STYLE, STYLE_NAME, gridColumns } from './body-plan';

function runs(text: string, base: Omit<IRunOptions, 'text' | 'break'>): TextRun[] {
  const lines = printableText(text).split(/\r?\n/);
  return lines.map((line, i) => new TextRun({ ...base, text: line, ...(i > 0 ? { break: 1 } : {}) }));
}

function styles(): IParagraphStyleOptions[] {
  const exact = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  const indent2 = { firstLine: 2 * CHAR, firstLineChars: 200 };
  const heading = (id: string, name: string, font: string, level: number): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: STYLE.body,
    next: STYLE.body,
    quickFormat: true,
    paragraph: { keepNext: true, keepLines: true, outlineLevel: level, spacing: exact, indent: indent2 },
    run: { font: fonts(font), size: SIZE.san, bold: false, color: '000000' },
  });
  return [
    {
      id: STYLE.body,
      name: 'Normal',
      quickFormat: true,
      paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: exact, indent: indent2 },
      run: { font: fonts(FONT.body), size: SIZE.san, color: '000000' },
    },
    {
      id: STYLE.title,
      name: 'Title',
      basedOn: STYLE.body,
      next: STYLE.body,
      quickFormat: true,
      paragraph: {
        alignment: AlignmentType.CENTER,
        // 2号 needs more than the body pitch; one blank body line separates title and text.
        spacing: { line: 700, lineRule: LineRuleType.EXACT, before: 0, after: LINE_PITCH },
        indent: { firstLine: 0, firstLineChars: 0 },
        keepNext: true,
      },
      run: { font: fonts(FONT.title), size: SIZE.er, bold: false, color: '000000' },
    },
    heading(STYLE.heading1, 'heading 1', FONT.heading1, 0),
    heading(STYLE.heading2, 'heading 2', FONT.heading2, 1),
    heading(STYLE.heading3, 'heading 3', FONT.heading3, 2),
    {
      id: STYLE.signature,
      name: STYLE_NAME.signature,
      basedOn: STYLE.body,
      next: STYLE.signature,
      paragraph: {
        alignment: AlignmentType.RIGHT,
        indent: { firstLine: 0, firstLineChars: 0 },
        keepNext: true,
        keepLines: true,
      },
    },
    {
      id: STYLE.table,
      name: STYLE_NAME.table,
      basedOn: STYLE.body,
      next: STYLE.table,
      paragraph: {
        alignment: AlignmentType.CENTER,
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        indent: { firstLine: 0, firstLineChars: 0 },
      },
      run: { font: fonts(FONT.table), size: SIZE.wu },
    },
    {
      id: STYLE.footer,
      name: STYLE_NAME.footer,
      basedOn: STYLE.body,
      paragraph: {
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        indent: { firstLine: 0, firstLineChars: 0 },
      },
      run: { font: fonts(FONT.pageNumber, FONT.pageNumber), size: SIZE.si },
    },
  ];
}

function paragraph(p: PrintParagraph, extra: ConstructorParameters<typeof Paragraph>[0] & object = {}): Paragraph {
  const look = PARAGRAPH_LOOK[p.kind];
  return new Paragraph({
    style: look.style,
    ...extra,
    children: runs(p.text, { font: fonts(look.font), size: paragraphSize(p) }),
  });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

function cellParagraph(cell: PrintCell | null, size: number): Paragraph {
  if (!cell) return new Paragraph({ style: STYLE.table });
  const note = cell.role === 'note';
  return new Paragraph({
    style: STYLE.table,
    alignment: cell.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
    children: runs(cell.text, {
      font: fonts(note ? FONT.tableNote : FONT.table),
      size,
    }),
  });
}

export function docxTable(table: PrintTable): Table {
  const widths = gridColumns(table.colWidths);
  const size = tableTextSize(table);
  // Which origin cell covers each grid slot: continuation cells of vertical merges need it.
  const cover = coverOf(table);
  // Where the table may break (pagination.ts): keepNext on the rows that stay with the next one.
  const keep = keepWithNext(table, cover);
  const span = (cell: PrintCell) => widths.slice(cell.c, cell.c + cell.colspan).reduce((a, b) => a + b, 0);
  const rows: TableRow[] = [];
  for (let r = 0; r < table.gridRows; r++) {
    const children: TableCell[] = [];
    for (let c = 0; c < table.gridCols;) {
      const cell = cover[r]![c];
      if (!cell) {
        children.push(
          new TableCell({
            children: [cellParagraph(null, size)],
            width: { size: widths[c]!, type: WidthType.DXA },
          }),
        );
        c++;
        continue;
      }
      const origin = cell.r === r;
      children.push(
        new TableCell({
          children: [cellParagraph(origin ? cell : null, size)],
          width: { size: span(cell), type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          ...(cell.colspan > 1 ? { columnSpan: cell.colspan } : {}),
          ...(cell.rowspan > 1
            ? { verticalMerge: origin ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE }
            : {}),
        }),
      );
      c += cell.colspan;
    }
    rows.push(
      new TableRow({
        children,
        cantSplit: true,
        keepNext: keep[r],
        ...(r < table.headerRows ? { tableHeader: true } : {}),
      }),
    );
  }
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: TYPE_WIDTH, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    margins: CELL_MARGINS,
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
  });
}

function footer(
  alignment: (typeof AlignmentType)[keyof typeof AlignmentType],
  indent: { left?: number; right?: number },
): Footer {
  const base = { font: fonts(FONT.pageNumber, FONT.pageNumber), size: SIZE.si };
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        alignment,
        indent,
        children: [
          new TextRun({ ...base, text: '— ' }),
          new TextRun({ ...base, children: [PageNumber.CURRENT] }),
          new TextRun({ ...base, text: ' —' }),
        ],
      }),
    ],
  });
}

/** The body of the object model, item by item (body-plan.ts). */
function docxBody(plan: readonly BodyItem[]): (Paragraph | Table)[] {
  return plan.map((item) => {
    switch (item.kind) {
      case 'title':
        return new Paragraph({
          style: STYLE.title,
          children: item.lines.flatMap((line, i) =>
            runs(line, { font: fonts(FONT.title), size: SIZE.er, ...(i > 0 ? { break: 1 } : {}) }),
          ),
        });
      case 'paragraph':
        return paragraph(item.paragraph, {
          ...(item.keepNext ? { keepNext: true } : {}),
          ...(item.indentRight !== undefined ? { indent: { right: item.indentRight } } : {}),
          ...(item.spacingBefore !== undefined ? { spacing: { before: item.spacingBefore } } : {}),
        });
      case 'table':
        return docxTable(item.table);
      case 'spacer':
        return new Paragraph({ style: STYLE.table, spacing: { line: 240, lineRule: LineRuleType.AUTO } });
    }
  });
}

/** The whole document as the docx library's object model (the reference for body-xml.ts). */
export function buildDocument(report: Report, options: DocxOptions = {}): Document {
  return documentWith(report, options, docxBody(bodyPlan(buildPrintDocument(report), LINE_PITCH)));
}

function documentWith(report: Report, options: DocxOptions, children: (Paragraph | Table)[]): Document {
  const centred = options.pageNumbers === 'center';
  const oneChar = SIZE.si * 10; // one 4号 character (14 pt) in twips
  return new Document({
    creator: '年报编制助手',
    lastModifiedBy: '年报编制助手',
    title: printableText(report.title),
    description: `${report.agency.name} ${report.year}年政府信息公开工作年度报告`,
    evenAndOddHeaderAndFooters: !centred,
    styles: {
      default: {
        document: { run: { font: fonts(FONT.body), size: SIZE.san, language: { value: 'en-US', eastAsia: 'zh-CN' } } },
      },
      paragraphStyles: styles(),
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: {
              top: PAGE.marginTop,
              bottom: PAGE.marginBottom,
              left: PAGE.marginLeft,
              right: PAGE.marginRight,
              header: PAGE.header,
              footer: PAGE.footer,
              gutter: 0,
            },
          },
          // No character grid: LibreOffice reads `linesAndChars` pitches differently from Word and
          // WPS and then spreads characters apart. The fixed line spacing alone gives 22 lines.
          grid: { linePitch: LINE_PITCH },
        },
        footers: centred
          ? { default: footer(AlignmentType.CENTER, {}) }
          : {
              default: footer(AlignmentType.RIGHT, { right: oneChar }),
              even: footer(AlignmentType.LEFT, { left: oneChar }),
            },
        children,
      },
    ],
  });
}

/**
 * The report as a .docx for sign-off: GB/T 9704 page, the official tables with their merges, the
 * report JSON embedded so that importing the file gives back the same report.
 */
export async function buildDocx(report: Report, options: DocxOptions = {}): Promise<Uint8Array> {
  const embedded = options.embed === false ? null : report;
  const plan = bodyPlan(buildPrintDocument(report), LINE_PITCH);
  if (options.body !== 'objects') {
    // Everything but the body from the library (styles, footers, settings, relationships…), with
    // an empty body; the body written directly into its document part.
    const shell = documentWith(report, options, []);
    const parts = finishPackage(shell, embedded);
    const files = packageFiles(shell, parts);
    const documentXml = files && withBody(files.get(DOCUMENT_PART), bodyXml(plan));
    if (files && documentXml) {
      files.set(DOCUMENT_PART, documentXml);
      return options.deflateRaw
        ? zipPackage(files, options.deflateRaw, new Date(), options.crc32)
        : Packer.pack(shell, 'uint8array', false, [...parts, { path: DOCUMENT_PART, data: documentXml }]);
    }
  }
  const doc = documentWith(report, options, docxBody(plan));
  const parts = finishPackage(doc, embedded);
  const files = options.deflateRaw ? packageFiles(doc, parts) : null;
  return files
    ? zipPackage(files, options.deflateRaw!, new Date(), options.crc32)
    : Packer.pack(doc, 'uint8array', false, parts);
}

const DOCUMENT_PART = 'word/document.xml';

/** The document part of an empty body with `body` put in; null when the part is not of that shape. */
function withBody(xml: string | Uint8Array | undefined, body: string): string | null {
  if (typeof xml !== 'string') return null;
  const at = xml.indexOf('<w:body><w:sectPr');
  if (at < 0 || xml.indexOf('<w:body>', at + 1) >= 0) return null;
  const start = at + '<w:body>'.length;
  return xml.slice(0, start) + body + xml.slice(start);
}

type PackageCompiler = {
  compile(
    doc: Document,
    prettify: undefined,
    overrides: { path: string; data: string }[],
  ): Map<string, string | Uint8Array>;
};

/**
 * The package's files as the docx library's packer zips them (its compiler: not part of its typed
 * API, so looked for, and the packer used whole when it is not there). Zipped by zip-package.ts.
 */
function packageFiles(doc: Document, parts: { path: string; data: string }[]): Map<string, string | Uint8Array> | null {
  const compiler = (Packer as unknown as { compiler?: Partial<PackageCompiler> }).compiler;
  if (typeof compiler?.compile !== 'function') return null;
  const files = (compiler as PackageCompiler).compile(doc, undefined, parts);
  return files instanceof Map ? files : null;
}
