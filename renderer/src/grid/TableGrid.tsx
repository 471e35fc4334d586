import { memo, useCallback, useEffect, useLayoutEffect, useRef, type CSSProperties } from 'react';
import { flushSync } from 'react-dom';
import type { GridCell, TableDef, TemplateDef } from '../../../templates/types';
import type { Cells, CellValue } from '../../../shared/model/types';
import type { GridLayout } from '../logic/grid-layout';
import type { PastePlan } from '../logic/paste';
import type { GridStore } from './grid-store';
import { useJumpRequest, jumpTo, type JumpRequest } from '../hooks/use-jump';
import { useLatest } from '../hooks/use-latest';
import { GridCellView } from './GridCellView';
import { HintTooltip, type HintTooltipHandle } from './HintTooltip';
import { RefusalBubble } from './RefusalBubble';
import { useGridColumns } from './grid-columns';
import { useGridRows, useRowHints, useStaticCells } from './GridStaticCell';
import { useFitHeight } from './use-fit-height';
import { useGridNav } from './use-grid-nav';
import { useCellEditor } from './use-cell-editor';
import { gridEvents } from './grid-events';
import { useTypeCatcher } from './type-catcher';

/**
 * The official table, drawn from the template's grid (merged headers, group labels, the corner
 * note), edited like a spreadsheet: this file puts together the columns, the cell editor, the
 * navigation and the event handlers of the modules beside it.
 */

export interface GridFocusRequest extends JumpRequest {
  key: string;
}

export interface TableGridProps {
  table: TableDef;
  template: TemplateDef;
  layout: GridLayout;
  /** The cells' values and marks (each cell subscribes to its own: typing does not re-render the grid). */
  store: GridStore;
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

export const TableGrid = memo(function TableGrid(props: TableGridProps) {
  const { table, template, layout, store } = props;
  const tableRef = useRef<HTMLTableElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const tooltip = useRef<HintTooltipHandle>(null);
  const latest = useLatest(props);

  const nav = useGridNav(layout, tableRef);
  const editor = useCellEditor(layout, template, store, props, (refocus) =>
    refocus ? nav.refocus() : nav.dropRefocus(),
  );
  // The cell gets the focus back once its editor has gone.
  useLayoutEffect(() => {
    if (!editor.edit) nav.applyFocus();
  });

  const columns = useGridColumns(table);
  const staticCells = useStaticCells(table, columns);
  const rows = useGridRows(table);
  const rowHints = useRowHints(table);
  useFitHeight(scrollRef, table.gridRows > 20);

  const { active } = nav;
  useEffect(() => latest.current.onActiveChange(active), [active, latest]);

  // A finding was clicked (or a step undone): finish any edit, then scroll to, focus and flash the cell.
  useJumpRequest(
    props.focusRequest,
    (req) => {
      if (!layout.byKey.has(req.key)) return false;
      editor.finish();
      nav.setActive(req.key);
      const td = tableRef.current?.querySelector<HTMLElement>(`td[data-key="${CSS.escape(req.key)}"]`);
      if (td) jumpTo(td);
    },
    props.onFocusHandled,
  );

  // Text typed on the current cell by an input method (or inserted without a key) opens its editor.
  useTypeCatcher(tableRef, (text) => {
    if (editor.current()) return;
    flushSync(() => editor.start(nav.active, text, 'enter'));
  });

  const handlers = gridEvents({
    layout,
    template,
    nav,
    editor,
    tableRef,
    tooltip,
    cells: () => store.getCells(),
    onLiveEdit: (key, value) => latest.current.onLiveEdit(key, value),
    onPatch: (patch, label) => latest.current.onPatch(patch, label),
    onPasteDone: (plan) => latest.current.onPasteDone(plan),
  });

  const { edit, refusal } = editor;
  const refusalId = `refusal-${table.id}`;
  const refusalKey = refusal?.key;
  const refusalAnchor = useCallback(
    () =>
      refusalKey
        ? (tableRef.current?.querySelector<HTMLElement>(`td[data-key="${CSS.escape(refusalKey)}"]`) ?? null)
        : null,
    [refusalKey],
  );
  const renderCell = (cell: GridCell) => {
    if (cell.role !== 'data' || !cell.key) return staticCells.get(cell)!;
    const key = cell.key;
    const isEditing = edit?.key === key;
    return (
      <GridCellView
        key={key}
        cellKey={key}
        rowSpan={cell.rowspan ?? 1}
        colSpan={cell.colspan ?? 1}
        label={template.fields[key]?.label ?? key}
        hint={cell.hint ?? (cell.row ? rowHints.get(cell.row) : undefined)}
        store={store}
        computed={layout.byKey.get(key)!.computed}
        active={active === key}
        editing={isEditing}
        refusalId={refusal?.key === key ? refusalId : undefined}
        onEditText={isEditing ? editor.type : undefined}
      />
    );
  };

  const head = rows.slice(0, table.headerRows);
  const body = rows.slice(table.headerRows);

  return (
    <div
      ref={scrollRef}
      className={`grid-scroll grid-${table.id}`}
      style={{ '--label-width': `${columns.labelWidth}px` } as CSSProperties}
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
        style={{ width: columns.totalWidth }}
        {...handlers}
      >
        <colgroup>
          {columns.widths.map((w, i) => (
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
      {refusal ? <RefusalBubble id={refusalId} message={refusal.message} anchor={refusalAnchor} /> : null}
      <HintTooltip ref={tooltip} />
    </div>
  );
});
