import { describe, expect, it } from 'vitest';
import { rolloverReport, baselineAsLastReport, RolloverError } from '../../../shared/rollover/rollover';
import { carriedShare, compareCells, compareParagraphs, alignParagraphs } from '../../../shared/rollover/compare';
import { agencySeries } from '../../../shared/rollover/series';
import { sampleReport } from '../../../shared/sample/sample-report';
import { validateReport } from '../../../shared/model/schema';
import { GOV_2021 } from '../../../templates/index';

const NOW = new Date('2026-01-08T09:00:00Z');

describe('rollover', () => {
  const last = sampleReport();
  const { report, notes } = rolloverReport(last, { now: NOW });

  it('makes next year’s report for the same agency, as a draft linked to last year', () => {
    expect(report.year).toBe(2025);
    expect(report.agency).toEqual(last.agency);
    expect(report.title).toBe('云溪县市场监督管理局2025年政府信息公开工作年度报告');
    expect(report.meta).toMatchObject({ status: 'draft', derivedFrom: { id: last.meta.id, year: 2024 } });
    expect(report.meta.id).not.toBe(last.meta.id);
    expect(report.signature).toEqual({ ...last.signature, date: '' });
    expect(notes).toEqual([]);
    expect(validateReport(JSON.parse(JSON.stringify(report))).ok).toBe(true);
  });

  it('keeps the narrative with every paragraph marked as carried', () => {
    const paragraphs = report.sections.flatMap((s) => s.blocks.filter((b) => b.type === 'paragraph'));
    expect(paragraphs.length).toBeGreaterThan(5);
    expect(paragraphs.every((b) => b.type === 'paragraph' && b.carried === true)).toBe(true);
    const headings = report.sections.flatMap((s) => s.blocks.filter((b) => b.type === 'heading'));
    expect(headings.every((b) => !('carried' in b))).toBe(true);
    expect(report.preamble).toContain('2025年1月1日至12月31日');
  });

  it('leaves the tables blank except 上年结转, which is last year’s 结转下年度继续办理', () => {
    for (const col of GOV_2021.t3Columns) {
      expect(report.cells[`t3.carried_over.${col.key}`]).toBe(last.cells[`t3.carry_next.${col.key}`]);
    }
    const filled = Object.entries(report.cells)
      .filter(([, v]) => v !== null)
      .map(([k]) => k);
    expect(filled.every((k) => k.startsWith('t3.carried_over.'))).toBe(true);
    expect(report.meta.derivedFrom?.baseline?.['t2.normative_docs.in_force']).toBe(12);
  });

  it('serves the baseline as last year’s report for the cross-year checks', () => {
    const stand = baselineAsLastReport(report)!;
    expect(stand.year).toBe(2024);
    expect(stand.cells['t3.carry_next.total']).toBe(last.cells['t3.carry_next.total']);
    expect(stand.cells['t2.normative_docs.in_force']).toBe(12);
    expect(baselineAsLastReport(last)).toBeNull();
  });

  it('renames the agency when asked and notes a skipped year', () => {
    const res = rolloverReport(last, { year: 2026, agency: '云溪县市场监管局', now: NOW });
    expect(res.report.title).toBe('云溪县市场监管局2026年政府信息公开工作年度报告');
    expect(res.report.signature.name).toBe('云溪县市场监管局');
    expect(res.notes.join()).toMatch(/隔了1年/);
    expect(() => rolloverReport(last, { year: 2024 })).toThrow(RolloverError);
  });

  it('moves from the 2019 format to the 2021 format when the year requires it', () => {
    const old = {
      ...last,
      year: 2020,
      format: 'gov-2019' as const,
      cells: { ...last.cells, 't3.carry_next.natural': 4 },
    };
    const res = rolloverReport(old, { now: NOW });
    expect(res.report.format).toBe('gov-2021');
    expect(res.report.cells['t3.carried_over.natural']).toBe(4);
    expect(res.notes.join()).toMatch(/格式/);
  });
});

describe('comparison with last year', () => {
  const last = sampleReport();
  const { report } = rolloverReport(last, { now: NOW });

  it('lists changed cells', () => {
    const cells = compareCells(report, last);
    expect(cells).toHaveLength(200);
    const changed = cells.filter((c) => c.changed).map((c) => c.key);
    expect(changed).toContain('t3.new_received.total');
    expect(compareCells(last, last).filter((c) => c.changed)).toEqual([]);
    const one = { ...last, cells: { ...last.cells, 't4.review.other': 5 } };
    expect(
      compareCells(one, last)
        .filter((c) => c.changed)
        .map((c) => c.key),
    ).toEqual(['t4.review.other']);
  });

  it('aligns paragraphs: unchanged, changed, added, removed', () => {
    expect(
      alignParagraphs(
        ['甲乙丙丁戊己庚辛', '新增的一段完全不同的文字', '子丑寅卯辰巳午未申酉'],
        ['甲乙丙丁戊己庚辛', '子丑寅卯辰巳午未申酉戌亥', '删去的一段'],
      ),
    ).toEqual([
      { status: 'unchanged', current: 0, last: 0 },
      { status: 'added', current: 1 },
      { status: 'changed', current: 2, last: 1, similarity: expect.any(Number) },
      { status: 'removed', last: 2 },
    ]);
  });

  it('measures the share of carried text and follows edits', () => {
    expect(carriedShare(report, last)).toBe(1);
    const edited = structuredClone(report);
    const overview = edited.sections[0]!;
    overview.blocks = overview.blocks.map((b) =>
      b.type === 'paragraph' ? { type: 'paragraph', text: `${b.text}（已核改）` } : b,
    );
    const share = carriedShare(edited, last);
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThan(1);
    const statuses = compareParagraphs(edited, last)
      .filter((p) => p.section === 'overview')
      .map((p) => p.status);
    expect(statuses.every((s) => s === 'changed')).toBe(true);
  });

  it('builds the year series of one agency', () => {
    const series = agencySeries(
      [report, last, { ...last, agency: { ...last.agency, name: '别的单位' } }],
      last.agency.name,
    );
    expect(series.map((s) => s.year)).toEqual([2024, 2025]);
    expect(series[0]).toMatchObject({ received: 28, opened: 12, partial: 4, notOpened: 13, reviews: 2, suits: 1 });
    expect(series[1]!.received).toBeNull();
  });
});
