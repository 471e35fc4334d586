import type { ReactNode } from 'react';
import { Popover } from 'antd';
import { breakdown, type AggregateView } from '../../../shared/aggregate/index';
import { templateFor } from '../../../templates/index';

/** The units behind one summed cell, opened from the cell (click or Enter). */
export function BreakdownPopover({
  view,
  cellKey,
  children,
}: {
  view: AggregateView;
  cellKey: string;
  children: ReactNode;
}) {
  const content = () => {
    const b = breakdown(view.result, view.match, cellKey);
    const label = templateFor(view.result.format).fields[cellKey]?.label ?? cellKey;
    return (
      <div className="agg-breakdown" role="dialog" aria-label={`${label}：各单位数字`}>
        <div className="agg-breakdown-title">{label}</div>
        <div className="agg-breakdown-total">
          汇总 {b.total ?? '—'}
          {b.rows.length ? `，来自 ${b.rows.length} 个单位` : ''}
        </div>
        {b.rows.length ? (
          <table className="agg-breakdown-table">
            <tbody>
              {b.rows.slice(0, 30).map((r) => (
                <tr key={r.unit.key}>
                  <td>
                    {r.unit.agency || '（未识别机关）'}
                    {r.unit.role === 'own' ? '（本级）' : ''}
                  </td>
                  <td className="num">{r.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {b.rows.length > 30 ? <div className="muted small">另有 {b.rows.length - 30} 个单位……</div> : null}
        {b.zeros ? <div className="muted small">另有 {b.zeros} 个单位为 0 或未填。</div> : null}
      </div>
    );
  };
  return (
    <Popover trigger="click" content={content} placement="right" destroyOnHidden>
      {children}
    </Popover>
  );
}
