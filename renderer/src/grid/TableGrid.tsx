import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent as ReactKeyboardEvent,
  type ReactElement,
} from 'react';
import { flushSync } from 'react-dom';
import type { GridCell, TableDef, TemplateDef } from '../../../templates/types';
import type { Cells, CellValue } from '../../../shared/model/types';
import { formatCell, parseCellInput } from '../../../shared/model/format';
import {
  edgeCell,
  move,
  nextInOrder,
  rowEdge,
  type DataCellInfo,
  type Direction,
  type GridLayout,
} from '../logic/grid-layout';
import { parseClipboardTable, formatClipboardTable } from '../logic/clipboard';
import { planPaste, type PastePlan } from '../logic/paste';
import type { CellMark } from '../logic/findings-index';
import { GridCellView } from './GridCellView';
import { HintTooltip, type HintTooltipHandle } from './HintTooltip';

/**
 * The official table, drawn from the template's grid (merged headers, group labels, the corner
 * note), edited like a spreadsheet. Values are parsed with parseCellInput: wrong input is refused
 * at the cell with its message, never changed. While a cell is edited every valid keystroke goes
 * into the report (so the checks follow the typing); the whole edit is one undo step.
 */

export interface GridFocusRequest {
  key: string;
  nonce: number;
}

export interface TableGridProps {
  table: TableDef;
  template: TemplateDef;
  layout: GridLayout;
  cells: Cells;
  marks: Map<string, CellMark>;
  /** A valid value typed in the cell editor (not yet an undo step). */
  onLiveEdit(key: string, value: CellValue): void;
  /** The edit is finished: one undo step from `before` to `after`. */
  onCommitEdit(key: string, before: CellValue, after: CellValue): void;
  /** Paste, clear, fill: applied and recorded as one undo step. */
  onPatch(patch: Cells, label: string): void;
  onPasteDone(plan: PastePlan): void;
  focusRequest: GridFocusRequest | null;
  onFocusHandled(): void;
  /** The focused cell changed (for the cell information line). */
  onActiveChange(key: string): void;
}

interface EditState {
  key: string;
  text: string;
  /** `enter`: started by typing, arrows finish the edit; `edit`: F2 or double-click, arrows move the caret. */
  mode: 'enter' | 'edit';
  original: CellValue;
}

/**
 * Column widths on screen (px). The template's relative widths are for the printed A4 page; on
 * screen Table 3 gets narrower label columns (long labels wrap) so that it fits a 1366 px window
 * beside the section list and the findings panel.
 */
const SCREEN_WIDTHS: Record<string, (cols: number) => number[]> = {
  t2: (n) => [200, ...Array<number>(n - 1).fill(170)],
  t3: (n) => [30, 110, 176, ...Array<number>(n - 3).fill(58)],
  t4: (n) => Array<number>(n).fill(51),
};
const STICKY_COLS: Record<string, number> = { t3: 3 };

export function TableGrid(props: TableGridProps) {
  const { table, template, layout, cells, marks } = props;
  const [active, setActive] = useState<string>(() => layout.data.find((d) => !d.computed)?.key ?? layout.data[0]!.key);
  const [edit, setEdit] = useState<EditState | null>(null);
  const [refusal, setRefusal] = useState<{ key: string; message: string } | null>(null);
  const [flashKey, setFlashKey] = useState<string | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const tooltip = useRef<HintTooltipHandle>(null);
  const wantFocus = useRef(false);
  const column = useRef<number | null>(null);
  const editRef = useRef<EditState | null>(null);
  editRef.current = edit;
  const cellsRef = useRef(cells);
  cellsRef.current = cells;
  const propsRef = useRef(props);
  propsRef.current = props;

  const widths = useMemo(
    () => SCREEN_WIDTHS[table.id]?.(table.gridCols) ?? table.colWidths.map((w) => Math.round(w * 0.75)),
    [table],
  );
  const stickyCols = STICKY_COLS[table.id] ?? 0;
  const stickyLeft = useMemo(() => {
    const out: number[] = [];
    let x = 0;
    for (let c = 0; c < stickyCols; c++) {
      out.push(x);
      x += widths[c]!;
    }
    return out;
  }, [widths, stickyCols]);
  const labelWidth = stickyCols ? stickyLeft[stickyCols - 1]! + widths[stickyCols - 1]! : 0;

  // A tall table scrolls inside its frame, which ends at the bottom of the window when the page is
  // scrolled to the top: its header rows and label columns stay in view, and there is one scroll bar to use.
  const tall = table.gridRows > 20;
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const main = el?.closest('.editor-main') as HTMLElement | null;
    if (!el || !main || !tall) return;
    const fit = () => {
      const top = el.getBoundingClientRect().top - main.getBoundingClientRect().top + main.scrollTop;
      el.style.maxHeight = `${Math.max(300, main.clientHeight - top - 24)}px`;
    };
    fit();
    const ro = new ResizeObserver(fit);
    ro.observe(main);
    if (el.parentElement) ro.observe(el.parentElement);
    return () => ro.disconnect();
  }, [tall]);

  const info = (key: string) => layout.byKey.get(key)!;
  const fieldLabel = (key: string) => template.fields[key]?.label ?? key;

  const focusCell = useCallback((key: string) => {
    const el = tableRef.current?.querySelector<HTMLElement>(`td[data-key="${CSS.escape(key)}"]`);
    el?.focus({ preventScroll: false });
  }, []);

  useLayoutEffect(() => {
    if (wantFocus.current && !edit) {
      wantFocus.current = false;
      focusCell(active);
    }
  });

  useEffect(() => {
    props.onActiveChange(active);
  }, [active]); // eslint-disable-line react-hooks/exhaustive-deps

  // A finding was clicked: focus, scroll and flash its cell.
  useEffect(() => {
    const req = props.focusRequest;
    if (!req || !layout.byKey.has(req.key)) return;
    setEdit(null);
    setActive(req.key);
    wantFocus.current = true;
    setFlashKey(req.key);
    const el = tableRef.current?.querySelector<HTMLElement>(`td[data-key="${CSS.escape(req.key)}"]`);
    el?.scrollIntoView({ block: 'center', inline: 'center' });
    props.onFocusHandled();
    const t = window.setTimeout(() => setFlashKey(null), 1600);
    return () => window.clearTimeout(t);
  }, [props.focusRequest?.nonce]); // eslint-disable-line react-hooks/exhaustive-deps

  const go = (target: DataCellInfo, keepColumn = false) => {
    if (!keepColumn) column.current = null;
    setActive(target.key);
    setRefusal(null);
    wantFocus.current = true;
  };

  const moveDir = (from: DataCellInfo, dir: Direction) => {
    const vertical = dir === 'up' || dir === 'down';
    const col = vertical ? (column.current ?? from.c) : from.c;
    const target = move(layout, from, dir, col);
    if (vertical) column.current = col;
    go(target, vertical);
  };

  const startEdit = (key: string, text: string, mode: EditState['mode']) => {
    const d = info(key);
    if (d.computed) {
      setRefusal({ key, message: '总计由各项自动相加，不能直接填写。请修改组成它的各项。' });
      return;
    }
    setRefusal(null);
    const original = cellsRef.current[key] ?? null;
    const next = { key, text, mode, original };
    editRef.current = next;
    setEdit(next);
    if (mode === 'enter' && text !== '') liveParse(key, text);
  };

  const liveParse = (key: string, text: string) => {
    const field = template.fields[key];
    if (!field) return;
    const parsed = parseCellInput(text, field);
    if (parsed.ok) {
      setRefusal(null);
      if ((cellsRef.current[key] ?? null) !== parsed.value) propsRef.current.onLiveEdit(key, parsed.value);
    } else {
      setRefusal({ key, message: parsed.message });
    }
  };

  const onEditText = useCallback(
    (text: string) => {
      const e = editRef.current;
      if (!e) return;
      const next = { ...e, text };
      editRef.current = next;
      setEdit(next);
      liveParse(e.key, text);
    },
    [], // eslint-disable-line react-hooks/exhaustive-deps
  );

  /** Finishes the edit; returns false (and keeps editing) when the text is not a valid value. */
  const commit = (): boolean => {
    const e = editRef.current;
    if (!e) return true;
    const field = template.fields[e.key]!;
    const parsed = parseCellInput(e.text, field);
    if (!parsed.ok) {
      setRefusal({ key: e.key, message: parsed.message });
      return false;
    }
    editRef.current = null;
    if ((cellsRef.current[e.key] ?? null) !== parsed.value) propsRef.current.onLiveEdit(e.key, parsed.value);
    propsRef.current.onCommitEdit(e.key, e.original, parsed.value);
    setEdit(null);
    setRefusal(null);
    wantFocus.current = true;
    return true;
  };

  const cancel = (message?: string) => {
    const e = editRef.current;
    if (!e) return;
    editRef.current = null;
    if ((cellsRef.current[e.key] ?? null) !== e.original) propsRef.current.onLiveEdit(e.key, e.original);
    setEdit(null);
    setRefusal(message ? { key: e.key, message } : null);
    wantFocus.current = !message;
  };

  const paste = (text: string) => {
    const block = parseClipboardTable(text);
    if (block.length === 0) return;
    const plan = planPaste(layout, template, cellsRef.current, active, block);
    const count = Object.keys(plan.patch).length;
    if (count > 0) propsRef.current.onPatch(plan.patch, `粘贴 ${plan.written} 个单元格`);
    propsRef.current.onPasteDone(plan);
    const first = plan.refused[0];
    setRefusal(first && first.key === active ? { key: first.key, message: first.message } : null);
    wantFocus.current = true;
  };

  const onKeyDown = (e: ReactKeyboardEvent<HTMLTableElement>) => {
    tooltip.current?.hide();
    const from = info(active);
    if (!from) return;
    const editing = editRef.current;
    if (editing) {
      const mode = editing.mode;
      switch (e.key) {
        case 'Enter':
          e.preventDefault();
          if (commit()) moveDir(from, e.shiftKey ? 'up' : 'down');
          return;
        case 'Tab': {
          e.preventDefault();
          if (!commit()) return;
          const next = nextInOrder(layout, from, e.shiftKey);
          if (next) go(next);
          return;
        }
        case 'Escape':
          e.preventDefault();
          cancel();
          return;
        case 'ArrowUp':
        case 'ArrowDown':
          e.preventDefault();
          if (commit()) moveDir(from, e.key === 'ArrowUp' ? 'up' : 'down');
          return;
        case 'ArrowLeft':
        case 'ArrowRight':
          if (mode === 'edit') return;
          e.preventDefault();
          if (commit()) moveDir(from, e.key === 'ArrowLeft' ? 'left' : 'right');
          return;
        default:
          return;
      }
    }
    if (!(e.target instanceof HTMLTableCellElement)) return;
    const ctrl = e.ctrlKey || e.metaKey;
    switch (e.key) {
      case 'ArrowUp':
      case 'ArrowDown':
      case 'ArrowLeft':
      case 'ArrowRight':
        e.preventDefault();
        if (ctrl) {
          const d = e.key.slice(5).toLowerCase() as Direction;
          let cur = from;
          for (let i = 0; i < 100; i++) {
            const n = move(layout, cur, d, cur.c);
            if (n === cur) break;
            cur = n;
          }
          go(cur);
        } else moveDir(from, e.key.slice(5).toLowerCase() as Direction);
        return;
      case 'Tab': {
        const next = nextInOrder(layout, from, e.shiftKey);
        if (next) {
          e.preventDefault();
          go(next);
        }
        // Past either end Tab leaves the table (keyboard users must be able to get out).
        return;
      }
      case 'Enter':
        e.preventDefault();
        moveDir(from, e.shiftKey ? 'up' : 'down');
        return;
      case 'Home':
      case 'End':
        e.preventDefault();
        go(ctrl ? edgeCell(layout, e.key === 'End') : rowEdge(layout, from, e.key === 'End'));
        return;
      case 'F2':
        e.preventDefault();
        startEdit(active, formatCell(cellsRef.current[active]), 'edit');
        return;
      case 'Delete':
      case 'Backspace': {
        e.preventDefault();
        if (from.computed) {
          setRefusal({ key: active, message: '总计由各项自动相加，不能直接清除。' });
          return;
        }
        if (e.key === 'Backspace') {
          startEdit(active, '', 'enter');
          if ((cellsRef.current[active] ?? null) !== null) propsRef.current.onLiveEdit(active, null);
          return;
        }
        if ((cellsRef.current[active] ?? null) !== null) propsRef.current.onPatch({ [active]: null }, '清除单元格');
        return;
      }
      case 'Escape':
        if (refusal) {
          e.preventDefault();
          setRefusal(null);
        }
        return;
      default:
        break;
    }
    if (ctrl || e.altKey) return;
    if (e.key === 'Process' || e.keyCode === 229) {
      // An input method is composing: open the editor now so that the composition lands in it.
      flushSync(() => startEdit(active, '', 'enter'));
      inputRef.current?.focus();
      return;
    }
    if (e.key.length === 1) {
      e.preventDefault();
      startEdit(active, e.key, 'enter');
    }
  };

  const onFocus = (e: React.FocusEvent<HTMLTableElement>) => {
    const td = (e.target as HTMLElement).closest?.('td[data-key]') as HTMLElement | null;
    const key = td?.dataset.key;
    if (key && key !== active && !editRef.current) {
      column.current = null;
      setActive(key);
      setRefusal(null);
    }
  };

  const onBlur = (e: React.FocusEvent<HTMLTableElement>) => {
    const next = e.relatedTarget as Node | null;
    if (next && tableRef.current?.contains(next)) return;
    const cur = editRef.current;
    if (!cur) return;
    const field = template.fields[cur.key]!;
    const parsed = parseCellInput(cur.text, field);
    if (parsed.ok) {
      commit();
      wantFocus.current = false;
    } else {
      cancel(`${parsed.message}已恢复原来的值。`);
    }
  };

  const onMouseDown = (e: React.MouseEvent<HTMLTableElement>) => {
    tooltip.current?.hide();
    const td = (e.target as HTMLElement).closest('td[data-key]') as HTMLElement | null;
    const cur = editRef.current;
    if (!td || !cur || td.dataset.key === cur.key) return;
    // Clicking another cell finishes the edit first; a refused value keeps the editor open.
    if (!commit()) e.preventDefault();
  };

  const onDoubleClick = (e: React.MouseEvent<HTMLTableElement>) => {
    const td = (e.target as HTMLElement).closest('td[data-key]') as HTMLElement | null;
    const key = td?.dataset.key;
    if (!key || editRef.current) return;
    setActive(key);
    startEdit(key, formatCell(cellsRef.current[key]), 'edit');
  };

  const onPaste = (e: React.ClipboardEvent<HTMLTableElement>) => {
    const text = e.clipboardData.getData('text/plain');
    const cur = editRef.current;
    if (cur && !/[\t\r\n]/.test(text.replace(/[\r\n]+$/, ''))) return; // one value into the editor: let the input take it
    e.preventDefault();
    if (cur) cancel();
    paste(text);
  };

  const onCopy = (e: React.ClipboardEvent<HTMLTableElement>) => {
    if (editRef.current) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', formatClipboardTable([[formatCell(cellsRef.current[active])]]));
  };

  const onMouseOver = (e: React.MouseEvent<HTMLTableElement>) => {
    const el = (e.target as HTMLElement).closest('[data-tip]') as HTMLElement | null;
    if (el) tooltip.current?.show(el.dataset.tip ?? '', el);
    else tooltip.current?.hide();
  };

  // Data cells of Table 3 explain their row through the row's label.
  const rowHints = useMemo(() => {
    const map = new Map<string, string>();
    for (const c of table.cells) if (c.role === 'label' && c.row && c.hint) map.set(c.row, c.hint);
    return map;
  }, [table]);

  const rows = useMemo(() => {
    const byRow: GridCell[][] = Array.from({ length: table.gridRows }, () => []);
    for (const cell of table.cells) byRow[cell.r]!.push(cell);
    for (const r of byRow) r.sort((a, b) => a.c - b.c);
    return byRow;
  }, [table]);

  const stickyStyle = (c: number, extra?: CSSProperties): CSSProperties | undefined =>
    c < stickyCols ? { position: 'sticky', left: stickyLeft[c], zIndex: 2, ...extra } : extra;

  // Labels and headers never change while the clerk types: their elements are made once, so React
  // skips them on every keystroke.
  const staticCells = useMemo(() => {
    const map = new Map<GridCell, ReactElement>();
    for (const cell of table.cells) if (cell.role !== 'data') map.set(cell, renderStatic(cell));
    return map;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [table, stickyLeft]);

  function renderStatic(cell: GridCell): ReactElement {
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
          style={stickyStyle(cell.c)}
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
        style={stickyStyle(cell.c, cell.role === 'note' ? { zIndex: 4 } : undefined)}
      >
        {text}
      </th>
    );
  }

  const renderCell = (cell: GridCell) => {
    const rowSpan = cell.rowspan ?? 1;
    const colSpan = cell.colspan ?? 1;
    if (cell.role !== 'data' || !cell.key) return staticCells.get(cell)!;
    const key = cell.key;
    const d = info(key);
    const isEditing = edit?.key === key;
    const mark = marks.get(key);
    return (
      <GridCellView
        key={key}
        cellKey={key}
        rowSpan={rowSpan}
        colSpan={colSpan}
        label={fieldLabel(key)}
        hint={cell.hint ?? (cell.row ? rowHints.get(cell.row) : undefined)}
        value={cells[key] ?? null}
        computed={d.computed}
        active={active === key}
        editText={isEditing ? edit!.text : undefined}
        refusal={refusal?.key === key ? refusal.message : undefined}
        markSeverity={mark?.severity}
        markMessage={mark?.message}
        flash={flashKey === key}
        refusalAbove={cell.r >= table.gridRows - 2 && table.gridRows > 4}
        inputRef={isEditing ? inputRef : undefined}
        onEditText={isEditing ? onEditText : undefined}
      />
    );
  };

  const head = rows.slice(0, table.headerRows);
  const body = rows.slice(table.headerRows);
  const totalWidth = widths.reduce((a, b) => a + b, 0);

  return (
    <div
      ref={scrollRef}
      className={`grid-scroll grid-${table.id}`}
      style={{ '--label-width': `${labelWidth}px` } as CSSProperties}
      onMouseLeave={() => tooltip.current?.hide()}
    >
      <table
        ref={tableRef}
        role="grid"
        aria-label={`表格：${table.caption}`}
        aria-describedby="grid-keys-help"
        aria-rowcount={table.gridRows}
        aria-colcount={table.gridCols}
        className="gtable"
        style={{ width: totalWidth }}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onBlur={onBlur}
        onMouseDown={onMouseDown}
        onDoubleClick={onDoubleClick}
        onPaste={onPaste}
        onCopy={onCopy}
        onMouseOver={onMouseOver}
      >
        <colgroup>
          {widths.map((w, i) => (
            <col key={i} style={{ width: w }} />
          ))}
        </colgroup>
        {head.length ? (
          <thead className="ghead-rows">
            {head.map((cellsOfRow, r) => (
              <tr key={r} role="row">
                {cellsOfRow.map(renderCell)}
              </tr>
            ))}
          </thead>
        ) : null}
        <tbody>
          {body.map((cellsOfRow, i) => (
            <tr key={i + table.headerRows} role="row">
              {cellsOfRow.map(renderCell)}
            </tr>
          ))}
        </tbody>
      </table>
      <HintTooltip ref={tooltip} />
    </div>
  );
}
