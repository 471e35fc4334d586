import { templateFor } from '../../templates/index';
import type { TemplateDef } from '../../templates/types';
import { computeTotals } from '../model/totals';
import { computedSet, fastTotals } from './totals';
import type { Cells, FormatId, Report } from '../model/types';
import { countsIn, type RosterMatch, type UnitStatus } from './roster';
import { AGG_TABLES, type AggTable, type AggregateState, type AggregateUnit } from './types';

/**
 * Adding up: Tables 3 and 4 cell by cell, Table 2's decisions, fees and normative documents; 规章 only
 * from the government's own figures (departments and townships have no 规章制定权). Each unit's
 * data cells are mapped into the government report's format, then every total is computed from the
 * summed parts, so the summed tables always add up (a unit's wrong printed total is its own finding).
 */

export class AggregateError extends Error {}

export const REGULATIONS = /^(t2|t2_2019)\.regulations\./;

export function tableOfKey(key: string): AggTable | null {
  if (key.startsWith('t2.') || key.startsWith('t2_2019.')) return 't2';
  if (key.startsWith('t3.')) return 't3';
  if (key.startsWith('t4.')) return 't4';
  return null;
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;
const OTHER_SUB = ['other_no_correction', 'other_no_fee', 'other_other'];

export interface MappedCells {
  cells: Cells;
  /** Keys of the unit that have no place in the government's format (e.g. a 2019 Table 2). */
  unplaced: string[];
  /** The unit printed （六）其他处理 as one row; it was counted where the government's format has it. */
  otherRow: boolean;
}

/** A unit's non-zero data cells in the government report's format (totals left out: they are recomputed). */
export function mapUnitCells(unit: Pick<AggregateUnit, 'cells'>, template: TemplateDef): MappedCells {
  const computed = computedSet(template);
  const cells: Cells = {};
  const unplaced: string[] = [];
  let otherRow = false;
  const add = (k: string, v: number) => (cells[k] = round(((cells[k] as number | undefined) ?? 0) + v));
  const has = (k: string) => k in template.fields;
  for (const [key, v] of Object.entries(unit.cells)) {
    if (typeof v !== 'number' || !v) continue;
    const [, row = '', col = ''] = key.split('.');
    let target: string | null = null;
    let single = false;
    if (has(key)) target = key;
    else if (row === 'other' && key.startsWith('t3.') && has(`t3.other_other.${col}`)) {
      // A 2019-style single row: counted under 3.其他 unless the unit also gave the three sub-rows.
      if (OTHER_SUB.some((r) => typeof unit.cells[`t3.${r}.${col}`] === 'number')) continue;
      target = `t3.other_other.${col}`;
      single = true;
    } else if (OTHER_SUB.includes(row) && key.startsWith('t3.') && has(`t3.other.${col}`)) target = `t3.other.${col}`;
    if (!target) {
      unplaced.push(key);
      continue;
    }
    if (computed.has(target)) continue; // totals are recomputed from the parts
    if (single) otherRow = true;
    add(target, v);
  }
  return { cells, unplaced, otherRow };
}

/**
 * What one unit adds to each cell (its totals included): the tables it counts in, and 规章 when it
 * is 本级.
 */
function contributionOf(
  mapped: MappedCells,
  inTables: readonly AggTable[],
  own: boolean,
  template: TemplateDef,
): Cells {
  const computed = computedSet(template);
  const contrib: Cells = {};
  for (const [key, v] of Object.entries(mapped.cells)) {
    if (REGULATIONS.test(key) ? !own : !inTables.includes(tableOfKey(key)!)) continue;
    contrib[key] = v;
  }
  if (own)
    for (const key of Object.keys(template.fields)) if (REGULATIONS.test(key) && !computed.has(key)) contrib[key] ??= 0;
  const clean: Cells = {};
  for (const [k, v] of Object.entries(fastTotals(contrib, template))) if (typeof v === 'number') clean[k] = v;
  return clean;
}

/** A unit's contribution under given 本级 choices, whatever its status now (to explain earlier sums). */
export function contributionFor(
  unit: AggregateUnit,
  includeOwn: Record<AggTable, boolean>,
  government: Pick<Report, 'format'>,
): Cells {
  const template = templateOfGovernment(government);
  const own = unit.role === 'own';
  const inTables = AGG_TABLES.filter((t) => !own || includeOwn[t]);
  return contributionOf(mapUnitCells(unit, template), inTables, own, template);
}

export interface SumResult {
  format: FormatId;
  /** Every cell the 汇总 writes (data and computed totals). */
  cells: Cells;
  /** Per unit that counts anywhere: what it adds to each cell (its totals included). */
  contributions: Map<string, Cells>;
  /** Units counted per table. */
  tables: Record<AggTable, string[]>;
  /** Whether 规章 came from 本级 figures (else the report's own 规章 cells stay as they are). */
  regulationsFromOwn: boolean;
  mapped: Map<string, MappedCells>;
}

export function templateOfGovernment(government: Pick<Report, 'format'>): TemplateDef {
  if (government.format === 'pre-2019')
    throw new AggregateError(
      '2019年以前格式的报告没有统计表，无法汇总。请把本报告的年度和格式改为 2019 年以后的版本。',
    );
  return templateFor(government.format);
}

/** The sums of the units that count, in the government report's format. */
export function sumUnits(state: AggregateState, match: RosterMatch, government: Pick<Report, 'format'>): SumResult {
  const template = templateOfGovernment(government);
  const computed = computedSet(template);
  const sums: Cells = {};
  for (const key of Object.keys(template.fields)) if (!computed.has(key) && !REGULATIONS.test(key)) sums[key] = 0;
  const contributions = new Map<string, Cells>();
  const mappedAll = new Map<string, MappedCells>();
  const tables: Record<AggTable, string[]> = { t2: [], t3: [], t4: [] };
  let regulationsFromOwn = false;
  const countedOwn = (s: UnitStatus) =>
    s.unit.role === 'own' && s.unit.include && (s.status === 'submitted' || s.status === 'not_on_roster');
  for (const s of match.units) {
    const inTables = AGG_TABLES.filter((t) => countsIn(s, t, state));
    const own = countedOwn(s);
    if (!inTables.length && !own) continue;
    const mapped = mapUnitCells(s.unit, template);
    mappedAll.set(s.unit.key, mapped);
    const contrib = contributionOf(mapped, inTables, own, template);
    if (own) regulationsFromOwn = true;
    for (const t of inTables) tables[t].push(s.unit.key);
    for (const [k, v] of Object.entries(contrib))
      if (!computed.has(k)) sums[k] = round(((sums[k] as number | undefined) ?? 0) + (v ?? 0));
    contributions.set(s.unit.key, contrib);
  }
  const all = computeTotals(sums, template);
  const cells: Cells = {};
  for (const [k, v] of Object.entries(all)) {
    if (REGULATIONS.test(k) && !regulationsFromOwn) continue;
    if (k in template.fields) cells[k] = v === null ? 0 : v;
  }
  return { format: template.id, cells, contributions, tables, regulationsFromOwn, mapped: mappedAll };
}

export interface BreakdownRow {
  unit: AggregateUnit;
  value: number;
}

/** The units behind one summed cell, largest first; `zeros` counts the units that add nothing to it. */
export function breakdown(
  result: SumResult,
  match: RosterMatch,
  key: string,
): { rows: BreakdownRow[]; zeros: number; total: number | null } {
  const rows: BreakdownRow[] = [];
  const table = tableOfKey(key);
  const counted = new Set(REGULATIONS.test(key) ? [...result.contributions.keys()] : table ? result.tables[table] : []);
  let zeros = 0;
  for (const unitKey of counted) {
    const s = match.byKey.get(unitKey);
    const c = result.contributions.get(unitKey);
    if (!s || !c) continue;
    if (REGULATIONS.test(key) && s.unit.role !== 'own') continue;
    const v = c[key];
    if (typeof v === 'number' && v !== 0) rows.push({ unit: s.unit, value: v });
    else zeros++;
  }
  rows.sort((a, b) => b.value - a.value || a.unit.agency.localeCompare(b.unit.agency, 'zh-CN'));
  const total = result.cells[key];
  return { rows, zeros, total: typeof total === 'number' ? total : null };
}
