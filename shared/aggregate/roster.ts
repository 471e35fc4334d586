import type { Report } from '../model/types';
import { NameIndex, placeNames, unitKey } from './names';
import type { AggTable, AggregateState, AggregateUnit, RosterEntry, RosterStatus } from './types';

/**
 * Which unit reports count, and who has not reported: each unit is matched to a roster entry by
 * name (or by the clerk's choice), checked for its year and tables, and among several reports of
 * one unit the chosen one counts (the clerk's pick, else the one added last: a corrected report).
 */

export interface UnitStatus {
  unit: AggregateUnit;
  status: RosterStatus;
  /** Index of the roster entry it answers to. */
  entry?: number;
  /** For a duplicate: the unit report that counts instead. */
  insteadOf?: string;
}

export interface RosterRow {
  index: number;
  entry: RosterEntry;
  status: 'submitted' | 'missing';
  /** The unit report that counts for it. */
  unit?: string;
  /** How many reports of it were added (duplicates included). */
  reports: number;
}

export interface RosterMatch {
  units: UnitStatus[];
  roster: RosterRow[];
  byKey: Map<string, UnitStatus>;
}

/** The roster's names (and aliases) indexed for lookups. */
export function rosterIndex(roster: readonly RosterEntry[], places: readonly string[]): NameIndex<number> {
  const index = new NameIndex<number>(places);
  roster.forEach((e, i) => {
    for (const n of [e.name, ...(e.aliases ?? [])]) index.add(n, i);
  });
  return index;
}

// Units are made one after another against the same roster (2,000 reports against a roster of 2,000:
// indexing it per unit was most of the time of reading them). Rosters are replaced, never changed in
// place, so the array identifies its index; its length and the places guard against a changed one.
const indexes = new WeakMap<readonly RosterEntry[], { length: number; places: string; index: NameIndex<number> }>();

function cachedRosterIndex(roster: readonly RosterEntry[], places: readonly string[]): NameIndex<number> {
  const key = places.join('|');
  const hit = indexes.get(roster);
  if (hit && hit.length === roster.length && hit.places === key) return hit.index;
  const index = rosterIndex(roster, places);
  indexes.set(roster, { length: roster.length, places: key, index });
  return index;
}

/** Best roster entry for a name: an exact key match wins over a loose one, then the first listed; -1 for none. */
export function findRosterEntry(
  roster: readonly RosterEntry[] | NameIndex<number>,
  name: string,
  places: readonly string[],
): number {
  const index = roster instanceof NameIndex ? roster : cachedRosterIndex(roster, places);
  const hit = index.find(name).values;
  return hit.length ? Math.min(...hit) : -1;
}

const hasTables = (u: AggregateUnit) => u.format !== 'pre-2019';

export function matchRoster(state: AggregateState, government: Pick<Report, 'agency' | 'year'>): RosterMatch {
  const places = placeNames(government.agency.name);
  const index = rosterIndex(state.roster, places);
  const entryIndex = new Map<string, number>();
  state.roster.forEach((e, i) => entryIndex.set(e.name, i));
  const statuses: UnitStatus[] = [];
  const groups = new Map<string, UnitStatus[]>();
  for (const unit of state.units) {
    if (unit.removed) continue;
    const chosen = unit.rosterName !== undefined ? entryIndex.get(unit.rosterName) : undefined;
    const entry = chosen ?? findRosterEntry(index, unit.agency, places);
    const s: UnitStatus = { unit, status: 'submitted', ...(entry >= 0 ? { entry } : {}) };
    statuses.push(s);
    if (!hasTables(unit)) s.status = 'no_tables';
    else if (unit.year !== government.year) s.status = 'wrong_year';
    else {
      const id = entry >= 0 ? `#${entry}` : `@${unitKey(unit.agency, places) || unit.key}`;
      const list = groups.get(id) ?? [];
      list.push(s);
      groups.set(id, list);
    }
  }
  for (const list of groups.values()) {
    // The clerk's pick, else the report added last (a corrected report replaces the one before).
    const counted =
      list.find((s) => s.unit.preferred) ?? list.reduce((a, b) => (b.unit.addedAt >= a.unit.addedAt ? b : a), list[0]!);
    for (const s of list) {
      if (s === counted) s.status = s.entry !== undefined ? 'submitted' : 'not_on_roster';
      else {
        s.status = 'duplicate';
        s.insteadOf = counted.unit.key;
      }
    }
  }
  const byEntry = new Map<number, UnitStatus[]>();
  for (const s of statuses) if (s.entry !== undefined) byEntry.set(s.entry, [...(byEntry.get(s.entry) ?? []), s]);
  const roster: RosterRow[] = state.roster.map((entry, index) => {
    const mine = byEntry.get(index) ?? [];
    const counted = mine.find((s) => s.status === 'submitted');
    return {
      index,
      entry,
      status: counted ? 'submitted' : 'missing',
      ...(counted ? { unit: counted.unit.key } : {}),
      reports: mine.length,
    };
  });
  return { units: statuses, roster, byKey: new Map(statuses.map((s) => [s.unit.key, s])) };
}

/** Whether a unit's figures go into a table's sums (regulations are decided per cell, see sum.ts). */
export function countsIn(s: UnitStatus, table: AggTable, state: AggregateState): boolean {
  if (!s.unit.include) return false;
  if (s.status !== 'submitted' && s.status !== 'not_on_roster') return false;
  return s.unit.role === 'own' ? state.includeOwn[table] : true;
}

/** Roster entries from names (one per line, e.g. pasted from Excel): blank lines and repeats dropped. */
export function rosterFromNames(
  text: string,
  existing: readonly RosterEntry[],
  government: Pick<Report, 'agency'>,
): RosterEntry[] {
  const places = placeNames(government.agency.name);
  const index = new NameIndex<true>(places);
  for (const e of existing) index.add(e.name, true);
  const out: RosterEntry[] = [];
  for (const raw of text.split(/\r?\n|\t|,|，|、|；|;/)) {
    const name = raw.trim().replace(/^\d+[.、．\s]+/, '');
    if (!name || name.length < 2) continue;
    if (index.find(name).score === 2) continue;
    index.add(name, true);
    out.push({ name, kind: guessKind(name) });
  }
  return out;
}

/** 镇/乡/街道 are townships; the rest departments (the clerk can change it). */
export function guessKind(name: string): RosterEntry['kind'] {
  if (/(镇|乡|街道|街道办事处|苏木)(人民政府)?$/u.test(name.trim())) return 'township';
  if (/人民政府$/u.test(name.trim())) return 'government';
  return 'department';
}
