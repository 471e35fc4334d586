import { useMemo, type ReactElement } from 'react';
import type { GridCell, TableDef } from '../../../templates/types';
import type { GridColumns } from './grid-columns';

/** Header, label and note cells: drawn once per table (they never change while the clerk types). */
function renderStatic(cell: GridCell, columns: GridColumns): ReactElement {
  const rowSpan = cell.rowspan ?? 1;
  const colSpan = cell.colspan ?? 1;
  const text = cell.text ?? '';
  const common = {
    key: `${cell.r}-${cell.c}`,
    rowSpan: rowSpan > 1 ? rowSpan : undefined,
    colSpan: colSpan > 1 ? colSpan : undefined,
  };
  if (cell.role === 'label') {
    const vertical = rowSpan > 3 && colSpan === 1 && cell.c === 0;
    return (
      <th
        {...common}
        role="rowheader"
        scope="row"
        className={`glabel${vertical ? ' vertical' : ''}${cell.row ? '' : ' group'}`}
        data-tip={cell.hint ? `${text}\n${cell.hint}` : undefined}
        style={columns.stickyStyle(cell.c)}
      >
        {vertical ? <span className="vertical-text">{text}</span> : text}
      </th>
    );
  }
  const cls = cell.role === 'note' ? 'gnote' : cell.role === 'section' ? 'gsection' : 'ghead';
  return (
    <th
      {...common}
      role="columnheader"
      scope="col"
      className={cls}
      style={columns.stickyStyle(cell.c, cell.role === 'note' ? { zIndex: 4 } : undefined)}
    >
      {text}
    </th>
  );
}

/** The static cells of a table, made once, so that React skips them on every keystroke. */
export function useStaticCells(table: TableDef, columns: GridColumns): Map<GridCell, ReactElement> {
  return useMemo(() => {
    const map = new Map<GridCell, ReactElement>();
    for (const cell of table.cells) if (cell.role !== 'data') map.set(cell, renderStatic(cell, columns));
    return map;
  }, [table, columns]);
}

/** The template's cells by physical row, left to right. */
export function useGridRows(table: TableDef): GridCell[][] {
  return useMemo(() => {
    const byRow: GridCell[][] = Array.from({ length: table.gridRows }, () => []);
    for (const cell of table.cells) byRow[cell.r]!.push(cell);
    for (const r of byRow) r.sort((a, b) => a.c - b.c);
    return byRow;
  }, [table]);
}

/** Data cells of Table 3 explain their row through the row's label. */
export function useRowHints(table: TableDef): Map<string, string> {
  return useMemo(() => {
    const map = new Map<string, string>();
    for (const c of table.cells) if (c.role === 'label' && c.row && c.hint) map.set(c.row, c.hint);
    return map;
  }, [table]);
}
