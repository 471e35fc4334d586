import { countBySeverity, runChecks } from '../checks/engine';
import type { Finding } from '../checks/types';
import { templateFor } from '../../templates/index';
import type { Cells, Report } from '../model/types';
import { isOwnName, placeNames } from './names';
import { findRosterEntry } from './roster';
import { printedOrComputed } from './totals';
import {
  KEY_FIGURES,
  type AggregateUnit,
  type KeyFigure,
  type RosterEntry,
  type UnitLastYear,
  type UnitSource,
} from './types';

/**
 * A unit report as the 汇总 keeps it: identity, its own check results, its non-zero table cells and
 * its key figures. Built from a report (library, file or import) once, when it is added.
 */

const TABLE_KEY = /^(t2|t2_2019|t3|t4)\./;
const MAX_MESSAGES = 5;

/** The cells of last year's report that the checks across units compare with. */
export const LAST_YEAR_KEYS = [
  't3.new_received.total',
  't3.res_total.total',
  't3.carry_next.total',
  't4.review.total',
  't4.lit_direct.total',
  't4.lit_after_review.total',
  't3.carry_next.natural',
  't3.carry_next.commercial',
  't3.carry_next.research',
  't3.carry_next.public_interest',
  't3.carry_next.legal_service',
  't3.carry_next.other_org',
] as const;

const FIGURE_KEYS = [
  't3.new_received.total',
  't3.carried_over.total',
  't3.res_total.total',
  't3.carry_next.total',
  't4.review.total',
  't4.lit_direct.total',
  't4.lit_after_review.total',
];

/** Printed values when there are, else computed from the parts (an imported report may leave totals blank). */
function withComputed(report: Pick<Report, 'format' | 'cells'>, keys: readonly string[]): Cells {
  if (report.format === 'pre-2019') return report.cells;
  return printedOrComputed(report.cells, keys, templateFor(report.format));
}

export function keyFigures(report: Pick<Report, 'format' | 'cells'>): Record<KeyFigure, number | null> {
  const c = withComputed(report, FIGURE_KEYS);
  const v = (k: string) => (typeof c[k] === 'number' ? (c[k] as number) : null);
  const lit = [v('t4.lit_direct.total'), v('t4.lit_after_review.total')];
  const figures: Record<KeyFigure, number | null> = {
    new_received: v('t3.new_received.total'),
    carried_over: v('t3.carried_over.total'),
    res_total: v('t3.res_total.total'),
    carry_next: v('t3.carry_next.total'),
    review: v('t4.review.total'),
    litigation: lit.every((x) => x === null) ? null : (lit[0] ?? 0) + (lit[1] ?? 0),
  };
  for (const k of KEY_FIGURES) if (figures[k] !== null) figures[k] = Math.round(figures[k] * 1e6) / 1e6;
  return figures;
}

/** Last year's figures the checks need, from a report of that year. */
export function lastYearCells(report: Pick<Report, 'format' | 'cells'>): Cells {
  const c = withComputed(report, LAST_YEAR_KEYS);
  const out: Cells = {};
  for (const k of LAST_YEAR_KEYS) if (typeof c[k] === 'number') out[k] = c[k];
  return out;
}

/** FNV-1a over a string, as 8 hex digits: enough to tell a corrected report from the one before. */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export function unitFingerprint(u: Pick<AggregateUnit, 'agency' | 'year' | 'format' | 'cells'>): string {
  const keys = Object.keys(u.cells).sort();
  return hashText(`${u.agency}|${u.year}|${u.format}|${keys.map((k) => `${k}=${u.cells[k]}`).join(';')}`);
}

export interface UnitInput {
  report: Report;
  source: UnitSource;
  key: string;
  now: Date;
  /** The government report the unit is added to (its name decides 本级). */
  government: Pick<Report, 'agency'>;
  roster?: readonly RosterEntry[];
  /** Last year's report of the same unit, when known (library): enables its cross-year checks too. */
  last?: Report | null;
  importWarnings?: string[];
  /** Findings already computed (batch reading checks each report once). */
  findings?: Finding[];
}

const open = (f: Finding) => !f.dismissed;

/** 本级 when the name is the government's own (or its office's), or its roster entry is marked 本级. */
export function unitRole(
  agency: string,
  government: Pick<Report, 'agency'>,
  roster: readonly RosterEntry[] = [],
): AggregateUnit['role'] {
  const entry = findRosterEntry(roster, agency, placeNames(government.agency.name));
  const ownByRoster = entry >= 0 && roster[entry]!.own === true;
  return ownByRoster || isOwnName(agency, government.agency.name) ? 'own' : 'unit';
}

export function unitFromReport(input: UnitInput): AggregateUnit {
  const { report } = input;
  const lastReport = input.last && input.last.year === report.year - 1 ? input.last : null;
  let findings = input.findings;
  if (!findings) {
    try {
      findings = runChecks(report, { mode: report.meta?.source ? 'import' : 'editor', last: lastReport });
    } catch {
      findings = [];
    }
  }
  const counts = countBySeverity(findings);
  const cells: Cells = {};
  for (const [k, v] of Object.entries(report.cells))
    if (TABLE_KEY.test(k) && typeof v === 'number' && Number.isFinite(v) && v !== 0) cells[k] = v;
  const agency = report.agency.name.trim();
  let last: UnitLastYear | undefined;
  if (lastReport) last = { year: lastReport.year, from: 'library', cells: lastYearCells(lastReport) };
  else if (report.meta?.derivedFrom?.baseline && report.meta.derivedFrom.year === report.year - 1) {
    const b = report.meta.derivedFrom.baseline;
    const c: Cells = {};
    for (const k of LAST_YEAR_KEYS) if (typeof b[k] === 'number') c[k] = b[k];
    if (Object.keys(c).length) last = { year: report.meta.derivedFrom.year, from: 'baseline', cells: c };
  }
  const unit: AggregateUnit = {
    key: input.key,
    agency,
    kind: report.agency.kind,
    year: report.year,
    format: report.format,
    source: input.source,
    fingerprint: '',
    cells,
    figures: keyFigures(report),
    counts,
    errors: findings
      .filter((f) => open(f) && f.severity === 'error')
      .slice(0, MAX_MESSAGES)
      .map((f) => f.message),
    warnings: findings
      .filter((f) => open(f) && f.severity === 'warning')
      .slice(0, MAX_MESSAGES)
      .map((f) => f.message),
    ...(input.importWarnings?.length ? { importWarnings: input.importWarnings.slice(0, MAX_MESSAGES) } : {}),
    ...(last ? { last } : {}),
    role: unitRole(agency, input.government, input.roster),
    include: true,
    addedAt: input.now.toISOString(),
  };
  unit.fingerprint = unitFingerprint(unit);
  return unit;
}
