import { AGENCY_KINDS, type AgencyKind, type Cells, type FormatId, type Report } from '../model/types';
import {
  AGG_TABLES,
  KEY_FIGURES,
  type AggTable,
  type AggregateState,
  type AggregateUnit,
  type AppliedSums,
  type KeyFigure,
  type LastYearUnits,
  type RosterEntry,
  type UnitLastYear,
  type UnitSource,
} from './types';

/**
 * Reading the `aggregate` field of a report tolerantly: whatever is malformed is dropped (and
 * counted), the rest kept with its unknown fields. A report is never refused because of it.
 */

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const FORMATS: readonly FormatId[] = ['gov-2021', 'gov-2019', 'pre-2019'];

export const DEFAULT_INCLUDE_OWN: Record<AggTable, boolean> = { t2: true, t3: true, t4: true };

export function emptyAggregateState(): AggregateState {
  return { roster: [], units: [], includeOwn: { ...DEFAULT_INCLUDE_OWN } };
}

function readCells(v: unknown): Cells {
  const out: Cells = {};
  if (!isObject(v)) return out;
  for (const [k, x] of Object.entries(v)) {
    if (typeof x === 'number' && Number.isFinite(x)) out[k] = x;
    else if (x === null) out[k] = null;
  }
  return out;
}

function readRoster(v: unknown): RosterEntry | null {
  if (!isObject(v)) return null;
  const name = str(v.name)?.trim();
  if (!name) return null;
  const kind = AGENCY_KINDS.includes(v.kind as AgencyKind) ? (v.kind as AgencyKind) : 'department';
  const aliases = Array.isArray(v.aliases)
    ? v.aliases.filter((a): a is string => typeof a === 'string' && a.trim() !== '')
    : undefined;
  return {
    ...v,
    name,
    kind,
    ...(v.own === true ? { own: true } : { own: undefined }),
    ...(aliases?.length ? { aliases } : { aliases: undefined }),
  };
}

function readSource(v: unknown): UnitSource | null {
  if (!isObject(v)) return null;
  if (v.type === 'library' && typeof v.id === 'string')
    return { type: 'library', id: v.id, ...(typeof v.updatedAt === 'string' ? { updatedAt: v.updatedAt } : {}) };
  if (v.type === 'file' && typeof v.name === 'string') return { type: 'file', name: v.name, kind: str(v.kind) ?? '' };
  if (v.type === 'self') return { type: 'self' };
  return null;
}

function readLast(v: unknown): UnitLastYear | undefined {
  if (!isObject(v) || !Number.isInteger(v.year)) return undefined;
  const from = v.from === 'library' || v.from === 'baseline' || v.from === 'summed' ? v.from : 'library';
  return { year: v.year as number, from, cells: readCells(v.cells) };
}

function readUnit(v: unknown): AggregateUnit | null {
  if (!isObject(v)) return null;
  const key = str(v.key);
  const source = readSource(v.source);
  if (!key || !source || !Number.isInteger(v.year)) return null;
  const figures = {} as Record<KeyFigure, number | null>;
  const f = isObject(v.figures) ? v.figures : {};
  for (const k of KEY_FIGURES) figures[k] = typeof f[k] === 'number' && Number.isFinite(f[k]) ? f[k] : null;
  const c = isObject(v.counts) ? v.counts : {};
  const count = (x: unknown) => (typeof x === 'number' && x >= 0 ? Math.floor(x) : 0);
  const texts = (x: unknown) => (Array.isArray(x) ? x.filter((t): t is string => typeof t === 'string') : []);
  const last = readLast(v.last);
  return {
    ...v,
    key,
    agency: str(v.agency) ?? '',
    kind: AGENCY_KINDS.includes(v.kind as AgencyKind) ? (v.kind as AgencyKind) : 'department',
    year: v.year as number,
    format: FORMATS.includes(v.format as FormatId) ? (v.format as FormatId) : 'gov-2021',
    source,
    fingerprint: str(v.fingerprint) ?? '',
    cells: readCells(v.cells),
    figures,
    counts: { error: count(c.error), warning: count(c.warning), info: count(c.info) },
    errors: texts(v.errors),
    warnings: texts(v.warnings),
    ...(Array.isArray(v.importWarnings) ? { importWarnings: texts(v.importWarnings) } : {}),
    ...(last ? { last } : { last: undefined }),
    role: v.role === 'own' ? 'own' : 'unit',
    include: v.include !== false,
    ...(typeof v.rosterName === 'string' ? { rosterName: v.rosterName } : {}),
    ...(v.preferred === true ? { preferred: true } : {}),
    ...(v.removed === true ? { removed: true } : {}),
    addedAt: str(v.addedAt) ?? '',
  };
}

function readIncludeOwn(v: unknown): Record<AggTable, boolean> {
  const out = { ...DEFAULT_INCLUDE_OWN };
  if (isObject(v)) for (const t of AGG_TABLES) if (typeof v[t] === 'boolean') out[t] = v[t];
  return out;
}

function readApplied(v: unknown): AppliedSums | undefined {
  if (!isObject(v) || typeof v.at !== 'string') return undefined;
  return {
    at: v.at,
    cells: readCells(v.cells),
    units: Array.isArray(v.units) ? v.units.filter((u): u is string => typeof u === 'string') : [],
    includeOwn: readIncludeOwn(v.includeOwn),
  };
}

function readLastYear(v: unknown): LastYearUnits | undefined {
  if (!isObject(v) || !Number.isInteger(v.year) || !Array.isArray(v.units)) return undefined;
  const units = v.units
    .filter(isObject)
    .filter((u) => typeof u.agency === 'string' && u.agency !== '')
    .map((u) => ({ agency: u.agency as string, cells: readCells(u.cells) }));
  return { year: v.year as number, units };
}

/** The report's 汇总 state, or an empty one; `dropped` counts the entries that were unreadable. */
export function readAggregateState(report: object): { state: AggregateState; dropped: number } {
  const raw = (report as { aggregate?: unknown }).aggregate;
  if (!isObject(raw)) return { state: emptyAggregateState(), dropped: raw === undefined || raw === null ? 0 : 1 };
  let dropped = 0;
  const keep = <T>(list: unknown, read: (v: unknown) => T | null): T[] => {
    if (!Array.isArray(list)) {
      if (list !== undefined) dropped++;
      return [];
    }
    const out: T[] = [];
    for (const v of list) {
      const x = read(v);
      if (x) out.push(x);
      else dropped++;
    }
    return out;
  };
  const applied = readApplied(raw.applied);
  const lastYear = readLastYear(raw.lastYear);
  const state: AggregateState = {
    ...raw,
    roster: keep(raw.roster, readRoster),
    units: keep(raw.units, readUnit),
    includeOwn: readIncludeOwn(raw.includeOwn),
    applied,
    lastYear,
  };
  if (!applied) delete state.applied;
  if (!lastYear) delete state.lastYear;
  return { state, dropped };
}

/** Whether the report has any 汇总 state worth keeping. */
export function hasAggregate(report: object): boolean {
  return isObject((report as { aggregate?: unknown }).aggregate);
}

/** The report with its 汇总 state replaced (JSON-clean: no undefined values). */
export function withAggregateState(report: Report, state: AggregateState): Report {
  return { ...report, aggregate: JSON.parse(JSON.stringify(state)) as AggregateState };
}
