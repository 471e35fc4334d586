import { templateFor } from '../../templates/index';
import { computeTotals } from '../model/totals';
import type { Cells, Report } from '../model/types';
import { withAggregateState } from './state';
import { contributionFor, type SumResult } from './sum';
import type { AggregateState } from './types';

/**
 * Writing the sums into the government report. The first time every summed cell is written; after
 * that only the cells whose sum changed since the last 写入 (a unit sent a corrected report, one was
 * added or left out), so a figure the clerk corrected by hand elsewhere stays. Each change names
 * the units behind it.
 */

export interface UnitDelta {
  key: string;
  agency: string;
  delta: number;
}

export interface CellChange {
  key: string;
  /** In the report now. */
  current: number | null;
  /** The sum written last time (undefined: never written). */
  previous?: number | null;
  next: number;
  /** The report's value was changed by hand after the last 写入. */
  manual: boolean;
  /** Units whose share of this cell changed since the last 写入 (empty the first time). */
  units: UnitDelta[];
}

export interface ApplyPlan {
  firstTime: boolean;
  /** Cells that will be written. */
  changes: CellChange[];
  /** Cells changed by hand whose sum did not change: left as they are. */
  keptManual: CellChange[];
  /** Units that count now but did not last time, and the other way round (agency names). */
  added: string[];
  dropped: string[];
}

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

export function planApply(report: Report, state: AggregateState, result: SumResult): ApplyPlan {
  const applied = state.applied;
  const counted = new Set(result.contributions.keys());
  const before = new Set(applied?.units ?? []);
  const unitByKey = new Map(state.units.map((u) => [u.key, u]));
  const agencyOf = (k: string) => unitByKey.get(k)?.agency || '（未识别机关）';
  // What each unit added last time, recomputed from its (unchanging) figures and the choices then.
  const previous = new Map<string, Cells>();
  if (applied)
    for (const k of applied.units) {
      const u = unitByKey.get(k);
      if (u) previous.set(k, contributionFor(u, applied.includeOwn, report));
    }
  const changes: CellChange[] = [];
  const keptManual: CellChange[] = [];
  for (const [key, v] of Object.entries(result.cells)) {
    const next = v ?? 0;
    const current = num(report.cells[key]);
    if (!applied) {
      if (current !== next) changes.push({ key, current, next, manual: false, units: [] });
      continue;
    }
    const prev = key in applied.cells ? num(applied.cells[key]) : null;
    const manual = current !== prev;
    if (prev === next) {
      if (manual) keptManual.push({ key, current, previous: prev, next, manual, units: [] });
      continue;
    }
    const units: UnitDelta[] = [];
    for (const k of new Set([...counted, ...previous.keys()])) {
      const delta = (num(result.contributions.get(k)?.[key]) ?? 0) - (num(previous.get(k)?.[key]) ?? 0);
      if (Math.abs(delta) > 1e-9) units.push({ key: k, agency: agencyOf(k), delta: Math.round(delta * 1e6) / 1e6 });
    }
    units.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
    changes.push({ key, current, previous: prev, next, manual, units });
  }
  return {
    firstTime: !applied,
    changes,
    keptManual,
    added: [...counted].filter((k) => !before.has(k)).map(agencyOf),
    dropped: [...before].filter((k) => !counted.has(k)).map(agencyOf),
  };
}

/** The report with the planned cells written, totals recomputed and the 汇总 state updated. */
export function applySums(
  report: Report,
  state: AggregateState,
  result: SumResult,
  plan: ApplyPlan,
  now: Date,
): Report {
  const cells: Cells = { ...report.cells };
  for (const c of plan.changes) cells[c.key] = c.next;
  const next: AggregateState = {
    ...state,
    // Units removed by the clerk were kept only to explain this 写入.
    units: state.units.filter((u) => !u.removed),
    applied: {
      at: now.toISOString(),
      cells: { ...result.cells },
      units: [...result.contributions.keys()],
      includeOwn: { ...state.includeOwn },
    },
  };
  return withAggregateState({ ...report, cells: computeTotals(cells, templateFor(result.format)) }, next);
}
