import { LIMITS } from '../errors';
import type { SrcCell } from '../source-doc';

export interface RawCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

const clampSpan = (n: number, max: number) => (Number.isFinite(n) && n >= 1 ? Math.min(Math.floor(n), max) : 1);

/**
 * Places the cells of a real table (HTML or .docx) on its grid: a cell starts at the first column
 * not covered by a rowspan from above. Columns end up in x0/x1, so the table reader can compare
 * a value cell with the header cells above it, whatever irregular colspans the publisher used.
 */
export function placeOnGrid(rows: RawCell[][]): SrcCell[][] {
  const out: SrcCell[][] = [];
  // covered[c] = number of further rows that column c stays covered.
  const covered: number[] = [];
  for (const row of rows.slice(0, LIMITS.tableRows)) {
    const cells: SrcCell[] = [];
    let c = 0;
    for (const raw of row.slice(0, LIMITS.tableCols)) {
      while ((covered[c] ?? 0) > 0) c++;
      const colSpan = clampSpan(raw.colSpan, LIMITS.tableCols);
      const rowSpan = clampSpan(raw.rowSpan, LIMITS.tableRows);
      cells.push({ text: raw.text, x0: c, x1: c + colSpan, ...(rowSpan > 1 ? { rowSpan } : {}) });
      for (let k = 0; k < colSpan; k++) covered[c + k] = Math.max(covered[c + k] ?? 0, rowSpan);
      c += colSpan;
    }
    out.push(cells);
    for (let k = 0; k < covered.length; k++) if ((covered[k] ?? 0) > 0) covered[k]!--;
  }
  return out;
}
