import type { TemplateDef, TableId } from '../../../templates/types';
import type { CellComparison } from '../../../shared/rollover/compare';

/**
 * The cell comparison of one official table laid out as the table reads: its rows (三（一）予以公开 …)
 * down, its columns (自然人 … 总计) across, each cell this year's and last year's value.
 */

/**
 * `blank`: this year not filled in yet (a new report is mostly blank: that is not a change to
 * look at); `changed`: this year's figure differs from last year's.
 */
export type CellKind = 'same' | 'changed' | 'blank';

export interface MatrixCell extends CellComparison {
  kind: CellKind;
  /** this − last when both are numbers. */
  delta: number | null;
}

export interface MatrixRow {
  key: string;
  label: string;
  cells: (MatrixCell | null)[];
  /** changed: some cell changed; blank: nothing changed and some cell not filled in; same: all equal. */
  kind: CellKind;
}

export interface CellMatrix {
  table: TableId;
  caption: string;
  columns: string[];
  rows: MatrixRow[];
  changedCells: number;
}

/** “三（一）予以公开 · 自然人” → row “三（一）予以公开”, column “自然人” (the row part may hold “·” itself). */
export function splitLabel(label: string): { row: string; column: string } {
  const at = label.lastIndexOf(' · ');
  return at < 0 ? { row: label, column: '' } : { row: label.slice(0, at), column: label.slice(at + 3) };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

export function cellMatrices(template: TemplateDef, cells: CellComparison[]): CellMatrix[] {
  const byKey = new Map(cells.map((c) => [c.key, c]));
  return template.tables.map((t) => {
    const columns: string[] = [];
    const rows = new Map<string, { label: string; cells: Map<string, MatrixCell> }>();
    // Grid order (row by row, left to right) is the printed order.
    const data = t.cells.filter((g) => g.role === 'data' && g.key).sort((a, b) => a.r - b.r || a.c - b.c);
    for (const g of data) {
      const c = byKey.get(g.key!);
      if (!c) continue;
      const { row, column } = splitLabel(c.label);
      if (!columns.includes(column)) columns.push(column);
      const rowKey = row;
      let entry = rows.get(rowKey);
      if (!entry) rows.set(rowKey, (entry = { label: row, cells: new Map() }));
      const delta = typeof c.current === 'number' && typeof c.last === 'number' ? round(c.current - c.last) : null;
      const kind: CellKind = !c.changed ? 'same' : c.current === null ? 'blank' : 'changed';
      entry.cells.set(column, { ...c, kind, delta });
    }
    const list: MatrixRow[] = [...rows.entries()].map(([key, r]) => {
      const row = columns.map((col) => r.cells.get(col) ?? null);
      const kind: CellKind = row.some((c) => c?.kind === 'changed')
        ? 'changed'
        : row.some((c) => c?.kind === 'blank')
          ? 'blank'
          : 'same';
      return { key, label: r.label, cells: row, kind };
    });
    const all = list.flatMap((r) => r.cells.filter((c): c is MatrixCell => c !== null));
    return {
      table: t.id,
      caption: t.caption,
      columns,
      rows: list,
      changedCells: all.filter((c) => c.kind === 'changed').length,
    };
  });
}

/** “+3”, “−2”, “0” (the minus sign, not a hyphen). */
export function formatDelta(delta: number): string {
  if (delta === 0) return '0';
  return delta > 0 ? `+${delta}` : `−${Math.abs(delta)}`;
}
