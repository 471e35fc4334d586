import { memo, useCallback, useSyncExternalStore, type RefObject } from 'react';
import { Button } from 'antd';
import type { TableDef, TemplateDef } from '../../../templates/types';
import { KeyPopover } from '../common/KeyPopover';
import { SEVERITY_LABELS } from '../logic/findings-index';
import type { GridLayout } from '../logic/grid-layout';
import { useCellMark, type GridStore } from './grid-store';
import type { CellDetail } from './TableSection';

/**
 * The line above the grid: the current cell's name, what goes in it and its findings (following the
 * cell's mark in the grid store), and for a cell with details (a 汇总's sum) the button that opens
 * them. Re-rendered when the current cell or its mark changes, not on every keystroke.
 */
export const CellInfo = memo(function CellInfo(props: {
  table: TableDef;
  template: TemplateDef;
  layout: GridLayout;
  store: GridStore;
  activeKey: string | null;
  /** Given when the current cell has details. */
  detail?: CellDetail;
  detailButton: RefObject<HTMLButtonElement | null>;
}) {
  const { table, template, layout, activeKey, detail } = props;
  const active = activeKey ? layout.byKey.get(activeKey) : undefined;
  const activeField = activeKey ? template.fields[activeKey] : undefined;
  const activeCell = active ? table.cells.find((c) => c.key === activeKey) : undefined;
  const activeHint =
    activeCell?.hint ?? table.cells.find((c) => c.role === 'label' && c.row && c.row === activeCell?.row)?.hint;
  const activeMark = useCellMark(props.store, activeKey);
  return (
    <div className="cell-info-host">
      <div
        className={`cell-info${activeMark ? ` mark-${activeMark.severity}` : ''}${detail ? ' has-detail' : ''}`}
        aria-hidden="true"
      >
        {active && activeField ? (
          <>
            <span className="cell-info-line">
              <span className="cell-info-label">{activeField.label}</span>
              <span className="cell-info-hint">
                {active.computed ? '自动计算：由各项相加得出。' : (activeHint ?? '')}
                {activeField.type === 'decimal' ? '（单位：万元）' : ''}
              </span>
            </span>
            {activeMark ? (
              <span className="cell-info-line cell-info-mark" title={activeMark.message}>
                {SEVERITY_LABELS[activeMark.severity]}：{activeMark.message.split('\n')[0]}
              </span>
            ) : null}
          </>
        ) : (
          <span className="muted">点一个格开始填写；可以直接从 Excel 或 WPS 复制一块数字粘贴进来。</span>
        )}
      </div>
      {detail && activeKey ? (
        <KeyPopover
          key={activeKey}
          title={detail.title(activeKey)}
          content={<DetailContent detail={detail} cellKey={activeKey} store={props.store} />}
          placement="bottomRight"
        >
          <Button ref={props.detailButton} size="small" className="cell-detail-button">
            {detail.label}（Alt+↓）
          </Button>
        </KeyPopover>
      ) : null}
    </div>
  );
});

/** The details of a cell, drawn with the cells as they are now (and again when the cell changes). */
function DetailContent({ detail, cellKey, store }: { detail: CellDetail; cellKey: string; store: GridStore }) {
  const subscribe = useCallback((cb: () => void) => store.subscribe(cellKey, cb), [store, cellKey]);
  useSyncExternalStore(subscribe, () => store.value(cellKey));
  return <>{detail.render(cellKey, store.getCells())}</>;
}
