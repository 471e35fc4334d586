import type { Report } from '../model/types';
import { readAggregateState } from './state';
import { LAST_YEAR_KEYS } from './unit';
import type { AggregateState } from './types';

/**
 * Rollover of a government report that was summed: the roster and the 本级 choices go on to next
 * year; the units do not (next year's reports are new), but each summed unit's key figures and
 * 结转下年度 are kept as `lastYear`, so next year's carry-over and tenfold checks work even when
 * last year's unit reports are not in the library.
 */
export function rolloverAggregate(last: Report): AggregateState | undefined {
  if (last.aggregate === undefined || last.aggregate === null) return undefined;
  const { state } = readAggregateState(last);
  const summed = new Set(state.applied?.units ?? []);
  const units = state.units
    .filter((u) => summed.has(u.key) && !u.removed)
    .map((u) => {
      const cells: Record<string, number> = {};
      for (const k of LAST_YEAR_KEYS) {
        const v = u.cells[k];
        // Totals are not kept among a unit's cells when it printed none: the key figures have them.
        cells[k] = typeof v === 'number' ? v : 0;
      }
      const f = u.figures;
      if (f.new_received !== null) cells['t3.new_received.total'] = f.new_received;
      if (f.res_total !== null) cells['t3.res_total.total'] = f.res_total;
      if (f.carry_next !== null) cells['t3.carry_next.total'] = f.carry_next;
      if (f.review !== null) cells['t4.review.total'] = f.review;
      if (f.litigation !== null) {
        cells['t4.lit_direct.total'] = f.litigation;
        cells['t4.lit_after_review.total'] = 0;
      }
      return { agency: u.agency, cells };
    });
  const next: AggregateState = {
    roster: state.roster,
    units: [],
    includeOwn: { ...state.includeOwn },
  };
  if (units.length) next.lastYear = { year: last.year, units };
  return next;
}
