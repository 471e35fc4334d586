import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../shared/checks/index';
import type { Finding } from '../../../shared/checks/types';
import type { Report } from '../../../shared/model/types';
import { baselineAsLastReport, rolloverReport } from '../../../shared/rollover/index';
import { lastYearOf, makeReport, withCells, withParagraph } from '../../fixtures/factory';
import { district2023, district2024 } from '../../fixtures/reports/district-government';

const of = (r: Report, last: Report | null, rule: string, mode: 'editor' | 'import' = 'editor'): Finding[] =>
  runChecks(r, { last, mode }).filter((f) => f.rule === rule);

const report = makeReport({
  t3: { res_open: [5, 1, 0, 0, 0, 0], carried_over: [2, 0, 0, 0, 0, 0], carry_next: [1, 0, 0, 0, 0, 0] },
});
const last = lastYearOf(report);

describe('consistent pair', () => {
  it('a report and its consistent last-year report give no cross-year finding', () => {
    const findings = runChecks(report, { last });
    expect(findings.filter((f) => f.rule.startsWith('X-'))).toEqual([]);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('X-CARRY', () => {
  it('fires when 上年结转 differs from last year’s 结转下年度, naming the columns, with a fix', () => {
    const lastOff = withCells(last, { 't3.carry_next.natural': 3, 't3.carry_next.total': 3 });
    const f = of(report, lastOff, 'X-CARRY');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      severity: 'warning',
      cells: ['t3.carried_over.natural', 't3.carried_over.total'],
      expected: 3,
      actual: 2,
      fingerprint: 'carried_over',
    });
    expect(f[0]!.fix!.cells).toEqual({ 't3.carried_over.natural': 3, 't3.carried_over.total': 3 });
    expect(f[0]!.message).toContain('自然人 本年填 2，上年结转下年度 3');
  });

  it('is skipped when last year’s report is not the year before', () => {
    const older = {
      ...withCells(last, { 't3.carry_next.natural': 3, 't3.carry_next.total': 3 }),
      year: report.year - 2,
    };
    expect(of(report, older, 'X-CARRY')).toEqual([]);
  });

  it('works with the stand-in kept at rollover (baselineAsLastReport)', () => {
    const { report: next } = rolloverReport(report);
    const filled = withCells(
      next,
      { ...Object.fromEntries(Object.entries(report.cells)), 't3.carried_over.natural': 0 },
      true,
    );
    const standIn = baselineAsLastReport(filled);
    expect(standIn).not.toBeNull();
    expect(of(filled, standIn, 'X-CARRY')).toHaveLength(1);
  });
});

describe('X-IN-FORCE', () => {
  it('fires when 现行有效 ≠ last year’s + 制发 − 废止', () => {
    const off = withCells(report, { 't2.normative_docs.in_force': 20 });
    const f = of(off, last, 'X-IN-FORCE');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      fingerprint: 'normative_docs',
      expected: 12,
      actual: 20,
      cells: ['t2.normative_docs.in_force', 't2.normative_docs.issued', 't2.normative_docs.repealed'],
    });
    expect(f[0]!.message).toContain('上年现行有效 10 件 + 本年制发 3 件 − 本年废止 1 件 = 12 件');
  });

  it('chains the published district reports correctly (5 + 3 − 0 = 8)', () => {
    expect(of(district2024(), district2023(), 'X-IN-FORCE', 'import')).toEqual([]);
  });
});

describe('X-REUSED-TEXT', () => {
  it('fires on a paragraph copied from last year with only the year changed', () => {
    const para =
      '2023年，本局坚持把政务公开作为转变作风、提升效能的重要抓手，健全信息发布审核机制，规范公开流程，不断提高信息公开的及时性和准确性。';
    const lastWith = withParagraph(last, 'overview', para);
    const now = withParagraph(report, 'overview', para.replace('2023年', '2024年'));
    const f = of(now, lastWith, 'X-REUSED-TEXT');
    expect(f).toHaveLength(1);
    expect(f[0]!.span).toMatchObject({ where: 'section', section: 'overview' });
    expect(f[0]!.message).toContain('相同');
    expect(f[0]!.fingerprint).toMatch(/^p:/);
  });

  it('fires on a nearly identical paragraph (real example: 洪泽 2023 → 2024, 94 %)', () => {
    const f = of(district2024(), district2023(), 'X-REUSED-TEXT', 'import');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toMatch(/几乎相同（相似度 9\d%）/);
  });

  it('ignores short paragraphs, formula sentences and rewritten text', () => {
    const short = '严格执行保密审查制度。';
    const formula =
      '本报告所列数据的统计期限为2024年1月1日至12月31日。如对本报告有疑问，请与本局办公室联系。本机关依据《政府信息公开信息处理费管理办法》，本年度未收取信息处理费。';
    const lastWith = withParagraph(withParagraph(last, 'other', short), 'other', formula.replaceAll('2024', '2023'));
    const now = withParagraph(withParagraph(report, 'other', short), 'other', formula);
    expect(of(now, lastWith, 'X-REUSED-TEXT')).toEqual([]);
  });

  it('compares paragraphs with every year before 年 masked and formula sentences dropped (all sentence marks)', () => {
    const body = (y: number) =>
      `本局自1999年起持续推进政务公开标准化建设；${y}年完善信息发布审核机制，规范公开流程！是否提高了信息公开的及时性和准确性？` +
      `本报告统计期限为${y}年1月1日至12月31日。编号12${y}年度的专项工作持续推进，群众满意度逐步提升`;
    const lastWith = withParagraph(last, 'other', body(2023));
    const now = withParagraph(report, 'other', body(2024));
    const f = of(now, lastWith, 'X-REUSED-TEXT');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('相同');
    // Figures that are not years before 年 stay as they are: 3023年 is not masked, so the texts differ there.
    const other = withParagraph(report, 'other', body(2024).replace('1999年', '3023年').replace('12024年', '13024年'));
    expect(of(other, lastWith, 'X-REUSED-TEXT')[0]!.message).not.toContain('相同：');
  });

  it('flags paragraphs carried over by rollover until they are rewritten', () => {
    const lastFull = makeReport({ year: 2023 });
    const { report: next } = rolloverReport(lastFull);
    const f = of(next, lastFull, 'X-REUSED-TEXT');
    expect(f.length).toBeGreaterThan(3);
    expect(f.some((x) => x.message.includes('本段沿用上年'))).toBe(true);
  });
});
