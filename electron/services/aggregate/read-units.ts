import { newId } from '../../../shared/model/blank';
import type { Report } from '../../../shared/model/types';
import {
  NameIndex,
  placeNames,
  unitFromReport,
  type AggregateUnit,
  type RosterEntry,
  type UnitSource,
} from '../../../shared/aggregate/index';
import type { Finding } from '../../../shared/checks/types';
import type { ReportSummary } from '../../../shared/service/api';

/**
 * Unit reports into 汇总 units, with last year's report of the same unit from the library when it
 * is there (its carry-over and its own cross-year checks need it). Shared by the service (library
 * and files) and the CLI (files and folders).
 */

export interface GovernmentRef {
  agency: string;
  year: number;
  roster?: RosterEntry[];
}

/** Finds last year's report of a unit among the library's summaries (same name under the government). */
export function lastYearFinder(
  summaries: readonly ReportSummary[],
  government: GovernmentRef,
  load: (id: string) => Promise<Report | null>,
): ((report: Report) => Promise<Report | null>) & { idOf(agency: string, year: number): string | null } {
  const places = placeNames(government.agency);
  const byYear = new Map<number, NameIndex<ReportSummary>>();
  for (const s of summaries) {
    if (s.sample) continue; // the app's sample report is nobody's last year
    let index = byYear.get(s.year);
    if (!index) byYear.set(s.year, (index = new NameIndex(places)));
    index.add(s.agency, s);
  }
  /** The id of the library report of the year before of a unit so named, if exactly one matches. */
  const idOf = (agency: string, year: number): string | null => {
    const found = byYear.get(year - 1)?.find(agency);
    if (!found || found.score !== 2 || found.values.length !== 1) return null; // none, or ambiguous: no guess
    return found.values[0]!.id;
  };
  const find = async (report: Report) => {
    const id = idOf(report.agency.name, report.year);
    return id ? load(id).catch(() => null) : null;
  };
  return Object.assign(find, { idOf });
}

export interface UnitExtra {
  last?: Report | null;
  importWarnings?: string[];
  findings?: Finding[];
  now?: Date;
}

/** One report to turn into a unit in an import worker (plain data: it crosses the thread boundary). */
export interface UnitJob {
  report: Report;
  source: UnitSource;
  government: GovernmentRef;
  extra: UnitExtra;
}

export function toUnit(
  report: Report,
  source: UnitSource,
  government: GovernmentRef,
  extra: UnitExtra = {},
): AggregateUnit {
  return unitFromReport({
    report,
    source,
    key: newId(),
    now: extra.now ?? new Date(),
    government: { agency: { name: government.agency, kind: 'government' } },
    ...(government.roster ? { roster: government.roster } : {}),
    ...(extra.last !== undefined ? { last: extra.last } : {}),
    ...(extra.importWarnings ? { importWarnings: extra.importWarnings } : {}),
    ...(extra.findings ? { findings: extra.findings } : {}),
  });
}
