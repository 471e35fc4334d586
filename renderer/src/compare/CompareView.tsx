import { useEffect, useMemo, useState } from 'react';
import { Alert, Spin, Tabs } from 'antd';
import type { TemplateDef, SectionId } from '../../../templates/types';
import type { Report } from '../../../shared/model/types';
import { carriedShare } from '../../../shared/rollover/compare';
import { SERIES_LABELS, yearFigures, type YearFigures } from '../../../shared/rollover/series';
import { errorText, useServices } from '../api/context';
import { routeHash } from '../app/router';
import { TableCompare } from './TableCompare';
import { TextCompare } from './TextCompare';
import { TrendChart } from './TrendChart';
import { chartSummary, hasFigures, mergeYears, SERIES_KEYS } from './history';
import './compare.css';

/**
 * 与上年对比 (#/report/<id>/compare): this year's report beside last year's — the tables cell by
 * cell, the text paragraph by paragraph — and the agency's main figures over every year in the
 * library. Loaded on demand (ECharts stays out of the editor's bundle).
 */

export interface CompareViewProps {
  report: Report;
  /** Last year's report, or the baseline stand-in (cells only) when it is not in the library. */
  last: Report | null;
  template: TemplateDef | null;
  onOpenBlock(section: SectionId, block: number): void;
}

type TabKey = 'tables' | 'text' | 'trend';

export default function CompareView(props: CompareViewProps) {
  const { report, last, template } = props;
  const baselineOnly =
    !!last && last.sections.every((s) => s.blocks.length === 0) && last.meta.id === report.meta.derivedFrom?.id;
  const [tab, setTab] = useState<TabKey>(last ? 'tables' : 'trend');
  const share = useMemo(
    () => (last && !baselineOnly ? carriedShare(report, last) : null),
    [report, last, baselineOnly],
  );

  return (
    <div className="compare-view">
      <div className="compare-intro">
        {last ? (
          <>
            <p>
              <span className="muted">本年：</span>
              {report.agency.name} {report.year}年度
              <span className="compare-sep">·</span>
              <span className="muted">上年：</span>
              {last.title || `${last.agency.name}${last.year}年度`}
            </p>
            {share !== null ? (
              <p>
                <span className="muted">沿用上年未修改的文字：</span>
                <strong>{Math.round(share * 100)}%</strong>
                <span className="muted small">（按字数：仍标有“沿用上年，待核改”或与上年一字不差的段落）</span>
              </p>
            ) : null}
          </>
        ) : (
          <Alert
            type="info"
            showIcon
            title="没有找到上一年度的报告"
            description={`年报库中没有“${report.agency.name}”${report.year - 1}年度的年报，这份报告也不是以上年报告为基础新建的，所以无法逐格、逐段对比。下面的“历年趋势”列出年报库中这个机关的各年数字。`}
          />
        )}
      </div>
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as TabKey)}
        items={[
          ...(last
            ? [
                {
                  key: 'tables',
                  label: '表格对比',
                  children: template ? (
                    <TableCompare report={report} last={last} template={template} baselineOnly={baselineOnly} />
                  ) : (
                    <p className="muted">这份年报是 2019 年以前的格式，没有统一表格。</p>
                  ),
                },
                {
                  key: 'text',
                  label: '文字对比',
                  children: baselineOnly ? (
                    <p className="muted compare-note">
                      上年报告不在年报库中（可能已删除），无法对比文字。把上年报告导入或恢复到年报库后即可对比。
                    </p>
                  ) : (
                    <TextCompare report={report} last={last} onOpenBlock={props.onOpenBlock} />
                  ),
                },
              ]
            : []),
          { key: 'trend', label: '历年趋势', children: <Trend report={report} /> },
        ]}
      />
    </div>
  );
}

function Trend({ report }: { report: Report }) {
  const { api } = useServices();
  const [saved, setSaved] = useState<YearFigures[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const agency = report.agency.name.trim();
  const oldName = report.meta.derivedFrom?.agency?.trim();

  useEffect(() => {
    let live = true;
    const names = [...new Set([oldName, agency].filter((n): n is string => !!n))];
    Promise.all(names.map((n) => api.agencyHistory(n))).then(
      (lists) => live && setSaved(mergeYears(...lists)),
      (e) => live && setProblem(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [api, agency, oldName]);

  // The report open here counts with its latest edits.
  const current = useMemo(() => yearFigures(report), [report]);
  const years = useMemo(
    () =>
      saved
        ? mergeYears(
            saved.filter((y) => y.reportId !== report.meta.id),
            [current],
          ).filter((y) => hasFigures(y) || y.reportId === report.meta.id)
        : null,
    [saved, current, report.meta.id],
  );

  if (problem) return <Alert type="warning" showIcon title="历年数字没有读出" description={problem} />;
  if (!years) {
    return (
      <div className="center-fill compare-loading">
        <Spin description="正在读取历年数字…" />
      </div>
    );
  }
  const label = chartSummary(agency || '本机关', years);
  return (
    <div className="trend">
      {years.length < 2 ? (
        <p className="muted small">年报库中只有这一年的数字。以后各年的年报建好后，这里会画出历年的变化。</p>
      ) : (
        <p className="muted small">
          年报库中“{agency}”各年度报告的主要数字{oldName && oldName !== agency ? `（含更名前“${oldName}”的报告）` : ''}
          。同一年度有几份时取最近修改的一份；本年按正在编辑的内容。
        </p>
      )}
      <TrendChart years={years} currentYear={report.year} label={label} />
      <div className="matrix-scroll">
        <table className="compare-table trend-table">
          <caption>历年主要数字（单位：件）</caption>
          <thead>
            <tr>
              <th scope="col">年度</th>
              {SERIES_KEYS.map((k) => (
                <th scope="col" key={k}>
                  {SERIES_LABELS[k]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {years.map((y) => (
              <tr key={y.year} className={y.year === report.year ? 'current' : undefined}>
                <th scope="row">
                  {y.reportId === report.meta.id ? (
                    `${y.year}年（本报告）`
                  ) : (
                    <a href={routeHash({ screen: 'editor', id: y.reportId, page: 'cover' })}>{y.year}年</a>
                  )}
                </th>
                {SERIES_KEYS.map((k) => (
                  <td key={k} className="num">
                    {y[k] === null ? <span className="muted">未填</span> : y[k]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
