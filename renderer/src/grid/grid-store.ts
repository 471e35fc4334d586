import { useCallback, useSyncExternalStore } from 'react';
import type { Cells, CellValue } from '../../../shared/model/types';
import type { CellMark } from '../logic/findings-index';

/**
 * What each data cell of the grids shows — its value, the mark of its findings, the text being
 * typed into it — held outside React, each cell subscribed to its own key. A keystroke then
 * re-renders the cell typed in, the totals it changed and the cells whose marks changed, not the
 * grid (Table 3 has 175 data cells) nor the page around it. The editor publishes the report's
 * cells and marks after every change (`publish`); the cell editor sets the text being typed.
 */
export class GridStore {
  private cells: Cells = {};
  private marks = new Map<string, CellMark>();
  private editing: { key: string; text: string } | null = null;
  private listeners = new Map<string, Set<() => void>>();

  /** The cells as last published (the report's, as of the last change). */
  getCells(): Cells {
    return this.cells;
  }

  value(key: string): CellValue {
    return this.cells[key] ?? null;
  }

  mark(key: string): CellMark | undefined {
    return this.marks.get(key);
  }

  /** The text in the cell's editor, while it is being edited. */
  text(key: string): string | undefined {
    return this.editing?.key === key ? this.editing.text : undefined;
  }

  /** The report changed: tells each cell whose value or mark is not what it was. */
  publish(cells: Cells, marks: Map<string, CellMark>): void {
    const changed = new Set<string>();
    if (cells !== this.cells) {
      for (const k in cells) if ((cells[k] ?? null) !== (this.cells[k] ?? null)) changed.add(k);
      for (const k in this.cells) if (!(k in cells) && (this.cells[k] ?? null) !== null) changed.add(k);
      this.cells = cells;
    }
    if (marks !== this.marks) {
      // A mark equal to the one before is kept (same object), so that its cell does not re-render.
      const next = new Map<string, CellMark>();
      for (const [k, m] of marks) {
        const prev = this.marks.get(k);
        if (prev && prev.severity === m.severity && prev.message === m.message) next.set(k, prev);
        else {
          next.set(k, m);
          changed.add(k);
        }
      }
      for (const k of this.marks.keys()) if (!next.has(k)) changed.add(k);
      this.marks = next;
    }
    for (const k of changed) this.notify(k);
  }

  /** The cell editor's text (undefined: no cell is being edited). */
  setText(key: string, text: string | undefined): void {
    const before = this.editing?.key;
    this.editing = text === undefined ? null : { key, text };
    if (before && before !== key) this.notify(before);
    this.notify(key);
  }

  subscribe(key: string, listener: () => void): () => void {
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  private notify(key: string) {
    const set = this.listeners.get(key);
    if (set) for (const l of [...set]) l();
  }
}

/** One cell's value, mark and editor text, re-rendering only when one of these changes. */
export function useGridCell(store: GridStore, key: string) {
  const subscribe = useCallback((cb: () => void) => store.subscribe(key, cb), [store, key]);
  const value = useSyncExternalStore(subscribe, () => store.value(key));
  const mark = useSyncExternalStore(subscribe, () => store.mark(key));
  const text = useSyncExternalStore(subscribe, () => store.text(key));
  return { value, mark, text };
}

/** The mark of one cell (the cell information line above the grid follows the current cell's). */
export function useCellMark(store: GridStore, key: string | null): CellMark | undefined {
  const subscribe = useCallback((cb: () => void) => (key ? store.subscribe(key, cb) : () => undefined), [store, key]);
  return useSyncExternalStore(subscribe, () => (key ? store.mark(key) : undefined));
}
