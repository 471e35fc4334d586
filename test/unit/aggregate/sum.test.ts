import { describe, expect, it } from 'vitest';
import { makeReport, withCells } from '../../fixtures/factory';
import {
  addUnits,
  breakdown,
  computeAggregate,
  emptyAggregateState,
  mapUnitCells,
  withAggregateState,
  type AggregateState,
} from '../../../shared/aggregate/index';
import { GOV_2021 } from '../../../templates/index';
import { government, unitOf } from './helpers';

const finance = makeReport({
  agency: '云溪县财政局',
  t2: { normative_docs: [2, 1, 9], licensing: 10, penalty: 4, coercion: 1, fees: 12.5 },
  t3: { res_open: [5, 1, 0, 0, 0, 0], deny_third: [1, 0, 0, 0, 0, 0], carry_next: [1, 0, 0, 0, 0, 0] },
  t4: { review: [1, 1, 0, 0], lit_direct: [0, 0, 0, 1] },
});
const town = makeReport({
  agency: '城关镇人民政府',
  kind: 'township',
  t2: { normative_docs: [0, 0, 0], licensing: 3, penalty: 20, coercion: 0, fees: 0.25, regulations: [1, 0, 1] },
  t3: { res_open: [2, 0, 0, 0, 0, 0], unable_not_held: [0, 1, 0, 0, 0, 0] },
});
const office = makeReport({
  agency: '云溪县人民政府办公室',
  t2: { regulations: [2, 1, 14], normative_docs: [5, 2, 30], licensing: 0, penalty: 0, coercion: 0, fees: 0 },
  t3: { res_open: [7, 3, 1, 0, 0, 0], carry_next: [2, 0, 0, 0, 0, 0] },
  t4: { review: [2, 0, 0, 0] },
});

function stateOf(...reports: ReturnType<typeof makeReport>[]): AggregateState {
  return addUnits(
    emptyAggregateState(),
    reports.map((r) => unitOf(r)),
  ).state;
}

describe('summing', () => {
  it('Tables 3 and 4 cell by cell, Table 2 decisions, fees and normative documents; totals recomputed', () => {
    const gov = government();
    const { result } = computeAggregate(gov, stateOf(finance, town));
    const sum = (k: string) => (finance.cells[k] ?? 0)! + (town.cells[k] ?? 0)!;
    for (const k of [
      't3.res_open.natural',
      't3.res_open.commercial',
      't3.unable_not_held.commercial',
      't3.deny_third.natural',
    ])
      expect(result.cells[k]).toBe(sum(k));
    for (const k of [
      't3.new_received.total',
      't3.res_total.total',
      't3.carry_next.total',
      't4.review.total',
      't4.lit_direct.pending',
    ])
      expect(result.cells[k]).toBe(sum(k));
    expect(result.cells['t2.licensing.decisions']).toBe(13);
    expect(result.cells['t2.penalty.decisions']).toBe(24);
    expect(result.cells['t2.normative_docs.in_force']).toBe(9);
    expect(result.cells['t2.admin_fees.amount']).toBe(12.75);
    // Every data cell is written (0 where no unit has a figure), no blank left.
    expect(result.cells['t3.deny_secret.research']).toBe(0);
    expect(Object.values(result.cells).every((v) => typeof v === 'number')).toBe(true);
  });

  it('规章 only from 本级: a township’s regulations are left out; without 本级 the report keeps its own', () => {
    const gov = withCells(government(), { 't2.regulations.in_force': 11 });
    const without = computeAggregate(gov, stateOf(finance, town));
    expect(without.result.regulationsFromOwn).toBe(false);
    expect('t2.regulations.in_force' in without.result.cells).toBe(false);
    expect(without.findings.some((f) => f.rule === 'AGG-REGULATIONS' && f.agency === '城关镇人民政府')).toBe(true);
    expect(without.findings.some((f) => f.rule === 'AGG-NO-OWN')).toBe(true);
    const withOwn = computeAggregate(gov, stateOf(finance, town, office));
    expect(withOwn.result.regulationsFromOwn).toBe(true);
    expect(withOwn.result.cells['t2.regulations.issued']).toBe(2);
    expect(withOwn.result.cells['t2.regulations.in_force']).toBe(14);
  });

  it('the clerk chooses per table whether 本级 is included; 规章 stays 本级 either way', () => {
    const gov = government();
    const state = stateOf(finance, office);
    expect(state.units.find((u) => u.agency === '云溪县人民政府办公室')!.role).toBe('own');
    const all = computeAggregate(gov, state).result;
    const noT3 = computeAggregate(gov, { ...state, includeOwn: { t2: false, t3: false, t4: true } }).result;
    expect(all.cells['t3.res_open.natural']).toBe(12);
    expect(noT3.cells['t3.res_open.natural']).toBe(5);
    expect(noT3.cells['t4.review.total']).toBe(4); // 本级 still in Table 4
    expect(noT3.cells['t2.normative_docs.issued']).toBe(2);
    expect(noT3.cells['t2.regulations.in_force']).toBe(14);
  });

  it('every summed cell opens its breakdown by unit, and the shares add up to the sum', () => {
    const gov = government();
    const view = computeAggregate(gov, stateOf(finance, town, office));
    for (const key of ['t3.res_open.natural', 't3.res_total.total', 't2.penalty.decisions', 't4.review.total']) {
      const b = breakdown(view.result, view.match, key);
      expect(b.rows.reduce((a, r) => a + r.value, 0)).toBe(view.result.cells[key]);
      expect(b.rows.length + b.zeros).toBe(3);
    }
    const pen = breakdown(view.result, view.match, 't2.penalty.decisions');
    expect(pen.rows.map((r) => [r.unit.agency, r.value])).toEqual([
      ['城关镇人民政府', 20],
      ['云溪县财政局', 4],
    ]);
    const regs = breakdown(view.result, view.match, 't2.regulations.in_force');
    expect(regs.rows.map((r) => r.unit.agency)).toEqual(['云溪县人民政府办公室']);
  });

  it('a unit’s single （六）其他处理 row is counted under 3.其他; a 2019 Table 2 is not placed', () => {
    const old = withCells(makeReport({ agency: '云溪县档案馆' }), {
      't3.other.natural': 4,
      't3.other_no_correction.natural': null,
      't3.other_no_fee.natural': null,
      't3.other_other.natural': null,
      't2_2019.licensing.decisions': 9,
    });
    const mapped = mapUnitCells(unitOf(old), GOV_2021);
    expect(mapped.cells['t3.other_other.natural']).toBe(4);
    expect(mapped.otherRow).toBe(true);
    expect(mapped.unplaced).toEqual(['t2_2019.licensing.decisions']);
    const view = computeAggregate(government(), stateOf(old));
    expect(view.result.cells['t3.other_other.natural']).toBe(4);
    expect(view.findings.some((f) => f.rule === 'AGG-LAYOUT')).toBe(true);
  });

  it('the state round-trips through the report file (JSON), unknown fields kept', () => {
    const state = { ...stateOf(finance), future: { x: 1 } } as AggregateState;
    const report = JSON.parse(JSON.stringify(withAggregateState(government(), state)));
    const again = computeAggregate(report);
    expect(again.state.units).toHaveLength(1);
    expect(again.state.future).toEqual({ x: 1 });
    expect(again.result.cells['t3.res_open.natural']).toBe(5);
  });
});
