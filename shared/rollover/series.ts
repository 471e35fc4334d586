import type { Report } from '../model/types';

/** The main figures of one report year, for the year-over-year chart. */
export interface YearFigures {
  year: number;
  reportId: string;
  /** 本年新收申请 */
  received: number | null;
  /** 予以公开 */
  opened: number | null;
  /** 部分公开 */
  partial: number | null;
  /** 不予公开、无法提供、不予处理、其他处理 together */
  notOpened: number | null;
  /** 行政复议 */
  reviews: number | null;
  /** 行政诉讼 (未经复议直接起诉 + 复议后起诉) */
  suits: number | null;
}

export const SERIES_LABELS: Record<Exclude<keyof YearFigures, 'year' | 'reportId'>, string> = {
  received: '本年新收申请',
  opened: '予以公开',
  partial: '部分公开',
  notOpened: '未予公开（不予公开、无法提供、不予处理、其他处理）',
  reviews: '行政复议',
  suits: '行政诉讼',
};

const num = (r: Report, key: string): number | null => {
  const v = r.cells[key];
  return typeof v === 'number' ? v : null;
};

const add = (...xs: (number | null)[]): number | null =>
  xs.every((x) => x === null) ? null : xs.reduce<number>((s, x) => s + (x ?? 0), 0);

export function yearFigures(r: Report): YearFigures {
  const total = num(r, 't3.res_total.total');
  const opened = num(r, 't3.res_open.total');
  const partial = num(r, 't3.res_partial.total');
  return {
    year: r.year,
    reportId: r.meta.id,
    received: num(r, 't3.new_received.total'),
    opened,
    partial,
    notOpened: total === null ? null : total - (opened ?? 0) - (partial ?? 0),
    reviews: num(r, 't4.review.total'),
    suits: add(num(r, 't4.lit_direct.total'), num(r, 't4.lit_after_review.total')),
  };
}

/**
 * One point per year for an agency's reports (the most recently updated report wins when there
 * are several for a year), in year order.
 */
export function agencySeries(reports: Report[], agency: string): YearFigures[] {
  const byYear = new Map<number, Report>();
  for (const r of reports) {
    if (r.agency.name.trim() !== agency.trim()) continue;
    const seen = byYear.get(r.year);
    if (!seen || seen.meta.updatedAt < r.meta.updatedAt) byYear.set(r.year, r);
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year).map(yearFigures);
}
