import type { GridCell, TableDef, TemplateDef } from '../../../templates/types';

/**
 * The editor's view of an official table grid: which origin cell covers each physical position,
 * and the data cells in reading order. Navigation moves between data cells only (labels and
 * headers are not editable), and treats a merged cell as one stop.
 */

export interface CellPos {
  r: number;
  c: number;
}

export interface DataCellInfo {
  key: string;
  r: number;
  c: number;
  rowspan: number;
  colspan: number;
  /** Total computed from other cells: read-only in the editor. */
  computed: boolean;
  /** Index in reading order (row by row, left to right). */
  index: number;
}

export interface GridLayout {
  table: TableDef;
  rows: number;
  cols: number;
  /** origin[r][c] = the origin cell covering (r, c), or null for a hole. */
  origin: (GridCell | null)[][];
  data: DataCellInfo[];
  byKey: Map<string, DataCellInfo>;
  /** Data cells of each physical row whose origin is in that row, left to right. */
  dataRows: DataCellInfo[][];
}

export function buildGridLayout(table: TableDef, template: TemplateDef): GridLayout {
  const origin: (GridCell | null)[][] = Array.from({ length: table.gridRows }, () =>
    Array<GridCell | null>(table.gridCols).fill(null),
  );
  for (const cell of table.cells) {
    for (let r = cell.r; r < cell.r + (cell.rowspan ?? 1); r++) {
      for (let c = cell.c; c < cell.c + (cell.colspan ?? 1); c++) {
        if (r < table.gridRows && c < table.gridCols) origin[r]![c] = cell;
      }
    }
  }
  const computed = new Set(template.sums.map((s) => s.total));
  const sorted = table.cells.filter((c) => c.role === 'data' && c.key).sort((a, b) => a.r - b.r || a.c - b.c);
  const data: DataCellInfo[] = sorted.map((cell, index) => ({
    key: cell.key!,
    r: cell.r,
    c: cell.c,
    rowspan: cell.rowspan ?? 1,
    colspan: cell.colspan ?? 1,
    computed: computed.has(cell.key!),
    index,
  }));
  const byKey = new Map(data.map((d) => [d.key, d]));
  const dataRows: DataCellInfo[][] = Array.from({ length: table.gridRows }, () => []);
  for (const d of data) dataRows[d.r]!.push(d);
  return { table, rows: table.gridRows, cols: table.gridCols, origin, data, byKey, dataRows };
}

export type Direction = 'up' | 'down' | 'left' | 'right';

function dataAt(layout: GridLayout, r: number, c: number): DataCellInfo | undefined {
  const cell = layout.origin[r]?.[c];
  if (!cell || cell.role !== 'data' || !cell.key) return undefined;
  return layout.byKey.get(cell.key);
}

/**
 * The data cell reached from `from` by one arrow key. `column` is the column the clerk is
 * travelling in (kept across merged cells, like a spreadsheet): moving down from a cell that spans
 * columns 1–3 and back up returns to the column it came from. Returns `from` at the edge.
 */
export function move(layout: GridLayout, from: DataCellInfo, dir: Direction, column = from.c): DataCellInfo {
  const col = column >= from.c && column < from.c + from.colspan ? column : from.c;
  if (dir === 'left' || dir === 'right') {
    const step = dir === 'right' ? 1 : -1;
    for (let c = dir === 'right' ? from.c + from.colspan : from.c - 1; c >= 0 && c < layout.cols; c += step) {
      const hit = dataAt(layout, from.r, c);
      if (hit && hit !== from) return hit;
    }
    return from;
  }
  const step = dir === 'down' ? 1 : -1;
  for (let r = dir === 'down' ? from.r + from.rowspan : from.r - 1; r >= 0 && r < layout.rows; r += step) {
    // Caption and header rows between Table 2's blocks are stepped over.
    const hit = dataAt(layout, r, col);
    if (hit && hit !== from) return hit;
  }
  return from;
}

/**
 * Tab order: the next (or previous) cell the clerk can fill in, in reading order, or null past
 * either end. Computed totals are passed over, as Tab passes over locked cells in a protected
 * Excel sheet: typing “1 Tab 2 Tab …” along a row never lands a value on a total.
 */
export function nextInOrder(layout: GridLayout, from: DataCellInfo, backwards = false): DataCellInfo | null {
  const step = backwards ? -1 : 1;
  for (let i = from.index + step; i >= 0 && i < layout.data.length; i += step) {
    const d = layout.data[i]!;
    if (!d.computed) return d;
  }
  return null;
}

/**
 * Enter / Shift+Enter: the next cell up or down the column that the clerk can fill in (totals
 * passed over); `from` when there is none.
 */
export function nextEditable(
  layout: GridLayout,
  from: DataCellInfo,
  dir: 'up' | 'down',
  column = from.c,
): DataCellInfo {
  let cur = from;
  let col = column;
  for (let guard = 0; guard < layout.rows; guard++) {
    const next = move(layout, cur, dir, col);
    if (next === cur) return from;
    if (!next.computed) return next;
    col = col >= next.c && col < next.c + next.colspan ? col : next.c;
    cur = next;
  }
  return from;
}

/** First and last data cell of the table (Ctrl+Home / Ctrl+End). */
export function edgeCell(layout: GridLayout, last: boolean): DataCellInfo {
  return layout.data[last ? layout.data.length - 1 : 0]!;
}

/** First or last data cell of the row of `from` (Home / End). */
export function rowEdge(layout: GridLayout, from: DataCellInfo, last: boolean): DataCellInfo {
  const row = layout.dataRows[from.r] ?? [from];
  return row[last ? row.length - 1 : 0] ?? from;
}

/**
 * Physical rows that hold data cells, from `startRow` on: pasted line i lands in the i-th of them.
 * Caption and header rows in between (Table 2's blocks) are stepped over.
 */
export function dataRowIndexesFrom(layout: GridLayout, startRow: number): number[] {
  const out: number[] = [];
  for (let r = startRow; r < layout.rows; r++) if ((layout.dataRows[r] ?? []).length > 0) out.push(r);
  return out;
}
