import type { CellRole, GridCell, TableDef, TableId } from '../../templates/types';
import { GOV_2019, tableOf, templateFor } from '../../templates/index';
import { formatCell } from '../model/format';
import type { Cells, Report } from '../model/types';

/**
 * A table as printed: the template's grid (its merges untouched) with the report's values filled
 * in. The .docx, the HTML and the read-back of an exported .docx all start from this, so they
 * cannot disagree on layout or labels.
 */

export type HeaderScope = 'col' | 'colgroup' | 'row' | 'rowgroup';

export interface PrintCell {
  r: number;
  c: number;
  rowspan: number;
  colspan: number;
  role: CellRole;
  /** Printed text: the label, or the formatted value (blank stays empty, 0 prints 0). */
  text: string;
  /** Cell key for data cells. */
  key?: string;
  /** For HTML: th with this scope; undefined means td. */
  scope?: HeaderScope;
  align: 'left' | 'center';
}

export interface PrintTable {
  id: TableId | 'legacy';
  /** Caption for screen readers and the HTML caption. */
  caption: string;
  gridRows: number;
  gridCols: number;
  /** Relative widths adding up to 1000 (scaled to the type area by the exporters). */
  colWidths: number[];
  /** Leading rows repeated on every printed page. */
  headerRows: number;
  /** Origin cells of each grid row, left to right (covered slots are absent). */
  rows: PrintCell[][];
  /** Label text of each grid row (joined label cells starting in that row), to find rows again. */
  rowLabels: string[];
}

const LEGACY_PREFIX = 'legacy.';

function scopeOf(cell: GridCell): HeaderScope | undefined {
  switch (cell.role) {
    case 'header':
      return (cell.colspan ?? 1) > 1 ? 'colgroup' : 'col';
    case 'section':
      return 'colgroup';
    case 'label':
      return (cell.rowspan ?? 1) > 1 ? 'rowgroup' : 'row';
    default:
      return undefined;
  }
}

/**
 * As in the official template: Table 3 row labels, the corner note and Table 2 block captions are
 * left-aligned; Table 2 row labels, headers, group labels and numbers are centred.
 */
function alignOf(table: TableId, cell: GridCell): 'left' | 'center' {
  if (cell.role === 'note' || cell.role === 'section') return 'left';
  if (cell.role === 'label' && table !== 't2' && (cell.rowspan ?? 1) === 1 && cell.row) return 'left';
  return 'center';
}

export function layoutTable(table: TableDef, cells: Cells): PrintTable {
  const rows: PrintCell[][] = Array.from({ length: table.gridRows }, () => []);
  const labels: string[][] = Array.from({ length: table.gridRows }, () => []);
  const sorted = [...table.cells].sort((a, b) => a.r - b.r || a.c - b.c);
  for (const cell of sorted) {
    const text = cell.role === 'data' ? formatCell(cell.key ? cells[cell.key] : null) : (cell.text ?? '');
    const printed: PrintCell = {
      r: cell.r,
      c: cell.c,
      rowspan: cell.rowspan ?? 1,
      colspan: cell.colspan ?? 1,
      role: cell.role,
      text,
      align: alignOf(table.id, cell),
    };
    if (cell.key) printed.key = cell.key;
    const scope = scopeOf(cell);
    if (scope) printed.scope = scope;
    rows[cell.r]!.push(printed);
    if (cell.role === 'label' && cell.row) labels[cell.r]!.push(text);
  }
  return {
    id: table.id,
    caption: table.caption,
    gridRows: table.gridRows,
    gridCols: table.gridCols,
    colWidths: [...table.colWidths],
    headerRows: table.headerRows,
    rows,
    rowLabels: labels.map((l) => l.join('')),
  };
}

/**
 * Some reports of 2021 and later print （六）其他处理 as one row (`t3.other.*`, report-file.md):
 * their Table 3 is printed with that row, as published, so that no figure disappears.
 */
export function usesLegacyOtherRow(report: Report): boolean {
  if (report.format !== 'gov-2021') return false;
  const cells = report.cells;
  const filled = (k: string) => typeof cells[k] === 'number';
  const legacy = Object.keys(cells).some((k) => k.startsWith('t3.other.') && filled(k));
  if (!legacy) return false;
  const sub = ['other_no_correction', 'other_no_fee', 'other_other'];
  return !Object.keys(cells).some((k) => sub.some((row) => k.startsWith(`t3.${row}.`)) && filled(k));
}

/** The table definition a report's table is printed with (null for pre-2019 reports: no tables). */
export function tableDefFor(report: Report, id: TableId): TableDef | null {
  if (report.format === 'pre-2019') return null;
  if (id === 't3' && usesLegacyOtherRow(report)) return tableOf(GOV_2019, 't3');
  return tableOf(templateFor(report.format), id);
}

/** The `legacy.*` cells of a pre-2019 report, in file order. */
export function legacyKeys(report: Report): string[] {
  return Object.keys(report.cells).filter((k) => k.startsWith(LEGACY_PREFIX));
}

export const LEGACY_HEADERS = ['统计项目', '数值'] as const;
export const LEGACY_CAPTION = '统计数据';
export const LEGACY_TITLE = '附：统计数据（导入时从原报告中识别）';

/**
 * Pre-2019 reports have no official tables; the statistics an importer matched (`legacy.*`) are
 * printed as a two-column list so that the clerk sees them and can correct them in Word.
 */
export function layoutLegacyTable(report: Report): PrintTable | null {
  const keys = legacyKeys(report);
  if (keys.length === 0) return null;
  // A caption row inside the table, so the list does not read as part of 六 (and needs no extra paragraph).
  const rows: PrintCell[][] = [
    [{ r: 0, c: 0, rowspan: 1, colspan: 2, role: 'section', text: LEGACY_TITLE, scope: 'colgroup', align: 'center' }],
    LEGACY_HEADERS.map((text, c) => ({
      r: 1,
      c,
      rowspan: 1,
      colspan: 1,
      role: 'header' as const,
      text,
      scope: 'col' as const,
      align: 'center' as const,
    })),
  ];
  keys.forEach((key, i) => {
    const r = i + 2;
    rows.push([
      {
        r,
        c: 0,
        rowspan: 1,
        colspan: 1,
        role: 'label',
        text: key.slice(LEGACY_PREFIX.length),
        scope: 'row',
        align: 'left',
      },
      { r, c: 1, rowspan: 1, colspan: 1, role: 'data', text: formatCell(report.cells[key]), key, align: 'center' },
    ]);
  });
  return {
    id: 'legacy',
    caption: LEGACY_CAPTION,
    gridRows: rows.length,
    gridCols: 2,
    colWidths: [700, 300],
    headerRows: 2,
    rows,
    rowLabels: rows.map((row, i) => (i < 2 ? '' : row[0]!.text)),
  };
}
