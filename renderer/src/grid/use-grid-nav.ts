import { useCallback, useRef, useState, type RefObject } from 'react';
import { move, nextEditable, type DataCellInfo, type Direction, type GridLayout } from '../logic/grid-layout';

/**
 * Which cell of the grid is current, moving between cells like a spreadsheet, and giving the
 * current cell the keyboard focus back after an edit or a move.
 */
export interface GridNav {
  active: string;
  /** Makes `key` current without moving the focus (the clerk clicked or tabbed into it). */
  setActive(key: string): void;
  /** Goes to a cell and focuses it; `keepColumn` keeps the column travelled in (up/down over merged cells). */
  go(target: DataCellInfo, keepColumn?: boolean): void;
  /** One arrow-key step. */
  step(from: DataCellInfo, dir: Direction): void;
  /** Enter / Shift+Enter: down or up the column to the next cell that can be filled in. */
  enter(from: DataCellInfo, up: boolean): void;
  /** Focus the current cell after the next render (its editor has closed). */
  refocus(): void;
  /** Forget a pending refocus (the focus went elsewhere on purpose). */
  dropRefocus(): void;
  /** After a render: focuses the current cell if a move or a closed editor asked for it. */
  applyFocus(): void;
}

export function useGridNav(layout: GridLayout, tableRef: RefObject<HTMLTableElement | null>): GridNav {
  const [active, setActiveState] = useState<string>(
    () => layout.data.find((d) => !d.computed)?.key ?? layout.data[0]!.key,
  );
  const wantFocus = useRef(false);
  const column = useRef<number | null>(null);

  const setActive = useCallback((key: string) => {
    column.current = null;
    setActiveState(key);
  }, []);

  const go = useCallback((target: DataCellInfo, keepColumn = false) => {
    if (!keepColumn) column.current = null;
    setActiveState(target.key);
    wantFocus.current = true;
  }, []);

  const step = useCallback(
    (from: DataCellInfo, dir: Direction) => {
      const vertical = dir === 'up' || dir === 'down';
      const col = vertical ? (column.current ?? from.c) : from.c;
      const target = move(layout, from, dir, col);
      if (vertical) column.current = col;
      go(target, vertical);
    },
    [layout, go],
  );

  const enter = useCallback(
    (from: DataCellInfo, up: boolean) => {
      const col = column.current ?? from.c;
      const target = nextEditable(layout, from, up ? 'up' : 'down', col);
      column.current = col;
      go(target, true);
    },
    [layout, go],
  );

  const refocus = useCallback(() => {
    wantFocus.current = true;
  }, []);
  const dropRefocus = useCallback(() => {
    wantFocus.current = false;
  }, []);

  const applyFocus = () => {
    if (!wantFocus.current) return;
    wantFocus.current = false;
    tableRef.current?.querySelector<HTMLElement>(`td[data-key="${CSS.escape(active)}"]`)?.focus();
  };

  return { active, setActive, go, step, enter, refocus, dropRefocus, applyFocus };
}
