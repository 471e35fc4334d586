import { describe, expect, it } from 'vitest';
import { lastYearOf as lastYearReport, makeReport, withCells, withSection } from '../../fixtures/factory';
import {
  addUnits,
  computeAggregate,
  emptyAggregateState,
  preferUnit,
  unitRows,
  unitRowsCsv,
  type AggregateState,
  type RosterEntry,
} from '../../../shared/aggregate/index';
import { government, unitOf } from './helpers';

const roster: RosterEntry[] = [
  { name: '云溪县财政局', kind: 'department' },
  { name: '云溪县教育局', kind: 'department' },
  { name: '城关镇人民政府', kind: 'township' },
  { name: '云溪县人民政府办公室', kind: 'government', own: true },
];

const finance = makeReport({ agency: '县财政局', t3: { res_open: [3, 0, 0, 0, 0, 0] } });
const town = makeReport({ agency: '云溪县城关镇', kind: 'township', t3: { res_open: [1, 0, 0, 0, 0, 0] } });

function with_(...units: ReturnType<typeof unitOf>[]): AggregateState {
  return addUnits({ ...emptyAggregateState(), roster }, units).state;
}

describe('roster status', () => {
  it('已提交 / 未提交 / 不在名单 / 重复 / 年度不符, by normalised names', () => {
    const gov = government();
    const stranger = makeReport({ agency: '云溪县气象局' });
    const wrongYear = makeReport({ agency: '云溪县教育局', year: 2023 });
    const first = unitOf(finance);
    const corrected = unitOf(withCells(finance, { 't2.licensing.decisions': 121 }));
    const view = computeAggregate(gov, with_(first, unitOf(town), unitOf(stranger), unitOf(wrongYear), corrected));
    const status = (agency: string) => view.rows.filter((r) => r.agency === agency).map((r) => r.status);
    expect(status('县财政局')).toEqual(['duplicate', 'submitted']);
    expect(status('云溪县城关镇')).toEqual(['submitted']);
    expect(status('云溪县气象局')).toEqual(['not_on_roster']);
    // Last year's report does not count: the unit is still 未提交 for this year.
    expect(status('云溪县教育局')).toEqual(['wrong_year', 'missing']);
    expect(status('云溪县人民政府办公室')).toEqual(['missing']);
    // The corrected (later) report counts, the first one does not.
    expect(view.result.cells['t2.licensing.decisions']).toBe(121 + 120 + 120);
    const rules = view.findings.map((f) => f.rule);
    expect(rules).toContain('AGG-DUPLICATE');
    expect(rules).toContain('AGG-NOT-ON-ROSTER');
    expect(rules).toContain('AGG-WRONG-YEAR');
    expect(view.findings.filter((f) => f.rule === 'AGG-MISSING').map((f) => f.agency)).toEqual([
      '云溪县教育局',
      '云溪县人民政府办公室',
    ]);
    // Errors are listed first.
    expect(view.findings[0]!.severity).toBe('error');

    // The clerk prefers the first report after all.
    const back = preferUnit(view.state, view.match, first.key);
    const again = computeAggregate(gov, back);
    expect(again.result.cells['t2.licensing.decisions']).toBe(120 * 3);
  });

  it('a unit with open errors is flagged; a unit left out is not summed', () => {
    const broken = withCells(makeReport({ agency: '云溪县教育局' }), { 't3.res_total.total': 99 });
    const gov = government();
    const state = with_(unitOf(broken), unitOf(finance));
    const view = computeAggregate(gov, state);
    const flag = view.findings.find((f) => f.rule === 'AGG-UNIT-ERRORS');
    expect(flag?.agency).toBe('云溪县教育局');
    expect(flag?.message).toMatch(/个未处理的错误/);
    const edu = state.units.find((u) => u.agency === '云溪县教育局')!;
    const left = computeAggregate(gov, {
      ...state,
      units: state.units.map((u) => (u === edu ? { ...u, include: false } : u)),
    });
    expect(left.result.cells['t3.res_open.natural']).toBe(3);
    expect(left.findings.some((f) => f.rule === 'AGG-UNIT-ERRORS')).toBe(false);
  });

  it('carry-over against the unit’s last year, and tenfold jumps', () => {
    const now = makeReport({
      agency: '云溪县教育局',
      t3: { carried_over: [2, 0, 0, 0, 0, 0], res_open: [150, 0, 0, 0, 0, 0] },
    });
    const last = withCells(lastYearReport(now), { 't3.carry_next.natural': 5, 't3.carry_next.total': 5 });
    const view = computeAggregate(government(), with_(unitOf(now, { last })));
    const carry = view.findings.find((f) => f.rule === 'AGG-CARRY');
    expect(carry?.message).toContain('“上年结转”为 2 件');
    expect(carry?.message).toContain('为 5 件');
    const jump = view.findings.find((f) => f.rule === 'AGG-OUTLIER');
    expect(jump?.message).toMatch(/本年新收为 148 件，上年为 \d+ 件（增至 [\d.]+ 倍）/);
    // Nothing to say when the figures agree and stay in range.
    const calm = makeReport({
      agency: '云溪县教育局',
      t3: { carried_over: [2, 0, 0, 0, 0, 0], res_open: [6, 0, 0, 0, 0, 0] },
    });
    const quiet = computeAggregate(government(), with_(unitOf(calm, { last: lastYearReport(calm) })));
    expect(quiet.findings.filter((f) => f.rule === 'AGG-CARRY' || f.rule === 'AGG-OUTLIER')).toEqual([]);
  });

  it('the government’s own text against the sums (“全县共受理…件”)', () => {
    const gov = withSection(government(), 'requests', ['2024年，全县共收到政府信息公开申请10件。']);
    const view = computeAggregate(gov, with_(unitOf(finance), unitOf(town)));
    const text = view.findings.find((f) => f.rule === 'AGG-TEXT');
    expect(text?.message).toMatch(/正文与表格不一致/);
    expect(text?.message).toContain('4');
    // Quoted as written (the engine leaves 全县 figures alone in an unsummed report: here they are the sums).
    expect(text?.message).toContain('正文“收到政府信息公开申请10件”');
    expect(text?.message).not.toContain('仝');
    // A part of the area (各乡镇) is not the sum of all units: not compared.
    const part = withSection(government(), 'requests', ['2024年，各乡镇共收到政府信息公开申请10件。']);
    expect(
      computeAggregate(part, with_(unitOf(finance), unitOf(town))).findings.some((f) => f.rule === 'AGG-TEXT'),
    ).toBe(false);
    const right = withSection(government(), 'requests', ['2024年，全县共收到政府信息公开申请4件。']);
    expect(
      computeAggregate(right, with_(unitOf(finance), unitOf(town))).findings.some((f) => f.rule === 'AGG-TEXT'),
    ).toBe(false);
  });

  it('the per-unit table as CSV: BOM, CRLF, one row per unit then the missing ones', () => {
    const view = computeAggregate(government(), with_(unitOf(finance), unitOf(town)));
    const csv = unitRowsCsv(unitRows(view.state, view.match, view.result));
    expect(csv.startsWith('\ufeff序号,单位,名单状态')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 2 + 2);
    expect(lines[1]).toMatch(/^1,县财政局,已提交,下级,是,2024,2021年版,0,0,3,0,3,0,0,0,/);
    expect(lines[3]).toMatch(/^3,云溪县教育局,未提交,下级,否,,,,,,,,,,,,尚未报送$/);
  });
});
