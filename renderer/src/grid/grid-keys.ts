import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { Cells, CellValue } from '../../../shared/model/types';
import { formatCell } from '../../../shared/model/format';
import { edgeCell, move, nextInOrder, rowEdge, type Direction, type GridLayout } from '../logic/grid-layout';
import type { CellEditor } from './use-cell-editor';
import type { GridNav } from './use-grid-nav';

/** Spreadsheet keys of the grid (docs/ui.md “表格的键盘操作”). */

export interface GridKeyDeps {
  layout: GridLayout;
  nav: GridNav;
  editor: CellEditor;
  cells(): Cells;
  onLiveEdit(key: string, value: CellValue): void;
  onPatch(patch: Cells, label: string): void;
}

const MOVES = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Tab', 'Enter', 'Home', 'End']);
const arrow = (key: string) => key.slice(5).toLowerCase() as Direction;

/** Keys while a cell is being edited: Enter/Tab/arrows finish the edit (if valid) and move. */
function editingKey(e: ReactKeyboardEvent, d: GridKeyDeps): void {
  const { layout, nav, editor } = d;
  const from = layout.byKey.get(nav.active);
  const editing = editor.current();
  if (!from || !editing) return;
  switch (e.key) {
    case 'Enter':
      e.preventDefault();
      if (editor.commit()) nav.enter(from, e.shiftKey);
      return;
    case 'Tab': {
      e.preventDefault();
      if (!editor.commit()) return;
      const next = nextInOrder(layout, from, e.shiftKey);
      if (next) nav.go(next);
      return;
    }
    case 'Escape':
      e.preventDefault();
      editor.cancel();
      return;
    case 'ArrowUp':
    case 'ArrowDown':
      e.preventDefault();
      if (editor.commit()) nav.step(from, arrow(e.key));
      return;
    case 'ArrowLeft':
    case 'ArrowRight':
      if (editing.mode === 'edit') return;
      e.preventDefault();
      if (editor.commit()) nav.step(from, arrow(e.key));
      return;
    default:
      return;
  }
}

/** Keys on a cell that is not being edited. */
function cellKey(e: ReactKeyboardEvent, d: GridKeyDeps): void {
  const { layout, nav, editor } = d;
  const active = nav.active;
  const from = layout.byKey.get(active);
  if (!from) return;
  const ctrl = e.ctrlKey || e.metaKey;
  // A refusal belongs to the cell it was shown at: moving away closes it.
  if (MOVES.has(e.key)) editor.clearRefusal();
  switch (e.key) {
    case 'ArrowUp':
    case 'ArrowDown':
    case 'ArrowLeft':
    case 'ArrowRight':
      e.preventDefault();
      if (ctrl) {
        let cur = from;
        for (let i = 0; i < 100; i++) {
          const n = move(layout, cur, arrow(e.key), cur.c);
          if (n === cur) break;
          cur = n;
        }
        nav.go(cur);
      } else nav.step(from, arrow(e.key));
      return;
    case 'Tab': {
      const next = nextInOrder(layout, from, e.shiftKey);
      if (next) {
        e.preventDefault();
        nav.go(next);
      }
      // Past either end Tab leaves the table (keyboard users must be able to get out).
      return;
    }
    case 'Enter':
      e.preventDefault();
      nav.enter(from, e.shiftKey);
      return;
    case 'Home':
    case 'End':
      e.preventDefault();
      nav.go(ctrl ? edgeCell(layout, e.key === 'End') : rowEdge(layout, from, e.key === 'End'));
      return;
    case 'F2':
      e.preventDefault();
      editor.start(active, formatCell(d.cells()[active]), 'edit');
      return;
    case 'Delete':
    case 'Backspace': {
      e.preventDefault();
      if (from.computed) {
        editor.refuse(active, '总计由各项自动相加，不能直接清除。');
        return;
      }
      const filled = (d.cells()[active] ?? null) !== null;
      if (e.key === 'Backspace') {
        editor.start(active, '', 'enter');
        if (filled) d.onLiveEdit(active, null);
      } else if (filled) d.onPatch({ [active]: null }, '清除单元格');
      return;
    }
    case 'Escape':
      if (editor.refusal) {
        e.preventDefault();
        editor.clearRefusal();
      }
      return;
    default:
      break;
  }
  if (ctrl || e.altKey) return;
  if (e.key.length === 1) {
    e.preventDefault();
    editor.start(active, e.key, 'enter');
  }
}

export function gridKeyDown(e: ReactKeyboardEvent<HTMLTableElement>, d: GridKeyDeps): void {
  // Keys an input method is using (Enter to commit, Esc to cancel, arrows among candidates) are its
  // own: in the cell editor, or on the cell where a composition has begun (type-catcher.ts).
  if (e.nativeEvent.isComposing || e.key === 'Process' || e.keyCode === 229) return;
  if (d.editor.current()) editingKey(e, d);
  else if (e.target instanceof HTMLTableCellElement) cellKey(e, d);
}
