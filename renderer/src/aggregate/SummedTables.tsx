import { Checkbox, Tag } from 'antd';
import { layoutTable } from '../../../shared/export/table-layout';
import type { AggregateView, AggTable } from '../../../shared/aggregate/index';
import type { Cells, Report } from '../../../shared/model/types';
import { computeTotals } from '../../../shared/model/totals';
import { templateFor } from '../../../templates/index';
import { BreakdownPopover } from './BreakdownPopover';
import { TABLE_TITLES } from './labels';

/**
 * The three tables as they will read after 写入 (the report's cells with the sums), drawn from the
 * template like every other table of the app. A cell that differs from the report now is marked;
 * every summed cell opens its breakdown by unit.
 */
export function SummedTables(props: {
  report: Report;
  view: AggregateView;
  onIncludeOwn(table: AggTable, on: boolean): void;
}) {
  const { report, view } = props;
  const template = templateFor(view.result.format);
  const after: Cells = computeTotals({ ...report.cells, ...view.result.cells }, template);
  const hasOwn = view.state.units.some((u) => u.role === 'own' && !u.removed);
  return (
    <div className="agg-tables">
      <p className="muted">
        点任一数字可查看各单位的数字。标黄的格子写入后会改变。规章一栏只取本级（政府办公室）的数字
        {view.result.regulationsFromOwn ? '' : '；现在没有本级报告，规章保留本报告原有的数字'}。
      </p>
      {template.tables.map((table) => {
        const printed = layoutTable(table, after);
        const id = table.id as AggTable;
        return (
          <section key={table.id} className="agg-table-block" aria-label={TABLE_TITLES[id]}>
            <div className="agg-table-head">
              <h3>{TABLE_TITLES[id]}</h3>
              <Checkbox
                checked={view.state.includeOwn[id]}
                disabled={!hasOwn}
                onChange={(e) => props.onIncludeOwn(id, e.target.checked)}
              >
                计入本级数字
              </Checkbox>
              {!hasOwn ? <Tag variant="outlined">没有本级报告</Tag> : null}
            </div>
            <div className="agg-table-scroll">
              <table className="agg-table">
                <tbody>
                  {printed.rows.map((row, r) => (
                    <tr key={r}>
                      {row.map((cell) => {
                        const span = { rowSpan: cell.rowspan, colSpan: cell.colspan };
                        if (cell.role !== 'data' || !cell.key)
                          return (
                            <th key={`${cell.r}-${cell.c}`} {...span} scope={cell.scope} className={`agg-${cell.role}`}>
                              {cell.text}
                            </th>
                          );
                        const key = cell.key;
                        const summed = key in view.result.cells;
                        const changed = summed && report.cells[key] !== view.result.cells[key];
                        const label = template.fields[key]?.label ?? key;
                        return (
                          <td key={key} {...span} className={`num${changed ? ' agg-changed' : ''}`}>
                            {summed ? (
                              <BreakdownPopover view={view} cellKey={key}>
                                <button
                                  type="button"
                                  className="agg-cell"
                                  aria-label={`${label}：${cell.text || '空'}，查看各单位`}
                                >
                                  {cell.text}
                                </button>
                              </BreakdownPopover>
                            ) : (
                              <span title="不汇总：保留本报告原有的数字">{cell.text}</span>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </div>
  );
}
