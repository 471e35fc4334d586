/**
 * The shape of an official report format, as data.
 *
 * One definition feeds every consumer: the editor grid, the .docx and HTML exporters,
 * the importers (labels to match) and the check engine (sums and balances). A new official
 * format is a new object of this type, not new code paths.
 */

export type FormatId = 'gov-2021' | 'gov-2019' | 'pre-2019';

export type SectionId = 'overview' | 'proactive' | 'requests' | 'review' | 'problems' | 'other';

export type TableId = 't2' | 't3' | 't4';

export type CellRole = 'section' | 'header' | 'label' | 'note' | 'data';

/** One origin cell of a table grid (merged cells are listed once, at their top-left corner). */
export interface GridCell {
  r: number;
  c: number;
  rowspan?: number;
  colspan?: number;
  role: CellRole;
  /** Printed text for every role except `data`. */
  text?: string;
  /** Cell key of report-file.md, for `data` cells only. */
  key?: string;
  /** Key of the table row this cell belongs to (data and row label cells), e.g. `res_open`. */
  row?: string;
  /** Text shown on hover in the editor (format-2021.md §3.3). */
  hint?: string;
}

export type FieldType = 'integer' | 'decimal';

export interface FieldDef {
  key: string;
  table: TableId;
  /** Human path of the cell, used in messages: 三（三）1.属于国家秘密 · 自然人 */
  label: string;
  type: FieldType;
  /** Most digits after the point (decimal fields only). */
  maxDecimals?: number;
  /** Smallest allowed value; 2019-format 本年增/减 may be negative. */
  min?: number;
  unit: string;
  /** Present when the cell is a total computed from other cells: read-only in the editor. */
  computedFrom?: string[];
}

/** `total = sum(parts)`; drives the computed cells and the arithmetic checks. */
export interface SumRule {
  rule: 'T3-ROW-TOTAL' | 'T3-RESULT-TOTAL' | 'T4-TOTAL';
  total: string;
  parts: string[];
}

/** `sum(left) = sum(right)`: the Table 3 corner note. */
export interface BalanceRule {
  rule: 'T3-BALANCE';
  column: string;
  left: string[];
  right: string[];
}

export interface TableDef {
  id: TableId;
  section: SectionId;
  /** Caption used above the table in exports and by screen readers. */
  caption: string;
  gridRows: number;
  gridCols: number;
  /** Relative column widths (they add up to 1000); exporters scale them to the type area. */
  colWidths: number[];
  /** Rows at the top that are column headers (repeated on every printed page). */
  headerRows: number;
  cells: GridCell[];
}

export interface SectionDef {
  id: SectionId;
  /** Fixed heading, e.g. 一、总体情况 */
  heading: string;
  /** Headings accepted in the wild (importers), normalised comparison. */
  aliases?: string[];
  table?: TableId;
  /** Standard sub-headings offered by the editor (level 2, （一）…). */
  subheadings?: string[];
  /** A short hint for the clerk shown above the section editor. */
  hint: string;
}

/** A row printed by older layouts in place of several official rows (e.g. one （六）其他处理 row). */
export interface LegacyRow {
  row: string;
  label: string;
  replaces: string[];
}

export interface TemplateDef {
  id: Exclude<FormatId, 'pre-2019'>;
  name: string;
  /** Report years the format applies to. */
  years: { from: number; to?: number };
  sections: SectionDef[];
  /** The five topics of 一、总体情况 in order, with words that show a paragraph covers each. */
  overviewTopics: { name: string; keywords: string[] }[];
  tables: TableDef[];
  fields: Record<string, FieldDef>;
  sums: SumRule[];
  balances: BalanceRule[];
  /** Table 3 rows counted in （七）总计, in order. */
  resultRows: string[];
  /** Table 3 applicant columns in order (the last one is `total`). */
  t3Columns: { key: string; label: string }[];
  /** Rows some reports print instead of official rows (checks count them in their place). */
  legacyRows: LegacyRow[];
  /** Vocabulary that identifies this format (format-2021.md §4.1). */
  detect: string[];
}
