import { useMemo, useState } from 'react';
import { Button } from 'antd';
import type { TemplateDef } from '../../../templates/types';
import type { Report } from '../../../shared/model/types';
import { blankCells } from '../../../shared/checks/tally';
import { compareCells } from '../../../shared/rollover/compare';
import { formatCell } from '../../../shared/model/format';
import { cellMatrices, formatDelta, type CellMatrix, type MatrixCell } from './cell-matrix';
import { carryLinks } from './carry-links';

/**
 * 表格对比: first the figures that link the two years (上年结转, 现行有效), then each official table
 * with this year's value in every cell and last year's under it; changed cells are marked, rows
 * that did not change are folded away.
 */
export function TableCompare(props: { report: Report; last: Report; template: TemplateDef; baselineOnly: boolean }) {
  const { report, last, template } = props;
  const links = useMemo(() => carryLinks(report, last, template), [report, last, template]);
  // The blank cells as the status bar and the library count them (computed totals are not cells to fill).
  const blanks = useMemo(() => blankCells(report, 'editor'), [report]);
  const matrices = useMemo(
    () => (props.baselineOnly ? [] : cellMatrices(template, compareCells(report, last))),
    [report, last, template, props.baselineOnly],
  );
  const fmt = (v: number | null) => (v === null ? '未填' : formatCell(v));

  return (
    <div className="table-compare">
      <section aria-labelledby="carry-links-title" className="compare-block">
        <h3 id="carry-links-title">
          两年衔接的数字
          <span className="compare-count">{links.differing ? `${links.differing} 处与上年不衔接` : '与上年衔接'}</span>
        </h3>
        <div className="matrix-scroll">
          <table className="compare-table links">
            <caption>表三“二、上年结转申请”应等于{last.year}年度的“四、结转下年度继续办理”</caption>
            <thead>
              <tr>
                <th scope="col">项目</th>
                {links.carry.map((c) => (
                  <th scope="col" key={c.key}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{last.year}年度 结转下年度继续办理</th>
                {links.carry.map((c) => (
                  <td key={c.key} className="num">
                    {fmt(c.expected)}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">{report.year}年度 上年结转申请</th>
                {links.carry.map((c) => (
                  <td key={c.key} className={`num link-${c.state}`}>
                    {fmt(c.actual)}
                    <LinkMark state={c.state} />
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
        {links.inForce.length ? (
          <div className="matrix-scroll">
            <table className="compare-table links">
              <caption>表二现行有效件数应等于上年现行有效件数 + 本年制发 − 本年废止</caption>
              <thead>
                <tr>
                  <th scope="col">项目</th>
                  <th scope="col">{last.year}年度现行有效</th>
                  <th scope="col">本年制发</th>
                  <th scope="col">本年废止</th>
                  <th scope="col">应为</th>
                  <th scope="col">本年填写</th>
                </tr>
              </thead>
              <tbody>
                {links.inForce.map((c) => (
                  <tr key={c.key}>
                    <th scope="row">{c.name}</th>
                    <td className="num">{fmt(c.before)}</td>
                    <td className="num">{fmt(c.issued)}</td>
                    <td className="num">{fmt(c.repealed)}</td>
                    <td className="num">{fmt(c.expected)}</td>
                    <td className={`num link-${c.state}`}>
                      {fmt(c.actual)}
                      <LinkMark state={c.state} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      {props.baselineOnly ? (
        <p className="muted compare-note">
          上年报告不在年报库中（可能已删除），只保留了建立本报告时记下的衔接数字，其余表格无法对比。
        </p>
      ) : (
        matrices.map((m) => (
          <MatrixTable
            key={m.table}
            matrix={m}
            blankNow={blanks[m.table]}
            lastYear={last.year}
            year={report.year}
            fmt={fmt}
          />
        ))
      )}
    </div>
  );
}

function LinkMark({ state }: { state: 'ok' | 'differs' | 'blank' }) {
  if (state === 'blank') return null;
  return <span className={`link-mark ${state}`}>{state === 'ok' ? '一致' : '不一致'}</span>;
}

function MatrixTable({
  matrix,
  blankNow,
  lastYear,
  year,
  fmt,
}: {
  matrix: CellMatrix;
  /** Cells this year left blank (tallyChecks' count). */
  blankNow: number;
  lastYear: number;
  year: number;
  fmt(v: number | null): string;
}) {
  const [show, setShow] = useState<{ same: boolean; blank: boolean }>({ same: false, blank: false });
  const same = matrix.rows.filter((r) => r.kind === 'same').length;
  const blank = matrix.rows.filter((r) => r.kind === 'blank').length;
  const rows = matrix.rows.filter((r) => r.kind === 'changed' || show[r.kind]);
  const id = `matrix-${matrix.table}`;
  return (
    <section aria-labelledby={id} className="compare-block">
      <h3 id={id}>
        {matrix.caption}
        <span className="compare-count">
          {matrix.changedCells ? `${matrix.changedCells} 格与上年不同` : '已填的格与上年相同'}
          {blankNow ? `，本年 ${blankNow} 格未填` : ''}
        </span>
      </h3>
      {rows.length ? (
        <div className="matrix-scroll">
          <table className="compare-table matrix">
            <caption className="sr-only">
              {matrix.caption}：每格上方为{year}年度，下方为{lastYear}年度
            </caption>
            <thead>
              <tr>
                <th scope="col">项目</th>
                {matrix.columns.map((c) => (
                  <th scope="col" key={c}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} className={`row-${r.kind}`}>
                  <th scope="row">{r.label}</th>
                  {r.cells.map((c, i) =>
                    c ? (
                      <ValueCell key={c.key} cell={c} fmt={fmt} lastYear={lastYear} />
                    ) : (
                      <td key={i} className="empty" />
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="matrix-toggles">
        {same ? (
          <Button
            size="small"
            type="link"
            aria-expanded={show.same}
            onClick={() => setShow((v) => ({ ...v, same: !v.same }))}
          >
            {show.same ? `收起与上年相同的 ${same} 行` : `显示与上年相同的 ${same} 行`}
          </Button>
        ) : null}
        {blank ? (
          <Button
            size="small"
            type="link"
            aria-expanded={show.blank}
            onClick={() => setShow((v) => ({ ...v, blank: !v.blank }))}
          >
            {show.blank ? `收起本年未填的 ${blank} 行` : `显示本年未填的 ${blank} 行`}
          </Button>
        ) : null}
      </div>
    </section>
  );
}

function ValueCell({ cell, fmt, lastYear }: { cell: MatrixCell; fmt(v: number | null): string; lastYear: number }) {
  return (
    <td className={`vcell ${cell.kind}`}>
      <span className="v-now">{fmt(cell.current)}</span>
      <span className="v-last">
        <span className="sr-only">{lastYear}年度</span>
        {cell.kind !== 'same' ? `上年 ${fmt(cell.last)}` : <span className="sr-only">{fmt(cell.last)}，相同</span>}
      </span>
      {cell.kind === 'changed' && cell.delta !== null ? (
        <span className="v-delta">{formatDelta(cell.delta)}</span>
      ) : null}
    </td>
  );
}
