import { runChecks } from '../../../shared/checks/engine';
import { tallyChecks } from '../../../shared/checks/tally';
import type { Finding } from '../../../shared/checks/types';
import type { Report } from '../../../shared/model/types';
import type { ImportPreview } from '../../../shared/service/api';
import { notReportOf } from '../../../shared/import/not-report';
import {
  bySeverity as sharedBySeverity,
  csvCell,
  duplicateNote,
  summaryCounts as sharedSummaryCounts,
  summaryCsv as sharedSummaryCsv,
  summaryHtml as sharedSummaryHtml,
  summaryReport,
  verdictOf as sharedVerdictOf,
  VERDICT_LABELS,
  type SummaryRow,
  type Verdict,
} from '../../../shared/import/batch-summary';

/**
 * 批量检查 without the UI: bounded concurrency, checks (with last year's report of the same
 * agency when the batch holds it), the order by severity, and the CSV / HTML summaries.
 */

export interface BatchRow {
  /** Position in the batch (stable key). */
  index: number;
  fileName: string;
  size: number;
  state: 'waiting' | 'reading' | 'done' | 'failed';
  preview?: ImportPreview;
  /** Why the file could not be read (Chinese). */
  error?: string;
  findings: Finding[];
  counts: { error: number; warning: number; info: number };
  /** File name of last year's report used for the cross-year checks. */
  withLast?: string;
  /** Its row (the preview of this file checks against the same report). */
  lastIndex?: number;
  /** File name of an earlier file of the batch that is the same report (same agency and year). */
  duplicateOf?: string;
}

/** Runs `task` over `items` with at most `limit` at a time; stops taking new items once `stopped()`. */
export async function pool<T>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<void>,
  stopped: () => boolean = () => false,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !stopped()) {
      const i = next++;
      await task(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

const agencyKey = (r: Report) => r.agency.name.replace(/\s+/g, '');
/** “洪泽区人民政府” and “淮安市洪泽区人民政府” are the same agency, with and without its city. */
const sameAgency = (a: string, b: string) =>
  a === b || (Math.min(a.length, b.length) >= 4 && (a.endsWith(b) || b.endsWith(a)));

/**
 * The same report given twice (the .pdf and the .txt of one publication, a copy in two folders): a
 * later file of the same agency and year as an earlier one. Not dropped — the supervisor sees both
 * and the note — but said, so that one report is not taken for two.
 */
export function duplicateOf(row: BatchRow, rows: readonly BatchRow[]): BatchRow | undefined {
  const report = row.preview?.report;
  if (!report || notReportOf(report)) return undefined;
  const key = agencyKey(report);
  if (!key) return undefined;
  return rows.find(
    (o) =>
      o.index < row.index &&
      o.preview &&
      !notReportOf(o.preview.report) &&
      o.preview.report.year === report.year &&
      sameAgency(agencyKey(o.preview.report), key),
  );
}

export { duplicateNote };

/** Checks every read report; pairs each with last year's report of the same agency in the batch. */
export function checkRows(rows: BatchRow[], now?: Date): BatchRow[] {
  const read = rows.filter((r) => r.preview);
  return rows.map((row) => {
    const twin = duplicateOf(row, read);
    if (twin) row = { ...row, duplicateOf: twin.fileName };
    const report = row.preview?.report;
    if (!report) return row;
    const key = agencyKey(report);
    const last = key
      ? read.find(
          (o) =>
            o !== row && o.preview!.report.year === report.year - 1 && sameAgency(agencyKey(o.preview!.report), key),
        )
      : undefined;
    try {
      const findings = runChecks(report, {
        last: last?.preview?.report ?? null,
        mode: 'import',
        ...(now ? { now } : {}),
      });
      const t = tallyChecks(report, findings, 'import');
      return {
        ...row,
        findings,
        counts: { error: t.error, warning: t.warning, info: t.info },
        ...(last ? { withLast: last.fileName, lastIndex: last.index } : {}),
      };
    } catch (e) {
      return {
        ...row,
        state: 'failed',
        error: `${row.fileName}：检查时出错（${e instanceof Error ? e.message : String(e)}）。`,
        findings: [],
        counts: { error: 0, warning: 0, info: 0 },
      };
    }
  });
}

export type { Verdict };
export { VERDICT_LABELS, csvCell };

/** The row as the shared summary (and its order by severity) sees it. */
export function summaryRow(row: BatchRow): SummaryRow {
  const p = row.preview;
  return {
    file: row.fileName,
    ...(row.state === 'failed' ? { error: row.error ?? '' } : {}),
    ...(row.state === 'waiting' || row.state === 'reading' ? { pending: true } : {}),
    ...(p ? { report: summaryReport(p.report), kind: p.kind, confidence: p.confidence, warnings: p.warnings } : {}),
    ...(row.duplicateOf ? { duplicateOf: row.duplicateOf } : {}),
    findings: row.findings,
    counts: row.counts,
    withLast: row.withLast,
  };
}

/** Unreadable, error, warning, clean; `pending` while waiting or reading (or once stopped). */
export function verdictOf(row: BatchRow): Verdict {
  return sharedVerdictOf(summaryRow(row));
}

/** Most urgent first: unreadable files, then errors, then warnings, then clean reports. */
export function bySeverity(a: BatchRow, b: BatchRow): number {
  return sharedBySeverity(summaryRow(a), summaryRow(b));
}

export function summaryCounts(rows: readonly BatchRow[]): Record<Verdict, number> {
  return sharedSummaryCounts(rows.map(summaryRow));
}

/** One row per file; UTF-8 with BOM and CRLF (shared/import/batch-summary.ts). */
export function summaryCsv(rows: readonly BatchRow[]): string {
  return sharedSummaryCsv(rows.map(summaryRow));
}

/** A standalone page (no scripts, no external files, prints on A4); shared/import/batch-summary.ts. */
export function summaryHtml(rows: readonly BatchRow[], at: Date): string {
  return sharedSummaryHtml(rows.map(summaryRow), { at });
}
