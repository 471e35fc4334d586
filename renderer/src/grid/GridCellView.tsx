import { memo, useLayoutEffect, useRef, type CSSProperties } from 'react';
import { formatCell } from '../../../shared/model/format';
import { SEVERITY_LABELS } from '../logic/findings-index';
import { useGridCell, type GridStore } from './grid-store';
import { cellClass, cellTip } from './cell-attrs';

/**
 * One data cell. Its value, mark and editor text come from the grid store, each cell subscribed to
 * its own key; its other props are plain values (memoised), so that a keystroke re-renders only
 * the cells whose value, mark or focus changed, not the 175 cells of Table 3.
 */
export interface GridCellViewProps {
  cellKey: string;
  rowSpan: number;
  colSpan: number;
  label: string;
  hint?: string;
  store: GridStore;
  computed: boolean;
  active: boolean;
  /** The cell is being edited (its editor's text is in the store). */
  editing: boolean;
  /** Id of the refusal shown next to the cell (RefusalBubble), when its value was refused. */
  refusalId?: string;
  /** Sticky label columns need the cell to sit below them when scrolled. */
  style?: CSSProperties;
  onEditText?(text: string): void;
}

export const GridCellView = memo(function GridCellView(p: GridCellViewProps) {
  const { value, mark, text } = useGridCell(p.store, p.cellKey);
  const editing = p.editing && text !== undefined;
  const shown = formatCell(value);
  const name =
    `${p.label}：${shown === '' ? '空白' : shown}` +
    (p.computed ? '（自动计算）' : '') +
    (mark ? `。${SEVERITY_LABELS[mark.severity]}：${mark.message}` : '');
  const tip = cellTip(p.label, p.computed, p.hint, mark?.message);
  const cls = cellClass({
    computed: p.computed,
    active: p.active,
    editing,
    severity: mark?.severity,
    blank: value === null,
  });
  return (
    <td
      role="gridcell"
      data-key={p.cellKey}
      data-tip={tip}
      tabIndex={p.active && !editing ? 0 : -1}
      rowSpan={p.rowSpan > 1 ? p.rowSpan : undefined}
      colSpan={p.colSpan > 1 ? p.colSpan : undefined}
      aria-label={editing ? undefined : name}
      aria-readonly={p.computed ? true : undefined}
      aria-invalid={p.refusalId ? true : undefined}
      aria-describedby={p.refusalId && !editing ? p.refusalId : undefined}
      className={cls}
      style={p.style}
      // The current cell takes typed text itself (see type-catcher.ts): an input method's
      // composition or full-width digits land here first and open the editor with them.
      contentEditable={p.active && !editing ? true : undefined}
      suppressContentEditableWarning
      spellCheck={false}
    >
      {editing ? (
        <CellInput
          text={text}
          label={p.label}
          invalid={!!p.refusalId}
          describedBy={p.refusalId}
          onChange={p.onEditText!}
        />
      ) : (
        <span className="gcell-value" contentEditable={false}>
          {shown}
        </span>
      )}
    </td>
  );
});

/** Memoised: the keystroke's second render of the cell (its new value published) leaves the input alone. */
const CellInput = memo(function CellInput(props: {
  text: string;
  label: string;
  invalid: boolean;
  describedBy?: string;
  onChange(text: string): void;
}) {
  const local = useRef<HTMLInputElement | null>(null);
  useLayoutEffect(() => {
    const el = local.current;
    if (el && document.activeElement !== el) {
      el.focus();
      const end = el.value.length;
      el.setSelectionRange(end, end);
    }
  }, []);
  return (
    <input
      ref={local}
      className="gcell-input"
      value={props.text}
      aria-label={`编辑 ${props.label}`}
      aria-invalid={props.invalid || undefined}
      aria-describedby={props.describedBy}
      inputMode="decimal"
      autoComplete="off"
      spellCheck={false}
      onChange={(e) => props.onChange(e.target.value)}
    />
  );
});
