import { useMemo } from 'react';
import { Button } from 'antd';
import { writtenSums, type WrittenSums } from '../../../shared/aggregate/index';
import type { Cells, Report } from '../../../shared/model/types';
import type { TemplateDef } from '../../../templates/types';
import type { CellDetail } from '../grid/TableSection';
import { navigate } from '../app/router';

/**
 * The units behind a summed figure, in the editor's tables: a government report into which a 汇总
 * was written shows, for every cell the 写入 wrote, which units it came from (the cell information
 * line's button, or Alt+↓ on the cell).
 */

const SHOWN = 30;

function when(at: string): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime())
    ? ''
    : d.toLocaleString('zh-CN', { hour12: false, dateStyle: 'long', timeStyle: 'short' });
}

function WrittenBreakdownView(props: { sums: WrittenSums; cellKey: string; cells: Cells; reportId: string }) {
  const b = props.sums.breakdown(props.cellKey, props.cells);
  if (!b) return null;
  const units = b.rows.length + b.zeros;
  return (
    <div className="agg-breakdown" aria-label="各单位数字">
      <div className="agg-breakdown-total">
        {when(b.at)}写入的汇总数 <b>{b.written}</b>，{b.rows.length ? `来自 ${b.rows.length} 个单位` : '各单位都是 0'}
        {b.zeros && b.rows.length ? `（另有 ${b.zeros} 个单位为 0 或未填）` : ''}。
      </div>
      {b.current !== b.written ? (
        <div className="agg-breakdown-manual" role="note">
          本格现在是 {b.current ?? '空'}，写入后改过；汇总页中再次写入时，如这一格的汇总数有变化会覆盖它。
        </div>
      ) : null}
      {b.rows.length ? (
        <table className="agg-breakdown-table">
          <thead>
            <tr>
              <th scope="col">单位</th>
              <th scope="col" className="num">
                数字
              </th>
            </tr>
          </thead>
          <tbody>
            {b.rows.slice(0, SHOWN).map((r, i) => (
              <tr key={i}>
                <td>
                  {r.agency || '（未识别机关）'}
                  {r.own ? '（本级）' : ''}
                </td>
                <td className="num">{r.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {b.rows.length > SHOWN ? (
        <div className="muted small">另有 {b.rows.length - SHOWN} 个单位，在汇总页的“汇总结果”中可看全部。</div>
      ) : null}
      <div className="agg-breakdown-foot">
        <span className="muted small">共汇总 {units} 个单位。</span>
        <Button size="small" type="link" onClick={() => navigate({ screen: 'aggregate', id: props.reportId })}>
          打开汇总页
        </Button>
      </div>
    </div>
  );
}

/** The editor's cell details of a report with a written 汇总 (undefined for every other report). */
export function useCellBreakdown(report: Report, template: TemplateDef | null): CellDetail | undefined {
  const aggregate = (report as { aggregate?: unknown }).aggregate;
  const { format } = report;
  const reportId = report.meta.id;
  return useMemo(() => {
    if (!template || !aggregate) return undefined;
    // Keyed by the aggregate field alone: edits of the tables do not change what was written.
    const sums = writtenSums({ format, aggregate });
    if (!sums) return undefined;
    return {
      has: sums.has,
      label: '各单位数字',
      help: '汇总得出的数字：查看它来自哪些单位',
      title: (key) => `${template.fields[key]?.label ?? key}：各单位数字`,
      render: (key, cells) => <WrittenBreakdownView sums={sums} cellKey={key} cells={cells} reportId={reportId} />,
    } satisfies CellDetail;
  }, [aggregate, format, template, reportId]);
}
