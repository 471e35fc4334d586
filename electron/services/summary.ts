import { runChecks } from '../../shared/checks/engine';
import { tallyChecks } from '../../shared/checks/tally';
import type { Report } from '../../shared/model/types';
import type { ReportSummary } from '../../shared/service/api';

/**
 * What the library lists for a report. The check counts are the editor's, with last year's report
 * as the editor finds it (shared/rollover/last-year.ts), and counted by `tallyChecks` as every screen
 * counts them; they are filled in by the listing (library/scan.ts), which knows last year's report.
 */
export function describe(report: Report, id = report.meta.id): ReportSummary {
  const summary: ReportSummary = {
    id,
    agency: report.agency.name,
    agencyKind: report.agency.kind,
    year: report.year,
    format: report.format,
    title: report.title,
    status: report.meta.status,
    updatedAt: report.meta.updatedAt,
    errors: 0,
    warnings: 0,
    infos: 0,
    blankCells: 0,
  };
  if (report.meta.derivedFrom?.id) summary.derivedFrom = report.meta.derivedFrom.id;
  if (report.meta.sample === true) summary.sample = true;
  return summary;
}

export type SummaryCounts = Pick<ReportSummary, 'errors' | 'warnings' | 'infos' | 'blankCells'>;

export function countChecks(report: Report, last: Report | null): SummaryCounts {
  try {
    const t = tallyChecks(report, runChecks(report, { last, mode: 'editor' }), 'editor');
    return { errors: t.error, warnings: t.warning, infos: t.info, blankCells: t.blankCells };
  } catch {
    // A rule that trips over an odd report must not hide the report from the library.
    return { errors: 0, warnings: 0, infos: 0, blankCells: 0 };
  }
}
