import {
  summaryCsv as csv,
  summaryHtml as html,
  summaryReport,
  type SummaryInfo,
  type SummaryRow,
} from '../../../shared/import/batch-summary';
import type { BatchItem } from './batch';

/**
 * `nianbao batch --html/--csv`: the batch's items as the shared summary's rows
 * (shared/import/batch-summary.ts builds the page and the CSV, for the app's 批量检查 too).
 */

export type { SummaryInfo };

export function summaryRow(item: BatchItem): SummaryRow {
  const loaded = item.loaded;
  return {
    file: item.file,
    error: item.error,
    ...(loaded
      ? {
          report: summaryReport(loaded.report),
          kind: loaded.imported?.kind ?? 'report',
          confidence: loaded.imported?.confidence,
          warnings: loaded.warnings,
        }
      : {}),
    findings: item.findings,
    counts: item.counts,
    withLast: item.withLast,
  };
}

export const summaryHtml = (items: BatchItem[], info: SummaryInfo): string => html(items.map(summaryRow), info);

/** One row per file; UTF-8 with BOM and CRLF so that Excel and WPS show the Chinese correctly. */
export const summaryCsv = (items: BatchItem[]): string => csv(items.map(summaryRow));
