import type { Report } from '../model/types';
import { aggregateFindings } from './checks';
import { matchRoster, type RosterMatch } from './roster';
import { readAggregateState } from './state';
import { AggregateError, sumUnits, type SumResult } from './sum';
import { unitRows, type UnitRow } from './table';
import { unitFromReport } from './unit';
import type { AggFinding, AggregateState, AggregateUnit } from './types';

/** Everything the 汇总 screen, the CLI and the workbook show, computed from the report's state. */
export interface AggregateView {
  state: AggregateState;
  match: RosterMatch;
  result: SumResult;
  findings: AggFinding[];
  rows: UnitRow[];
}

export function computeAggregate(government: Report, state: AggregateState = readAggregateState(government).state) {
  const match = matchRoster(state, government);
  const result = sumUnits(state, match, government);
  const findings = aggregateFindings(state, match, result, government);
  return { state, match, result, findings, rows: unitRows(state, match, result) } satisfies AggregateView;
}

export interface AddOutcome {
  state: AggregateState;
  added: AggregateUnit[];
  /** The same report added again (same source, same figures): not added twice. */
  skipped: AggregateUnit[];
}

const sourceKey = (u: AggregateUnit) =>
  u.source.type === 'library' ? `library:${u.source.id}` : u.source.type === 'file' ? `file:${u.source.name}` : 'self';

/**
 * Adds unit reports. One already there with the same figures from the same place is skipped; a
 * changed report of the same unit is added beside the old one (the newer counts: see matchRoster).
 */
export function addUnits(state: AggregateState, units: readonly AggregateUnit[]): AddOutcome {
  const list = [...state.units];
  const added: AggregateUnit[] = [];
  const skipped: AggregateUnit[] = [];
  // Units by where they came from (a report of the library, a file name): one lookup per added unit.
  const bySource = new Map<string, number[]>();
  const index = (u: AggregateUnit, i: number) => {
    const k = sourceKey(u);
    bySource.set(k, [...(bySource.get(k) ?? []), i]);
  };
  list.forEach(index);
  for (const u of units) {
    const same = bySource.get(sourceKey(u)) ?? [];
    if (same.some((i) => !list[i]!.removed && list[i]!.fingerprint === u.fingerprint)) {
      skipped.push(u);
      continue;
    }
    // A newer version of a library report replaces the one read before (kept until the next 写入).
    if (u.source.type === 'library')
      for (const i of same) if (!list[i]!.removed) list[i] = { ...list[i]!, removed: true, preferred: false };
    list.push(u);
    index(u, list.length - 1);
    added.push(u);
  }
  return { state: { ...state, units: list }, added, skipped };
}

/**
 * Removes a unit report. One that was summed at the last 写入 is only marked, so that the next 写入
 * can show what its removal changes; it is dropped then.
 */
export function removeUnit(state: AggregateState, key: string): AggregateState {
  const summed = new Set(state.applied?.units ?? []);
  return {
    ...state,
    units: summed.has(key)
      ? state.units.map((u) => (u.key === key ? { ...u, removed: true } : u))
      : state.units.filter((u) => u.key !== key),
  };
}

/** Changes one unit (include, role, roster entry, agency name, preferred). */
export function updateUnit(state: AggregateState, key: string, patch: Partial<AggregateUnit>): AggregateState {
  return { ...state, units: state.units.map((u) => (u.key === key ? { ...u, ...patch } : u)) };
}

/** Makes a duplicate the one that counts (and no other of the same unit). */
export function preferUnit(state: AggregateState, match: RosterMatch, key: string): AggregateState {
  const s = match.byKey.get(key);
  if (!s) return state;
  const rivals = new Set(
    match.units
      .filter((o) => o.insteadOf === key || o.unit.key === s.insteadOf || (s.insteadOf && o.insteadOf === s.insteadOf))
      .map((o) => o.unit.key),
  );
  return {
    ...state,
    units: state.units.map((u) =>
      u.key === key ? { ...u, preferred: true } : rivals.has(u.key) ? { ...u, preferred: false } : u,
    ),
  };
}

/**
 * The government report's present figures as 本级 (when the clerk typed the office's own figures in
 * it before summing). Refused once sums were written: they would be counted twice.
 */
export function ownFromReport(government: Report, state: AggregateState, key: string, now: Date): AggregateUnit {
  if (state.applied)
    throw new AggregateError(
      '本报告的表格已经写入过汇总结果，不能再作为本级数字（会重复计算）。请改为添加本级（政府办公室）的报告。',
    );
  // 上年结转 of a rolled-over report is last year's whole-area figure, not the office's own.
  const cells = { ...government.cells };
  if (government.meta.derivedFrom)
    for (const k of Object.keys(cells)) if (k.startsWith('t3.carried_over.')) cells[k] = null;
  return unitFromReport({
    report: { ...government, cells },
    source: { type: 'self' },
    key,
    now,
    government,
  });
}
