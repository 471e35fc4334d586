import type { Report } from '../model/types';

/**
 * Which report is “last year's” for a report of the library — for the cross-year checks, the
 * comparison view and the counts the library lists, so that they all agree: the report this one was
 * made from (while it is in the library), else the figures kept from it at rollover, else the same
 * agency's report of the year before (the most recently edited when there are several). The app's
 * sample report is never anyone's last year, and has none itself.
 */

export interface LastYearCandidate {
  id: string;
  agency: string;
  year: number;
  updatedAt: string;
  sample?: boolean;
}

export type LastYearChoice = { kind: 'report'; id: string } | { kind: 'baseline' } | null;

/** What of a report decides its last year's. */
export interface LastYearNeeds {
  id: string;
  agency: string;
  year: number;
  derivedFromId?: string;
  /** The report keeps last year's figures (meta.derivedFrom.baseline). */
  hasBaseline: boolean;
  sample?: boolean;
}

export function lastYearNeeds(report: Report, id = report.meta.id): LastYearNeeds {
  const from = report.meta.derivedFrom;
  return {
    id,
    agency: report.agency.name,
    year: report.year,
    ...(from?.id ? { derivedFromId: from.id } : {}),
    hasBaseline: !!from?.baseline,
    ...(report.meta.sample === true ? { sample: true } : {}),
  };
}

export function chooseLastYear(report: LastYearNeeds, library: readonly LastYearCandidate[]): LastYearChoice {
  if (report.sample) return null;
  if (report.derivedFromId) {
    const linked = library.find((r) => r.id === report.derivedFromId && !r.sample && r.id !== report.id);
    if (linked) return { kind: 'report', id: linked.id };
  }
  if (report.hasBaseline) return { kind: 'baseline' };
  const agency = report.agency.trim();
  if (!agency) return null;
  let best: LastYearCandidate | undefined;
  for (const r of library) {
    if (r.id === report.id || r.sample || r.year !== report.year - 1 || r.agency.trim() !== agency) continue;
    if (!best || r.updatedAt > best.updatedAt) best = r;
  }
  return best ? { kind: 'report', id: best.id } : null;
}
