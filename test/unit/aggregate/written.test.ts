import { describe, expect, it } from 'vitest';
import { makeReport, withCells } from '../../fixtures/factory';
import {
  addUnits,
  applySums,
  computeAggregate,
  emptyAggregateState,
  planApply,
  readAggregateState,
  withAggregateState,
  writtenSums,
} from '../../../shared/aggregate/index';
import type { Report } from '../../../shared/model/types';
import { government, unitOf } from './helpers';

/**
 * The editor's breakdown of a summed cell: what the last 写入 wrote, explained by the units of that
 * 写入 (not by what the 汇总 screen would write now).
 */

const finance = makeReport({
  agency: '云溪县财政局',
  t2: { licensing: 10, penalty: 4, coercion: 1, fees: 0, normative_docs: [0, 0, 0] },
  t3: { res_open: [3, 0, 0, 0, 0, 0] },
});
const town = makeReport({
  agency: '城关镇人民政府',
  kind: 'township',
  t2: { licensing: 3, penalty: 20, coercion: 0, fees: 0, normative_docs: [0, 0, 0], regulations: [1, 0, 0] },
  t3: { res_open: [2, 0, 0, 0, 0, 0] },
});
const office = makeReport({
  agency: '云溪县人民政府办公室',
  t2: { regulations: [2, 1, 14], licensing: 0, penalty: 7, coercion: 0, fees: 0, normative_docs: [0, 0, 0] },
  t3: { res_open: [5, 0, 0, 0, 0, 0] },
});
const NOW = new Date('2025-01-20T02:00:00Z');

function written(units: Report[], includeOwn = { t2: true, t3: true, t4: true }): Report {
  const state = {
    ...addUnits(
      emptyAggregateState(),
      units.map((u) => unitOf(u)),
    ).state,
    includeOwn,
  };
  const gov = withAggregateState(government(), state);
  const view = computeAggregate(gov);
  return applySums(gov, view.state, view.result, planApply(gov, view.state, view.result), NOW);
}

describe('writtenSums (the editor: a summed cell opens its units)', () => {
  it('is null for a report without a 写入', () => {
    expect(writtenSums(government())).toBeNull();
    const state = addUnits(emptyAggregateState(), [unitOf(finance)]).state;
    expect(writtenSums(withAggregateState(government(), state))).toBeNull();
  });

  it('lists the units of a cell, largest first, with the units that add nothing; shares add up to the sum', () => {
    const report = written([finance, town, office]);
    const sums = writtenSums(report)!;
    expect(sums.has('t2.penalty.decisions')).toBe(true);
    expect(sums.has('t1.0.text')).toBe(false);
    const b = sums.breakdown('t2.penalty.decisions', report.cells)!;
    expect(b.written).toBe(31);
    expect(b.current).toBe(31);
    expect(b.rows.map((r) => [r.agency, r.value, r.own])).toEqual([
      ['城关镇人民政府', 20, false],
      ['云溪县人民政府办公室', 7, true],
      ['云溪县财政局', 4, false],
    ]);
    expect(b.zeros).toBe(0);
    const lic = sums.breakdown('t2.licensing.decisions', report.cells)!;
    expect(lic.rows.map((r) => r.agency)).toEqual(['云溪县财政局', '城关镇人民政府']);
    expect(lic.zeros).toBe(1);
    // A total: each unit's share is its own total.
    const total = sums.breakdown('t3.res_total.total', report.cells)!;
    expect(total.rows.reduce((s, r) => s + r.value, 0)).toBe(total.written);
    expect(total.written).toBe(10);
  });

  it('规章 only from 本级; 本级 left out of a table where the clerk chose so', () => {
    const report = written([finance, town, office], { t2: true, t3: false, t4: true });
    const sums = writtenSums(report)!;
    const reg = sums.breakdown('t2.regulations.issued', report.cells)!;
    expect(reg.rows.map((r) => [r.agency, r.value])).toEqual([['云溪县人民政府办公室', 2]]);
    expect(reg.zeros).toBe(0);
    const open = sums.breakdown('t3.res_open.natural', report.cells)!;
    expect(open.written).toBe(5);
    expect(open.rows.map((r) => r.agency)).toEqual(['云溪县财政局', '城关镇人民政府']);
  });

  it('a cell changed by hand after the 写入 shows both figures; the same field object answers from its cache', () => {
    const report = written([finance, town]);
    const edited = withCells(report, { 't3.res_open.natural': 9 });
    const sums = writtenSums(edited)!;
    expect(writtenSums({ format: edited.format, aggregate: edited.aggregate })).toBe(sums);
    const b = sums.breakdown('t3.res_open.natural', edited.cells)!;
    expect(b).toMatchObject({ written: 5, current: 9 });
  });

  it('explains what was written even after a unit was replaced by a corrected report', () => {
    const report = written([finance, town]);
    const corrected = withCells(finance, { 't2.penalty.decisions': 40 });
    const state = addUnits(readAggregateState(report).state, [unitOf(corrected)]).state;
    const pending = withAggregateState(report, state);
    const b = writtenSums(pending)!.breakdown('t2.penalty.decisions', pending.cells)!;
    expect(b.written).toBe(24);
    expect(b.rows.map((r) => [r.agency, r.value])).toEqual([
      ['城关镇人民政府', 20],
      ['云溪县财政局', 4],
    ]);
  });
});
