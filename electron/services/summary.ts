import { countBySeverity, runChecks } from '../../shared/checks/engine';
import type { Report } from '../../shared/model/types';
import type { ReportSummary } from '../../shared/service/api';

/** What the library lists for a report; the counts are the editor-mode checks without last year's report. */
export function summarize(report: Report, id = report.meta.id): ReportSummary {
  let errors = 0;
  let warnings = 0;
  try {
    const counts = countBySeverity(runChecks(report, { mode: 'editor' }));
    errors = counts.error;
    warnings = counts.warning;
  } catch {
    // A rule that trips over an odd report must not hide the report from the library.
  }
  const summary: ReportSummary = {
    id,
    agency: report.agency.name,
    agencyKind: report.agency.kind,
    year: report.year,
    format: report.format,
    title: report.title,
    status: report.meta.status,
    updatedAt: report.meta.updatedAt,
    errors,
    warnings,
  };
  if (report.meta.derivedFrom?.id) summary.derivedFrom = report.meta.derivedFrom.id;
  return summary;
}
