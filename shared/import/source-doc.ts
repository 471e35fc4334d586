/**
 * What every reader produces: the document as a flat sequence of lines, tables and images, in
 * reading order. The shared steps (sections, tables, title, year …) work on this alone, so a new
 * input kind is a new reader, not new logic.
 */

export type ImportKind = 'exported-docx' | 'docx' | 'html' | 'pdf' | 'text';

/** One cell of a table row or one piece of a line, with its horizontal extent when known. */
export interface SrcCell {
  text: string;
  /** Left and right edge: grid columns for real tables, points for PDF. */
  x0?: number;
  x1?: number;
  /** Real tables: the cell spans these grid rows (origin row only; merged rows carry no copy). */
  rowSpan?: number;
  /** PDF: the text runs top to bottom (a vertical label such as “三、本年度办理结果”). */
  vertical?: boolean;
}

export interface SrcLine {
  type: 'line';
  text: string;
  /** Pieces separated by wide gaps (PDF) or by `|` / tabs (text); absent for plain paragraphs. */
  cells?: SrcCell[];
  /** Heading level declared by the source (docx heading styles, HTML h1–h6): 1 = title-like. */
  level?: number;
  /** PDF and wrapped text: whether this line starts a new paragraph or continues the previous one. */
  para?: 'start' | 'cont';
  page?: number;
  /** Font size in points (PDF), used to find the title. */
  size?: number;
  /** Text with one table cell per line (`规章 |`, `2 |`): a lone `|` is a cell left empty. */
  emptyCell?: true;
  /** A row of a Markdown table (`| | 37 | |`), also when only one cell has text. */
  barRow?: true;
  /** Website furniture cut out of a longer line (text/segment.ts): dropped, read for the publish date. */
  chrome?: true;
}

export interface SrcTable {
  type: 'table';
  /** Physical rows; each lists its origin cells with grid columns in x0/x1. */
  rows: SrcCell[][];
}

export interface SrcImage {
  type: 'image';
  alt: string;
  src: string;
}

export type SrcBlock = SrcLine | SrcTable | SrcImage;

export interface SourceDoc {
  kind: ImportKind;
  blocks: SrcBlock[];
  /** Reader warnings (Chinese), e.g. pages without text. */
  warnings: string[];
  /** Lines are visual lines of wrapped paragraphs (PDF, text copied from a PDF). */
  wrapped?: boolean;
  /** Extra facts a reader found (e.g. the publish date from an HTML meta tag). */
  hints?: { title?: string; publishedAt?: string; agency?: string; attachments?: string[] };
}

export const line = (text: string, extra: Partial<SrcLine> = {}): SrcLine => ({ type: 'line', text, ...extra });
