import { memo, useCallback, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Alert, Button } from 'antd';
import { KeyPopover } from '../common/KeyPopover';
import { FillZeroButton } from './FillZeroButton';
import { QuestionCircleOutlined } from '@ant-design/icons';
import type { TableDef, TemplateDef } from '../../../templates/types';
import type { Cells, CellValue } from '../../../shared/model/types';
import { formatCell } from '../../../shared/model/format';
import { buildGridLayout } from '../logic/grid-layout';
import { blankEditableCount, fillBlanksWithZero } from '../logic/fill-zero';
import { mismatchedTotals, type PastePlan } from '../logic/paste';
import { TableGrid, type GridFocusRequest } from './TableGrid';
import { CellInfo } from './CellInfo';
import type { GridStore } from './grid-store';

export interface TableSectionProps {
  table: TableDef;
  template: TemplateDef;
  /** The report's cells and their marks (typing re-renders only the cells it changes). */
  store: GridStore;
  onLiveEdit(key: string, value: CellValue): void;
  onCommitEdit(key: string, before: CellValue, after: CellValue): void;
  onPatch(patch: Cells, label: string): void;
  focusRequest: GridFocusRequest | null;
  onFocusHandled(): void;
  /** More about some cells (a 汇总's sums: the units behind them), opened from the cell with Alt+↓. */
  cellDetail?: CellDetail;
}

/** Details of a cell shown in a popup from the cell information line (and Alt+↓ on the cell). */
export interface CellDetail {
  has(key: string): boolean;
  /** The button's text, e.g. 各单位数字. */
  label: string;
  /** The line of the key help, e.g. 汇总得出的数字：查看各单位的数字. */
  help: string;
  title(key: string): ReactNode;
  render(key: string, cells: Cells): ReactNode;
}

export const KEY_HELP = [
  ['方向键', '移动到相邻的格'],
  ['Tab / Shift+Tab', '向右 / 向左（行末换到下一行，跳过总计格）'],
  ['Enter / Shift+Enter', '向下 / 向上（跳过总计格）'],
  ['直接输入数字', '开始填写，输入的内容替换原值'],
  ['F2 或双击', '修改原值'],
  ['Esc', '放弃正在输入的内容'],
  ['Delete', '清空该格'],
  ['Ctrl+V', '从 Excel / WPS 粘贴一块数字，从当前格开始'],
  ['Ctrl+Z / Ctrl+Y', '撤销 / 重做'],
] as const;

function KeyHelp({ extra }: { extra?: string }) {
  const rows = extra ? [...KEY_HELP, ['Alt+↓', extra] as const] : KEY_HELP;
  return (
    <table className="key-help">
      <tbody>
        {rows.map(([k, v]) => (
          <tr key={k}>
            <th scope="row">
              <kbd>{k}</kbd>
            </th>
            <td>{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PasteSummary({ plan, template, onClose }: { plan: PastePlan; template: TemplateDef; onClose(): void }) {
  const wrongTotals = mismatchedTotals(plan, template);
  const problems = plan.refused.length > 0 || plan.outside > 0 || wrongTotals.length > 0;
  const notes: string[] = [];
  if (plan.dropped.includes('heading')) notes.push('第一行是标题，未粘贴');
  if (plan.dropped.includes('labels')) notes.push('第一列是行名称，未粘贴');
  const skipped = plan.skippedTotals.length - wrongTotals.length;
  if (skipped > 0) notes.push(`${skipped} 个总计格自动计算，已跳过（与复制的数字一致）`);
  return (
    <Alert
      className="paste-summary"
      type={problems ? 'warning' : 'success'}
      showIcon
      role={problems ? 'alert' : 'status'}
      closable={{ onClose, 'aria-label': '关闭粘贴结果' }}
      title={`已粘贴 ${plan.written} 个单元格${notes.length ? `；${notes.join('；')}` : ''}。`}
      description={
        problems ? (
          <ul className="paste-problems">
            {plan.refused.map((r) => (
              <li key={r.key}>
                <strong>{r.label}</strong>：未粘贴“{r.text}”——{r.message}
              </li>
            ))}
            {wrongTotals.map((t) => (
              <li key={t.key}>
                <strong>{t.label}</strong>：复制的总计为 {t.text}，按各项相加应为 {formatCell(t.computed) || '空白'}
                ，已按各项相加计算。请核对原表。
              </li>
            ))}
            {plan.outside > 0 ? (
              <li>有 {plan.outside} 个值超出了表格范围，未粘贴。请确认是从正确的格开始粘贴。</li>
            ) : null}
          </ul>
        ) : undefined
      }
    />
  );
}

/** Units, legend, 键盘操作 and 剩余空白填 0: re-rendered only when the blank count changes. */
const TableToolbar = memo(function TableToolbar({
  countBlanks,
  hasDecimal,
  onFill,
  detailHelp,
}: {
  countBlanks(): number;
  hasDecimal: boolean;
  onFill(): void;
  detailHelp?: string;
}) {
  return (
    <div className="table-toolbar">
      <div className="table-units">
        <span className="unit-badge">单位：件</span>
        {hasDecimal ? <span className="unit-badge decimal">行政事业性收费单位：万元，可保留 6 位小数</span> : null}
        <span className="legend">
          <span className="legend-swatch computed" aria-hidden="true" />
          灰底为自动计算的总计
        </span>
      </div>
      <div className="table-actions">
        <KeyPopover content={<KeyHelp extra={detailHelp} />} title="表格的键盘操作" placement="bottomRight">
          <Button size="small" type="text" icon={<QuestionCircleOutlined />}>
            键盘操作
          </Button>
        </KeyPopover>
        <FillZeroButton countBlanks={countBlanks} onFill={onFill} scope="本表" small />
      </div>
    </div>
  );
});

export const TableSection = memo(function TableSection(props: TableSectionProps) {
  const { table, template, store } = props;
  const layout = useMemo(() => buildGridLayout(table, template), [table, template]);
  const [plan, setPlan] = useState<PastePlan | null>(null);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const hasDecimal = Object.values(template.fields).some((f) => f.table === table.id && f.type === 'decimal');

  const onPatch = props.onPatch;
  const countBlanks = useCallback(
    () => blankEditableCount(store.getCells(), template, table.id),
    [store, template, table],
  );
  const fill = useCallback(
    () => onPatch(fillBlanksWithZero(store.getCells(), template, table.id), `${table.caption}：剩余空白填 0`),
    [onPatch, store, template, table],
  );

  const detail = props.cellDetail;
  const detailKey = activeKey && detail?.has(activeKey) ? activeKey : null;
  const detailButton = useRef<HTMLButtonElement>(null);
  // Alt+↓ on a cell with details opens them (the popup gives the focus back to the cell on Esc).
  const onKeyDownCapture = (e: KeyboardEvent<HTMLElement>) => {
    if (!detailKey || e.key !== 'ArrowDown' || !e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (!(e.target as HTMLElement).closest('td[data-key]') || (e.target as HTMLElement).closest('input')) return;
    e.preventDefault();
    e.stopPropagation();
    detailButton.current?.click();
  };

  return (
    <section className="table-section" aria-label={`表格：${table.caption}`} onKeyDownCapture={onKeyDownCapture}>
      <TableToolbar countBlanks={countBlanks} hasDecimal={hasDecimal} onFill={fill} detailHelp={detail?.help} />
      <p id="grid-keys-help" className="sr-only">
        用方向键、Tab 和 Enter 在格之间移动，直接输入数字填写，F2 修改，Esc 放弃，Delete 清空，Ctrl+V 从 Excel 粘贴。
        {detail ? `${detail.help}：按 Alt+↓。` : ''}
      </p>
      <CellInfo
        table={table}
        template={template}
        layout={layout}
        store={store}
        activeKey={activeKey}
        detail={detailKey ? detail : undefined}
        detailButton={detailButton}
      />
      {plan ? <PasteSummary plan={plan} template={template} onClose={() => setPlan(null)} /> : null}
      <TableGrid
        table={table}
        template={template}
        layout={layout}
        store={store}
        onLiveEdit={props.onLiveEdit}
        onCommitEdit={props.onCommitEdit}
        onPatch={props.onPatch}
        onPasteDone={setPlan}
        focusRequest={props.focusRequest}
        onFocusHandled={props.onFocusHandled}
        onActiveChange={setActiveKey}
      />
    </section>
  );
});
