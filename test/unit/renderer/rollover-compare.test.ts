import { describe, expect, it } from 'vitest';
import { cellMatrices, formatDelta, splitLabel } from '../../../renderer/src/compare/cell-matrix';
import { carryLinks } from '../../../renderer/src/compare/carry-links';
import { chartSummary, hasFigures, mergeYears, shortLabel, SERIES_KEYS } from '../../../renderer/src/compare/history';
import { chartOption } from '../../../renderer/src/compare/TrendChart';
import { existingReport, planRollover, preselect, sortForRollover } from '../../../renderer/src/rollover/plan';
import { compareCells } from '../../../shared/rollover/compare';
import { rolloverReport } from '../../../shared/rollover/rollover';
import { yearFigures, type YearFigures } from '../../../shared/rollover/series';
import { sampleReport } from '../../../shared/sample/sample-report';
import { GOV_2021 } from '../../../templates/index';
import type { ReportSummary } from '../../../shared/service/api';

const NOW = new Date('2026-01-08T09:00:00Z');

describe('table comparison laid out as the official tables', () => {
  const last = sampleReport();
  const { report } = rolloverReport(last, { now: NOW });

  it('splits a cell label into row and column (the row may hold a · itself)', () => {
    expect(splitLabel('三（一）予以公开 · 自然人')).toEqual({ row: '三（一）予以公开', column: '自然人' });
    expect(splitLabel('行政诉讼·复议后起诉 · 尚未审结')).toEqual({ row: '行政诉讼·复议后起诉', column: '尚未审结' });
  });

  it('rows and columns in printed order; a new report’s blank cells are not changes', () => {
    const [t2, t3, t4] = cellMatrices(GOV_2021, compareCells(report, last));
    expect(t3!.columns).toEqual(GOV_2021.t3Columns.map((c) => c.label));
    expect(t3!.rows[0]!.label).toBe('一、本年新收申请');
    expect(t3!.rows.map((r) => r.label)).toContain('四、结转下年度继续办理');
    // Only 上年结转 is filled: 1 this year against last year's own 上年结转 of 2 (自然人 and 总计).
    const carried = t3!.rows.find((r) => r.label === '二、上年结转申请')!;
    expect(carried.kind).toBe('changed');
    expect(carried.cells[0]).toMatchObject({ current: 1, last: 2, kind: 'changed', delta: -1 });
    expect(t3!.changedCells).toBe(2);
    expect(t3!.rows.filter((r) => r.kind === 'blank').length).toBe(t3!.rows.length - 1);
    expect(t4!.columns).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']);
    expect(t4!.rows.map((r) => r.label)).toEqual(['行政复议', '行政诉讼·未经复议直接起诉', '行政诉讼·复议后起诉']);
    // Table 2 rows have different columns: missing ones are null, not made up.
    const licensing = t2!.rows.find((r) => r.label === '行政许可')!;
    expect(licensing.cells.filter((c) => c !== null)).toHaveLength(1);
  });

  it('identical reports have no changes; one changed cell is found with its delta', () => {
    const same = cellMatrices(GOV_2021, compareCells(last, last));
    expect(same.every((m) => m.changedCells === 0 && m.rows.every((r) => r.kind === 'same'))).toBe(true);
    const edited = { ...last, cells: { ...last.cells, 't4.review.other': 4 } };
    const t4 = cellMatrices(GOV_2021, compareCells(edited, last))[2]!;
    expect(t4.changedCells).toBe(1);
    expect(t4.rows[0]!.cells[2]).toMatchObject({ current: 4, last: 1, delta: 3, kind: 'changed' });
  });

  it('writes deltas with a real minus sign', () => {
    expect([formatDelta(3), formatDelta(-2), formatDelta(0), formatDelta(0.25)]).toEqual(['+3', '−2', '0', '+0.25']);
  });
});

describe('figures linking the two years', () => {
  const last = sampleReport();
  const { report } = rolloverReport(last, { now: NOW });

  it('上年结转 links to last year’s 结转下年度 after a rollover; a changed column does not', () => {
    const ok = carryLinks(report, last, GOV_2021);
    expect(ok.carry.map((c) => c.state)).toEqual(GOV_2021.t3Columns.map(() => 'ok'));
    expect(ok.differing).toBe(0);
    const changed = { ...report, cells: { ...report.cells, 't3.carried_over.natural': 5 } };
    const links = carryLinks(changed, last, GOV_2021);
    expect(links.carry[0]).toMatchObject({ label: '自然人', expected: 1, actual: 5, state: 'differs' });
    expect(links.differing).toBe(1);
  });

  it('现行有效 = last year’s + 本年制发 − 本年废止; blank until filled', () => {
    const blank = carryLinks(report, last, GOV_2021).inForce.find((c) => c.name === '行政规范性文件')!;
    expect(blank).toMatchObject({ before: 12, expected: 12, actual: null, state: 'blank' });
    const filled = {
      ...report,
      cells: {
        ...report.cells,
        't2.normative_docs.issued': 2,
        't2.normative_docs.repealed': 1,
        't2.normative_docs.in_force': 14,
      },
    };
    expect(carryLinks(filled, last, GOV_2021).inForce.find((c) => c.name === '行政规范性文件')).toMatchObject({
      expected: 13,
      actual: 14,
      state: 'differs',
    });
  });
});

describe('year-over-year figures', () => {
  const f = (year: number, received: number | null, reportId = `r${year}`): YearFigures => ({
    year,
    reportId,
    received,
    opened: null,
    partial: null,
    notOpened: null,
    reviews: null,
    suits: null,
  });

  it('later lists win for the same year; years in order', () => {
    const merged = mergeYears([f(2024, 10), f(2022, 5)], [f(2024, 12, 'live')]);
    expect(merged.map((y) => [y.year, y.received, y.reportId])).toEqual([
      [2022, 5, 'r2022'],
      [2024, 12, 'live'],
    ]);
    expect(hasFigures(f(2023, null))).toBe(false);
  });

  it('the chart has the six series with their short names, one point per year, gaps for blanks', () => {
    const years = [yearFigures(sampleReport()), f(2025, null)];
    const option = chartOption(years, 2025);
    const series = option.series as { name: string; data: (number | null)[] }[];
    expect(series.map((s) => s.name)).toEqual([
      '本年新收申请',
      '予以公开',
      '部分公开',
      '未予公开',
      '行政复议',
      '行政诉讼',
    ]);
    expect(series[0]!.data).toEqual([28, null]);
    expect(SERIES_KEYS.map(shortLabel)).toEqual(series.map((s) => s.name));
    expect((option.xAxis as { data: string[] }).data).toEqual(['2024年', '2025年']);
  });

  it('describes the chart in words for screen readers', () => {
    expect(chartSummary('某局', [f(2023, 5), f(2024, null)])).toBe(
      '某局2023至2024年度主要数字折线图。本年新收申请：2023年5件，未填。各项数字见下表。',
    );
  });
});

describe('the rollover dialog’s choices and preview', () => {
  const s = (id: string, agency: string, year: number, updatedAt = '2025-01-01T00:00:00Z'): ReportSummary => ({
    id,
    agency,
    agencyKind: 'department',
    year,
    format: 'gov-2021',
    title: '',
    status: 'draft',
    updatedAt,
    errors: 0,
    warnings: 0,
    infos: 0,
    blankCells: 0,
  });

  it('lists by agency then newest year, and preselects the latest year (most recently edited first)', () => {
    const list = [
      s('a', '乙局', 2023),
      s('b', '甲局', 2022),
      s('c', '甲局', 2024),
      s('d', '乙局', 2024, '2025-03-01T00:00:00Z'),
    ];
    expect(sortForRollover(list).map((r) => `${r.agency}${r.year}`)).toEqual([
      '甲局2024',
      '甲局2022',
      '乙局2024',
      '乙局2023',
    ]);
    expect(preselect(list)?.id).toBe('d');
    expect(preselect([])).toBeUndefined();
    expect(existingReport(list, ' 甲局 ', 2024)?.id).toBe('c');
    expect(existingReport(list, '甲局', 2025)).toBeUndefined();
  });

  it('previews the title, the carried paragraphs and figures, and the notes; refuses a year not after last year', () => {
    const last = sampleReport();
    const res = planRollover(last, 2025, last.agency.name);
    expect(res).toMatchObject({
      ok: true,
      plan: {
        title: '云溪县市场监督管理局2025年政府信息公开工作年度报告',
        carriedTotal: 1,
        inForce: { regulations: 0, normativeDocs: 12 },
        notes: [],
      },
    });
    if (res.ok)
      expect(res.plan.paragraphs).toBe(
        last.sections.flatMap((x) => x.blocks).filter((b) => b.type === 'paragraph').length,
      );
    const renamed = planRollover(last, 2026, '云溪县市场监管局');
    expect(renamed).toMatchObject({ ok: true, plan: { title: '云溪县市场监管局2026年政府信息公开工作年度报告' } });
    if (renamed.ok) expect(renamed.plan.notes.join()).toMatch(/隔了1年/);
    expect(planRollover(last, 2024, last.agency.name)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/应晚于/),
    });
    expect(planRollover(last, null, last.agency.name)).toMatchObject({ ok: false });
    expect(planRollover(last, 2025, '  ')).toMatchObject({ ok: false, problem: '请填写机关全称。' });
  });
});
