import type { ReportSummary } from '../../../shared/service/api';

/** The list's sortable columns and the order a header click asks for (as antd's tables cycle). */
export type SortKey = 'agency' | 'year' | 'updatedAt';
export type SortOrder = 'ascend' | 'descend';
export interface ListSort {
  key: SortKey;
  order: SortOrder;
}

/** Chinese collation, as `localeCompare(b, 'zh-CN')` but made once (2,000 reports sort several times faster). */
export const compareChinese = new Intl.Collator('zh-CN').compare;

const COMPARE: Record<SortKey, (a: ReportSummary, b: ReportSummary) => number> = {
  agency: (a, b) => compareChinese(a.agency, b.agency),
  year: (a, b) => a.year - b.year,
  updatedAt: (a, b) => a.updatedAt.localeCompare(b.updatedAt),
};

/** Every report in the order asked for; ties keep the order given (newest year first, then agency). */
export function sortReports(reports: ReportSummary[], sort: ListSort | null): ReportSummary[] {
  if (!sort) return reports;
  const compare = COMPARE[sort.key];
  const sign = sort.order === 'ascend' ? 1 : -1;
  return [...reports].sort((a, b) => sign * compare(a, b));
}

/** A click on a header: ascending, then descending, then the list's own order again. */
export function nextSort(current: ListSort | null, key: SortKey): ListSort | null {
  if (current?.key !== key) return { key, order: 'ascend' };
  return current.order === 'ascend' ? { key, order: 'descend' } : null;
}
