import { SERIES_LABELS, type YearFigures } from '../../../shared/rollover/series';

/** The year-over-year figures of an agency for the chart and its table. */

export type SeriesKey = keyof typeof SERIES_LABELS;

export const SERIES_KEYS = Object.keys(SERIES_LABELS) as SeriesKey[];

/** Legend names: the long 未予公开（不予公开、无法提供…） keeps its words for the table header. */
export const shortLabel = (key: SeriesKey): string => SERIES_LABELS[key].replace(/（.*）$/, '');

/**
 * One point per year: `later` lists win over earlier ones for the same year (the report open in
 * the editor, with its unsaved edits, over its saved copy; the agency's current name over its old one).
 */
export function mergeYears(...lists: YearFigures[][]): YearFigures[] {
  const byYear = new Map<number, YearFigures>();
  for (const list of lists) for (const f of list) byYear.set(f.year, f);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** Whether a year has any figure at all (a year left blank draws no point). */
export const hasFigures = (f: YearFigures): boolean => SERIES_KEYS.some((k) => f[k] !== null);

/** A sentence for screen readers describing the chart (the table below has every figure). */
export function chartSummary(agency: string, years: YearFigures[]): string {
  if (!years.length) return `${agency}在年报库中没有可以比较的年度。`;
  const first = years[0]!.year;
  const last = years[years.length - 1]!.year;
  const span = first === last ? `${first}年度` : `${first}至${last}年度`;
  const received = years.map((y) => (y.received === null ? '未填' : `${y.year}年${y.received}件`)).join('，');
  return `${agency}${span}主要数字折线图。本年新收申请：${received}。各项数字见下表。`;
}
