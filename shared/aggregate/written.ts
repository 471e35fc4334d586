import type { Cells, Report } from '../model/types';
import { readAggregateState } from './state';
import { contributionFor, REGULATIONS, tableOfKey } from './sum';
import type { AggregateUnit } from './types';

/**
 * The breakdown of the figures the last 写入 put into the government report, as the editor's tables
 * show it: for a summed cell, which units it came from. It explains what was written (the units and
 * 本级 choices of that 写入, from their unchanging figures), not what the 汇总 screen would write now.
 */

export type WrittenSource = Pick<Report, 'format'> & { aggregate?: unknown };

export interface WrittenShare {
  agency: string;
  own: boolean;
  value: number;
}

export interface WrittenBreakdown {
  key: string;
  /** The sum written at the last 写入. */
  written: number;
  /** The report's figure now (differs when the clerk changed it by hand afterwards). */
  current: number | null;
  at: string;
  /** Units that add to the cell, largest first. */
  rows: WrittenShare[];
  /** Summed units that add nothing to it. */
  zeros: number;
}

export interface WrittenSums {
  at: string;
  cells: Cells;
  /** Whether the cell was written by the last 写入. */
  has(key: string): boolean;
  breakdown(key: string, current: Cells): WrittenBreakdown | null;
}

// One computation per `aggregate` field: the editor asks for cell after cell of the same report.
const cache = new WeakMap<object, WrittenSums | null>();

/** Only the format and the `aggregate` field are read (the editor passes just those, so edits of the tables keep the cache). */
export function writtenSums(report: WrittenSource): WrittenSums | null {
  const raw = report.aggregate;
  if (typeof raw !== 'object' || raw === null) return null;
  if (cache.has(raw)) return cache.get(raw)!;
  const made = compute(report);
  cache.set(raw, made);
  return made;
}

function compute(report: WrittenSource): WrittenSums | null {
  const { state } = readAggregateState(report);
  const applied = state.applied;
  if (!applied || !applied.units.length) return null;
  const byKey = new Map(state.units.map((u) => [u.key, u]));
  const units = applied.units.map((k) => byKey.get(k)).filter((u): u is AggregateUnit => u !== undefined);
  let shares: { unit: AggregateUnit; cells: Cells }[] | null = null;
  // Each unit's share is made once, on the first question (opening the editor costs nothing).
  const sharesOf = () =>
    (shares ??= units.map((unit) => ({ unit, cells: contributionFor(unit, applied.includeOwn, report) })));
  return {
    at: applied.at,
    cells: applied.cells,
    has: (key) => typeof applied.cells[key] === 'number',
    breakdown(key, current) {
      const written = applied.cells[key];
      if (typeof written !== 'number') return null;
      const rows: WrittenShare[] = [];
      let zeros = 0;
      const table = tableOfKey(key);
      const regulations = REGULATIONS.test(key);
      for (const { unit, cells } of sharesOf()) {
        const own = unit.role === 'own';
        // The units that counted in the cell's table then (规章: 本级 only).
        if (regulations ? !own : !table || (own && !applied.includeOwn[table])) continue;
        const v = cells[key];
        if (typeof v === 'number' && v !== 0) rows.push({ agency: unit.agency, own, value: v });
        else zeros++;
      }
      rows.sort((a, b) => b.value - a.value || a.agency.localeCompare(b.agency, 'zh-CN'));
      const now = current[key];
      return { key, written, current: typeof now === 'number' ? now : null, at: applied.at, rows, zeros };
    },
  };
}
