import { describe, expect, it } from 'vitest';
import { makeReport, withCells } from '../../fixtures/factory';
import {
  addUnits,
  applySums,
  computeAggregate,
  emptyAggregateState,
  ownFromReport,
  planApply,
  readAggregateState,
  removeUnit,
  withAggregateState,
  AggregateError,
} from '../../../shared/aggregate/index';
import { rolloverReport } from '../../../shared/rollover/rollover';
import { runChecks } from '../../../shared/checks/index';
import { government, unitOf } from './helpers';

const finance = makeReport({
  agency: '云溪县财政局',
  t3: { res_open: [3, 0, 0, 0, 0, 0], carry_next: [1, 0, 0, 0, 0, 0] },
});
const town = makeReport({ agency: '城关镇人民政府', kind: 'township', t3: { res_open: [2, 0, 0, 0, 0, 0] } });
const NOW = new Date('2025-01-20T02:00:00Z');

function write(report: ReturnType<typeof government>) {
  const view = computeAggregate(report);
  const plan = planApply(report, view.state, view.result);
  return { plan, report: applySums(report, view.state, view.result, plan, NOW) };
}

describe('writing the sums into the report', () => {
  it('first time: every summed cell; the report then checks clean of table errors', () => {
    const gov = withAggregateState(
      government(),
      addUnits(emptyAggregateState(), [unitOf(finance), unitOf(town)]).state,
    );
    const { plan, report } = write(gov);
    expect(plan.firstTime).toBe(true);
    expect(plan.changes.length).toBeGreaterThan(150);
    expect(report.cells['t3.res_open.natural']).toBe(5);
    expect(report.cells['t3.new_received.total']).toBe(4 + 2);
    const tableRules = runChecks(report, { mode: 'editor' }).filter((f) =>
      ['T3-BALANCE', 'T3-ROW-TOTAL', 'T3-RESULT-TOTAL', 'T4-TOTAL', 'CELL-BLANK'].includes(f.rule),
    );
    expect(
      tableRules.filter((f) => !(f.rule === 'CELL-BLANK' && f.cells?.some((c) => c.startsWith('t2.regulations')))),
    ).toEqual([]);
    expect(readAggregateState(report).state.applied?.units).toHaveLength(2);
  });

  it('a corrected report: only what changed is written, with the units behind it; hand edits elsewhere stay', () => {
    const gov = withAggregateState(
      government(),
      addUnits(emptyAggregateState(), [unitOf(finance), unitOf(town)]).state,
    );
    const first = write(gov).report;
    // The clerk corrects a figure by hand in the editor…
    const edited = withCells(first, { 't2.penalty.decisions': 77 });
    // …then the finance bureau sends a corrected report.
    const corrected = withCells(finance, { 't3.res_open.natural': 4, 't3.new_received.natural': 5 }, true);
    const state = addUnits(readAggregateState(edited).state, [
      unitOf(corrected, { name: '财政局（更正）.docx' }),
    ]).state;
    const again = write(withAggregateState(edited, state));
    const keys = again.plan.changes.map((c) => c.key).sort();
    expect(keys).toEqual(
      [
        't3.new_received.natural',
        't3.new_received.total',
        't3.res_open.natural',
        't3.res_open.total',
        't3.res_total.natural',
        't3.res_total.total',
      ].sort(),
    );
    const open = again.plan.changes.find((c) => c.key === 't3.res_open.natural')!;
    expect(open).toMatchObject({ previous: 5, next: 6, current: 5, manual: false });
    expect(open.units.map((u) => [u.agency, u.delta]).sort()).toEqual([
      ['云溪县财政局', -3],
      ['云溪县财政局', 4],
    ]);
    expect(again.plan.keptManual.map((c) => c.key)).toEqual(['t2.penalty.decisions']);
    expect(again.report.cells['t2.penalty.decisions']).toBe(77);
    expect(again.report.cells['t3.res_open.natural']).toBe(6);
  });

  it('a unit removed after a 写入 is explained once, then dropped', () => {
    const gov = withAggregateState(
      government(),
      addUnits(emptyAggregateState(), [unitOf(finance), unitOf(town)]).state,
    );
    const first = write(gov).report;
    const st = readAggregateState(first).state;
    const townKey = st.units.find((u) => u.agency === '城关镇人民政府')!.key;
    const removed = removeUnit(st, townKey);
    expect(removed.units.find((u) => u.key === townKey)?.removed).toBe(true);
    const again = write(withAggregateState(first, removed));
    expect(again.plan.dropped).toEqual(['城关镇人民政府']);
    expect(again.plan.changes.find((c) => c.key === 't3.res_open.natural')?.units).toEqual([
      { key: townKey, agency: '城关镇人民政府', delta: -2 },
    ]);
    expect(readAggregateState(again.report).state.units).toHaveLength(1);
  });

  it('the report’s own figures as 本级, refused once sums were written', () => {
    const gov = withCells(government(), { 't3.res_open.natural': 9, 't2.regulations.in_force': 3 });
    const own = ownFromReport(gov, emptyAggregateState(), 'self', NOW);
    expect(own.role).toBe('own');
    const state = addUnits(emptyAggregateState(), [own, unitOf(finance)]).state;
    const view = computeAggregate(gov, state);
    expect(view.result.cells['t3.res_open.natural']).toBe(12);
    expect(view.result.cells['t2.regulations.in_force']).toBe(3);
    const written = write(withAggregateState(gov, state)).report;
    expect(() => ownFromReport(written, readAggregateState(written).state, 'x', NOW)).toThrow(AggregateError);
  });
});

describe('rollover of a summed report', () => {
  it('keeps the roster and 本级 choices, not the units; last year’s unit figures feed next year’s checks', () => {
    const at2023 = (r: typeof finance) => ({ ...r, year: 2023 });
    const state = {
      ...addUnits(emptyAggregateState(), [unitOf(at2023(finance)), unitOf(at2023(town))]).state,
      roster: [{ name: '云溪县财政局', kind: 'department' as const }],
      includeOwn: { t2: true, t3: false, t4: true },
    };
    const summed = write(withAggregateState(government(2023), state)).report;
    const next = rolloverReport(summed).report;
    const st = readAggregateState(next).state;
    expect(st.roster.map((e) => e.name)).toEqual(['云溪县财政局']);
    expect(st.units).toEqual([]);
    expect(st.includeOwn.t3).toBe(false);
    expect(st.lastYear?.year).toBe(2023);
    expect(st.lastYear?.units.find((u) => u.agency === '云溪县财政局')?.cells['t3.carry_next.total']).toBe(1);

    // Next year the bureau reports 0 carried over: checked against last year's 汇总.
    const now = makeReport({ agency: '云溪县财政局', year: 2024, t3: { res_open: [1, 0, 0, 0, 0, 0] } });
    const view = computeAggregate(next, addUnits(st, [unitOf(now, { gov: next })]).state);
    expect(view.findings.find((f) => f.rule === 'AGG-CARRY')?.message).toMatch(
      /2023年度汇总时的报告“结转下年度继续办理”为 1 件/,
    );
  });

  it('a report without 汇总 rolls over without the field', () => {
    expect('aggregate' in rolloverReport(finance).report).toBe(false);
  });
});
