import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GOV_2019, GOV_2021, type TemplateDef } from '../../../templates/index';
import { computeTotals } from '../../../shared/model/totals';
import type { Cells, Report } from '../../../shared/model/types';
import { runChecks } from '../../../shared/checks/index';
import type { Finding } from '../../../shared/checks/types';
import { makeReport, withCells } from '../../fixtures/factory';
import { district2023 } from '../../fixtures/reports/district-government';
import { cityGovernment2024 } from '../../fixtures/reports/city-government';

const TABLE_RULES = new Set(['T3-BALANCE', 'T3-ROW-TOTAL', 'T3-RESULT-TOTAL', 'T4-TOTAL']);
const tableFindings = (fs: Finding[]) => fs.filter((f) => TABLE_RULES.has(f.rule));
const ids = (fs: Finding[]) =>
  tableFindings(fs)
    .map((f) => `${f.rule}:${f.fingerprint}`)
    .sort();

/** Random consistent cells of a template: every column balances, totals computed. */
function consistent(template: TemplateDef) {
  const cols = template.t3Columns.slice(0, 6).map((c) => c.key);
  const small = fc.nat({ max: 60 });
  return fc
    .record({
      results: fc.array(fc.array(small, { minLength: 6, maxLength: 6 }), {
        minLength: template.resultRows.length,
        maxLength: template.resultRows.length,
      }),
      next: fc.array(small, { minLength: 6, maxLength: 6 }),
      carriedShare: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }),
      t4: fc.array(small, { minLength: 12, maxLength: 12 }),
      t2: fc.array(fc.nat({ max: 100000 }), { minLength: 20, maxLength: 20 }),
    })
    .map(({ results, next, carriedShare, t4, t2 }) => {
      const cells: Cells = {};
      template.resultRows.forEach((row, i) => cols.forEach((c, j) => (cells[`t3.${row}.${c}`] = results[i]![j]!)));
      cols.forEach((c, j) => {
        const handled = template.resultRows.reduce((a, row) => a + (cells[`t3.${row}.${c}`] as number), 0) + next[j]!;
        const carried = Math.floor(handled * carriedShare[j]!);
        cells[`t3.carry_next.${c}`] = next[j]!;
        cells[`t3.carried_over.${c}`] = carried;
        cells[`t3.new_received.${c}`] = handled - carried;
      });
      ['review', 'lit_direct', 'lit_after_review'].forEach((g, i) =>
        ['maintained', 'corrected', 'other', 'pending'].forEach((r, j) => (cells[`t4.${g}.${r}`] = t4[i * 4 + j]!)),
      );
      Object.keys(template.fields)
        .filter((k) => k.startsWith('t2'))
        .forEach((k, i) => (cells[k] = t2[i % t2.length]!));
      return computeTotals(cells, template);
    });
}

function reportOf(template: TemplateDef, cells: Cells): Report {
  const year = template.id === 'gov-2019' ? 2020 : 2024;
  const base = makeReport({ year: 2024 });
  return { ...base, year, format: template.id, cells };
}

/** The table rules a change of `key` must break, from the template's sums and balances. */
function expectedBreaks(template: TemplateDef, key: string): string[] {
  const out = new Set<string>();
  for (const s of template.sums) if (s.total === key || s.parts.includes(key)) out.add(`${s.rule}:${s.total}`);
  for (const b of template.balances)
    if (b.left.includes(key) || b.right.includes(key)) out.add(`T3-BALANCE:${b.column}`);
  return [...out].sort();
}

describe.each([GOV_2021, GOV_2019])('table arithmetic, $id', (template) => {
  it('a report whose totals are computed from random figures passes every table rule', () => {
    fc.assert(
      fc.property(consistent(template), (cells) => {
        const findings = runChecks(reportOf(template, cells));
        expect(ids(findings)).toEqual([]);
        expect(findings.filter((f) => f.rule === 'CELL-INVALID' || f.rule === 'CELL-BLANK')).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('changing any single data cell fires exactly the rules that cell is in, naming it', () => {
    const keys = Object.keys(template.fields).filter((k) => !k.startsWith('t2'));
    fc.assert(
      fc.property(
        consistent(template),
        fc.constantFrom(...keys),
        fc.integer({ min: 1, max: 40 }),
        (cells, key, delta) => {
          const old = cells[key] as number;
          const value = old >= delta && delta % 2 === 0 ? old - delta : old + delta;
          const findings = runChecks(reportOf(template, { ...cells, [key]: value }));
          expect(ids(findings)).toEqual(expectedBreaks(template, key));
          for (const f of tableFindings(findings)) expect(f.cells).toContain(key);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('table rules on examples', () => {
  it('names the unbalanced column with both sides', () => {
    const r = withCells(makeReport(), { 't3.carry_next.natural': 5 }, true);
    const f = runChecks(r).filter((x) => x.rule === 'T3-BALANCE');
    expect(f.map((x) => x.fingerprint).sort()).toEqual(['natural', 'total']);
    const natural = f.find((x) => x.fingerprint === 'natural')!;
    expect(natural.message).toContain('“自然人”列不平衡');
    expect(natural.cells).toEqual([
      't3.new_received.natural',
      't3.carried_over.natural',
      't3.res_total.natural',
      't3.carry_next.natural',
    ]);
    expect(natural.severity).toBe('error');
  });

  it('reports a wrong row total with the expected value and a fix', () => {
    const r = withCells(makeReport(), { 't3.res_open.total': 99 });
    const f = runChecks(r).find((x) => x.rule === 'T3-ROW-TOTAL')!;
    expect(f).toMatchObject({
      expected: 0,
      actual: 99,
      fingerprint: 't3.res_open.total',
      fix: { cells: { 't3.res_open.total': 0 } },
    });
    expect(f.message).toContain('三（一）予以公开 · 总计');
  });

  it('finds the two Table 4 totals a published report left at 0 (洪泽 2023 pattern)', () => {
    const f = runChecks(district2023(), { mode: 'import' }).filter((x) => x.rule === 'T4-TOTAL');
    expect(f.map((x) => [x.fingerprint, x.expected, x.actual])).toEqual([
      ['t4.review.total', 11, 0],
      ['t4.lit_after_review.total', 5, 0],
    ]);
  });

  it('in the editor (where a total cannot be typed) shows both figures and never asks to correct the total', () => {
    const [f] = runChecks(district2023(), { mode: 'editor' }).filter((x) => x.fingerprint === 't4.review.total');
    expect(f!.message).toContain('各项相加为 11，表中的总计是 0');
    expect(f!.message).toContain('采用计算值 11');
    expect(f!.message).not.toContain('改正总计');
    expect(f!.fix).toEqual({ label: '采用计算值 11', cells: { 't4.review.total': 11 } });
    const [imported] = runChecks(district2023(), { mode: 'import' }).filter((x) => x.fingerprint === 't4.review.total');
    expect(imported!.message).toContain('应为结果维持、结果纠正、其他结果、尚未审结四项之和 11，实际填写 0');
  });

  it('counts the single （六）其他处理 row in place of its sub-rows (mixed layout)', () => {
    const r = district2023();
    const findings = runChecks(r, { mode: 'import' });
    expect(
      findings.filter((f) => f.rule === 'T3-RESULT-TOTAL' || f.rule === 'T3-ROW-TOTAL' || f.rule === 'CELL-BLANK'),
    ).toEqual([]);
    expect(findings.find((f) => f.rule === 'FORMAT-VERSION')).toMatchObject({
      severity: 'warning',
      fingerprint: 'mixed-other',
    });
    // A wrong figure in that row is caught by both sums it is part of.
    const wrong = runChecks({ ...r, cells: { ...r.cells, 't3.other.natural': 3 } }, { mode: 'import' });
    expect(ids(wrong)).toEqual([
      'T3-RESULT-TOTAL:t3.res_total.natural',
      'T3-ROW-TOTAL:t3.other.total',
      'T4-TOTAL:t4.lit_after_review.total',
      'T4-TOTAL:t4.review.total',
    ]);
  });

  it('waits for the editor to fill a column before judging its balance; counts blanks as 0 on import', () => {
    const r = withCells(makeReport(), { 't3.carry_next.natural': null, 't3.carry_next.total': null });
    expect(runChecks(r).filter((f) => f.rule === 'T3-BALANCE')).toEqual([]);
    const bumped = withCells(makeReport(), {
      't3.carry_next.natural': null,
      't3.carry_next.total': null,
      't3.new_received.natural': 40,
      't3.new_received.total': 45,
    });
    expect(
      runChecks(bumped, { mode: 'import' })
        .filter((f) => f.rule === 'T3-BALANCE')
        .map((f) => f.fingerprint),
    ).toEqual(['natural', 'total']);
  });

  it('has no tables to check in a pre-2019 report', () => {
    const r = { ...makeReport({ year: 2016 }), format: 'pre-2019' as const, cells: {} };
    expect(ids(runChecks(r))).toEqual([]);
  });
});

/**
 * Totals written out by hand, not derived from the template's sums: the figures the 淮安市 2024 report
 * (samples/published/04; test/fixtures/reports/city-government.ts) prints in its 总计 column, its
 * （七）总计 row and its Table 4 总计 cells. Each also checks by hand: 3001 + 53 + 61 + 4 = 3119;
 * 1288 + 447 + 2 + 30 + 5 + 6 + 7 + 12 + 9 + 105 + 746 + 11 + 1 + 56 + 25 + 1 + 67 + 6 + 108 = 2932; 72 + 64 + 178 + 37 = 351.
 */
const PUBLISHED_TOTALS: Record<string, number> = {
  't3.new_received.total': 3119,
  't3.carried_over.total': 34,
  't3.res_open.total': 1362,
  't3.res_partial.total': 454,
  't3.deny_secret.total': 2,
  't3.deny_law.total': 31,
  't3.deny_safety.total': 5,
  't3.deny_third.total': 6,
  't3.deny_internal.total': 8,
  't3.deny_process.total': 12,
  't3.deny_case_file.total': 9,
  't3.deny_query.total': 105,
  't3.unable_not_held.total': 769,
  't3.unable_create.total': 11,
  't3.unable_unclear.total': 1,
  't3.noproc_petition.total': 62,
  't3.noproc_repeat.total': 25,
  't3.noproc_publication.total': 0,
  't3.noproc_excessive.total': 0,
  't3.noproc_confirm.total': 1,
  't3.other_no_correction.total': 71,
  't3.other_no_fee.total': 6,
  't3.other_other.total': 110,
  't3.res_total.natural': 2932,
  't3.res_total.commercial': 53,
  't3.res_total.research': 0,
  't3.res_total.public_interest': 0,
  't3.res_total.legal_service': 61,
  't3.res_total.other_org': 4,
  't3.res_total.total': 3050,
  't3.carry_next.total': 103,
  't4.review.total': 351,
  't4.lit_direct.total': 26,
  't4.lit_after_review.total': 20,
};

describe('totals of a published report, computed by hand', () => {
  /** The report's data cells only: every total blanked, to be computed. */
  const dataOnly = (): Cells => {
    const cells = { ...cityGovernment2024().cells };
    for (const s of GOV_2021.sums) cells[s.total] = null;
    return cells;
  };

  it('computeTotals gives the totals the report printed', () => {
    const computed = computeTotals(dataOnly(), GOV_2021);
    const got = Object.fromEntries(Object.keys(PUBLISHED_TOTALS).map((k) => [k, computed[k]]));
    expect(got).toEqual(PUBLISHED_TOTALS);
  });

  it('with the printed totals every table rule is quiet; a wrong printed total is named with the right one', () => {
    const printed = { ...dataOnly(), ...PUBLISHED_TOTALS };
    const r = { ...cityGovernment2024(), cells: printed };
    expect(ids(runChecks(r, { mode: 'import' }))).toEqual([]);

    const typo = runChecks({ ...r, cells: { ...printed, 't3.res_total.natural': 2923 } }, { mode: 'import' });
    const result = typo.find((f) => f.rule === 'T3-RESULT-TOTAL' && f.fingerprint === 't3.res_total.natural');
    expect(result).toMatchObject({ expected: 2932, actual: 2923 });
    const t4 = runChecks({ ...r, cells: { ...printed, 't4.review.total': 315 } }, { mode: 'import' });
    expect(t4.find((f) => f.rule === 'T4-TOTAL')).toMatchObject({ expected: 351, actual: 315 });
    // 3119 new + 34 carried = 3153 = 3050 handled + 103 carried to next year: a wrong 结转 breaks the balance.
    const carry = runChecks({ ...r, cells: { ...printed, 't3.carry_next.natural': 130 } }, { mode: 'import' });
    expect(ids(carry)).toContain('T3-BALANCE:natural');
  });
});
