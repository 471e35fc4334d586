import { useMemo, type CSSProperties } from 'react';
import type { TableDef } from '../../../templates/types';

/**
 * Column widths on screen (px). The template's relative widths are for the printed A4 page; on
 * screen Table 3 gets narrower label columns (long labels wrap) so that it fits a 1366 px window
 * beside the section list and the findings panel. Table 2 (660 px) fits whole at 1280×720 too: wider,
 * a focused 行政事业性收费 cell scrolled its labels out of view.
 */
const SCREEN_WIDTHS: Record<string, (cols: number) => number[]> = {
  t2: (n) => [180, ...Array<number>(n - 1).fill(160)],
  t3: (n) => [30, 110, 176, ...Array<number>(n - 3).fill(58)],
  t4: (n) => Array<number>(n).fill(51),
};
/** Label columns that stay in view while a wide table scrolls sideways. */
const STICKY_COLS: Record<string, number> = { t3: 3 };

export interface GridColumns {
  widths: number[];
  totalWidth: number;
  /** Width of the sticky label columns (0 when none). */
  labelWidth: number;
  /** Style of a cell in column `c`: sticky for the label columns. */
  stickyStyle(c: number, extra?: CSSProperties): CSSProperties | undefined;
}

export function useGridColumns(table: TableDef): GridColumns {
  return useMemo(() => {
    const widths = SCREEN_WIDTHS[table.id]?.(table.gridCols) ?? table.colWidths.map((w) => Math.round(w * 0.75));
    const sticky = STICKY_COLS[table.id] ?? 0;
    const left: number[] = [];
    let x = 0;
    for (let c = 0; c < sticky; c++) {
      left.push(x);
      x += widths[c]!;
    }
    return {
      widths,
      totalWidth: widths.reduce((a, b) => a + b, 0),
      labelWidth: x,
      stickyStyle: (c, extra) => (c < sticky ? { position: 'sticky', left: left[c], zIndex: 2, ...extra } : extra),
    };
  }, [table]);
}
