import { useMemo, useState } from 'react';
import { Alert, Checkbox, Modal, Table } from 'antd';
import {
  computeAggregate,
  planApply,
  withAggregateState,
  type AggregateState,
  type AggregateView,
  type CellChange,
} from '../../../shared/aggregate/index';
import type { Report } from '../../../shared/model/types';
import { templateFor } from '../../../templates/index';

/**
 * 写入年报: first the units with open errors (each can still be left out), then what will change —
 * every cell the first time, afterwards only the cells whose sum changed, each with the units
 * behind the change; figures changed by hand whose sum did not change are listed and kept.
 */
/** “云溪县财政局 5 → 8” when a unit's report was replaced, else “城关镇人民政府 +2”. */
function reasons(c: CellChange): string {
  const byAgency = new Map<string, { minus: number; plus: number }>();
  for (const u of c.units) {
    const x = byAgency.get(u.agency) ?? { minus: 0, plus: 0 };
    if (u.delta < 0) x.minus -= u.delta;
    else x.plus += u.delta;
    byAgency.set(u.agency, x);
  }
  const parts = [...byAgency].map(([agency, x]) =>
    x.minus && x.plus ? `${agency} ${x.minus} → ${x.plus}` : `${agency} ${x.plus ? `+${x.plus}` : `-${x.minus}`}`,
  );
  return parts.slice(0, 4).join('；') + (parts.length > 4 ? ` 等 ${parts.length} 个单位` : '');
}

export function ApplyDialog(props: {
  open: boolean;
  report: Report;
  view: AggregateView;
  onCancel(): void;
  onApply(state: AggregateState): void;
}) {
  const { view, report } = props;
  const flagged = view.match.units.filter(
    (s) => (s.status === 'submitted' || s.status === 'not_on_roster') && s.unit.include && s.unit.counts.error > 0,
  );
  const [excluded, setExcluded] = useState<string[]>([]);
  const state: AggregateState = useMemo(
    () => ({
      ...view.state,
      units: view.state.units.map((u) => (excluded.includes(u.key) ? { ...u, include: false } : u)),
    }),
    [view.state, excluded],
  );
  const plan = useMemo(() => {
    if (!props.open) return null;
    const next = computeAggregate(withAggregateState(report, state), state);
    return planApply(report, state, next.result);
  }, [props.open, report, state]);
  const fields = templateFor(view.result.format).fields;
  const replaced = plan ? [...new Set(plan.added.filter((a) => plan.dropped.includes(a)))] : [];
  const added = plan ? plan.added.filter((a) => !replaced.includes(a)) : [];
  const dropped = plan ? plan.dropped.filter((a) => !replaced.includes(a)) : [];
  const label = (k: string) => fields[k]?.label ?? k;
  const columns = [
    { title: '单元格', key: 'k', render: (_: unknown, c: CellChange) => label(c.key) },
    {
      title: '现在',
      key: 'cur',
      width: 70,
      align: 'right' as const,
      render: (_: unknown, c: CellChange) => c.current ?? '空',
    },
    {
      title: '写入后',
      key: 'next',
      width: 70,
      align: 'right' as const,
      render: (_: unknown, c: CellChange) => <b>{c.next}</b>,
    },
    {
      title: '原因',
      key: 'why',
      render: (_: unknown, c: CellChange) => (c.units.length ? reasons(c) : c.manual ? '原数字曾手工修改' : ''),
    },
  ];
  return (
    <Modal
      open={props.open}
      width={820}
      title="写入年报"
      okText={plan && plan.changes.length ? `写入 ${plan.changes.length} 个数字` : '写入'}
      cancelText="取消"
      onCancel={props.onCancel}
      onOk={() => props.onApply(state)}
      destroyOnHidden
    >
      {flagged.length ? (
        <Alert
          type="error"
          showIcon
          className="gap-bottom"
          title={`${flagged.length} 个单位的报告有未处理的错误`}
          description={
            <div>
              <p>
                这些报告的数字可能不对。可以先计入，待单位改正后再重新汇总（只更新改变的数字）；也可以取消勾选，暂不计入。
              </p>
              {flagged.map((s) => (
                <div key={s.unit.key} className="agg-flag">
                  <Checkbox
                    checked={!excluded.includes(s.unit.key)}
                    onChange={(e) =>
                      setExcluded((x) => (e.target.checked ? x.filter((k) => k !== s.unit.key) : [...x, s.unit.key]))
                    }
                  >
                    计入 {s.unit.agency}
                  </Checkbox>
                  <span className="muted small">{s.unit.errors[0]}</span>
                </div>
              ))}
            </div>
          }
        />
      ) : null}
      {plan ? (
        <>
          <p>
            {plan.firstTime
              ? `首次写入：本报告第二、三、四部分表格中的 ${plan.changes.length} 个数字将改为汇总结果。`
              : plan.changes.length
                ? `与上次写入相比，${plan.changes.length} 个数字有变化，只更新这些数字。`
                : '与上次写入相比没有数字变化。'}
            {replaced.length ? ` 改用新报告：${replaced.join('、')}。` : ''}
            {added.length ? ` 新计入：${added.join('、')}。` : ''}
            {dropped.length ? ` 不再计入：${dropped.join('、')}。` : ''}
          </p>
          {plan.changes.length && !plan.firstTime ? (
            <Table
              size="small"
              rowKey="key"
              columns={columns}
              dataSource={plan.changes}
              pagination={{ pageSize: 8, showSizeChanger: false }}
            />
          ) : null}
          {plan.keptManual.length ? (
            <Alert
              type="info"
              showIcon
              title={`${plan.keptManual.length} 个数字在上次写入后手工改过，汇总结果没有变化，保留手工改的数字：${plan.keptManual
                .slice(0, 5)
                .map((c) => label(c.key))
                .join('；')}${plan.keptManual.length > 5 ? '……' : ''}`}
            />
          ) : null}
        </>
      ) : null}
    </Modal>
  );
}
