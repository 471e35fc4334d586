import {
  GOV_2019,
  GOV_2021,
  tableOf,
  type GridCell,
  type TableDef,
  type TableId,
  type TemplateDef,
} from '../../../templates/index';
import { matchKey, stripEnumerator } from '../text-utils';

/**
 * The rows an importer looks for, derived from the template grids (templates/), never retyped:
 * each data row with its printed label, its group label (（三）不予公开 …), the caption of its
 * block (第二十条第（一）项) and, for each of its cells, the key and the column header above it.
 */

export interface ColSpec {
  key: string;
  /** Header printed above the cell (本年制发件数, 自然人, 结果维持 …). */
  header: string;
  /** Higher header (法人或其他组织, 行政复议, 未经复议直接起诉 …), when there is one. */
  group?: string;
}

export interface RowSpec {
  table: TableId;
  /** Row key of the template (`res_open`, `regulations`); Table 4 has one row, `t4`. */
  row: string;
  /** Printed label, e.g. 1.属于国家秘密 (empty for Table 4). */
  label: string;
  group?: string;
  /** Table 2: 第二十条第（一）项 … */
  block?: string;
  cols: ColSpec[];
  /** Match keys of the label and its accepted shortenings. */
  variants: string[];
  /** Column layout id: rows with the same headers share column positions. */
  layout: string;
}

export interface TableSpec {
  table: TableId;
  rows: RowSpec[];
  /** Every header and caption text of the table (used to recognise header lines). */
  headerTexts: string[];
}

/** Label variants: the full label, the part before a bracket, the part before the first 、 (format-2021.md §2.2 note). */
function variantsOf(label: string): string[] {
  const core = stripEnumerator(label);
  const out = new Set<string>([matchKey(core)]);
  const beforeBracket = core.split(/[（(]/)[0] ?? '';
  if (beforeBracket && beforeBracket !== core) out.add(matchKey(beforeBracket));
  const beforeComma = core.split(/[、，,]/)[0] ?? '';
  if (beforeComma.length >= 6 && beforeComma !== core) out.add(matchKey(beforeComma));
  return [...out].filter(Boolean);
}

const covers = (cell: GridCell, r: number, c: number) =>
  cell.r <= r && r < cell.r + (cell.rowspan ?? 1) && cell.c <= c && c < cell.c + (cell.colspan ?? 1);

function headerAbove(table: TableDef, r: number, c: number, roles: GridCell['role'][]): GridCell[] {
  return table.cells
    .filter((h) => roles.includes(h.role) && h.r < r && h.c <= c && c < h.c + (h.colspan ?? 1))
    .sort((a, b) => b.r - a.r);
}

export function specOf(template: TemplateDef, id: TableId): TableSpec {
  const table = tableOf(template, id);
  const byRow = new Map<number, GridCell[]>();
  for (const cell of table.cells) {
    if (cell.role !== 'data' || !cell.key) continue;
    const list = byRow.get(cell.r) ?? [];
    list.push(cell);
    byRow.set(cell.r, list);
  }
  const rows: RowSpec[] = [];
  for (const [r, cells] of [...byRow].sort((a, b) => a[0] - b[0])) {
    cells.sort((a, b) => a.c - b.c);
    const rowKey = cells[0]!.row ?? '';
    const labelCell = table.cells.find((x) => x.role === 'label' && x.row === rowKey && x.r === r);
    const group = table.cells.find(
      (x) => x.role === 'label' && !x.row && x.c > 0 && covers(x, r, x.c) && x.c < (labelCell?.c ?? 99),
    );
    const block = [...table.cells].filter((x) => x.role === 'section' && x.r < r).sort((a, b) => b.r - a.r)[0];
    const cols: ColSpec[] = cells.map((cell) => {
      const heads = headerAbove(table, r, cell.c, ['header']);
      // The nearest header is the column's own; a wider one above it is its group.
      const own = heads[0];
      const groupHead = heads.find((h) => h !== own && (h.colspan ?? 1) > (own?.colspan ?? 1) && h.r < (own?.r ?? 0));
      return {
        key: cell.key!,
        header: own?.text ?? '',
        ...(groupHead?.text && id !== 't3' ? { group: groupHead.text } : {}),
      };
    });
    const label = labelCell?.text ?? '';
    rows.push({
      table: id,
      row: id === 't4' ? 't4' : rowKey,
      label,
      ...(group?.text ? { group: group.text } : {}),
      ...(block?.text && id === 't2' ? { block: block.text } : {}),
      cols,
      variants: label ? variantsOf(label) : [],
      layout: cols.map((c) => c.header).join('|'),
    });
  }
  // Table 4 is one printed row of 15 cells.
  const merged = id === 't4' ? [{ ...rows[0]!, cols: rows.flatMap((r) => r.cols), layout: 't4' }] : rows;
  const headerTexts = table.cells
    .filter((c) => c.role === 'header' || c.role === 'section' || c.role === 'note')
    .map((c) => c.text ?? '');
  return { table: id, rows: merged, headerTexts };
}

/** Specs by format. Table 3 has two layouts: （六）其他处理 as three rows (2021) or one row (2019). */
export const SPECS = {
  t2_2021: specOf(GOV_2021, 't2'),
  t2_2019: specOf(GOV_2019, 't2'),
  t3_2021: specOf(GOV_2021, 't3'),
  t3_2019: specOf(GOV_2019, 't3'),
  t4: specOf(GOV_2021, 't4'),
};
