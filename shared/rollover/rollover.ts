import { formatForYear, T3_COLUMNS, templateFor } from '../../templates/index';
import { blankCells, newId, suggestTitle } from '../model/blank';
import { computeTotals } from '../model/totals';
import type { Block, Cells, Report } from '../model/types';
import { applyYearSuggestions, yearMentions } from './years';
import { rolloverAggregate } from '../aggregate/rollover';

/** Cells of last year's report that this year's builds on: 上年结转 and the in-force chain. */
export const BASELINE_KEYS = [
  ...T3_COLUMNS.map((c) => `t3.carry_next.${c.key}`),
  't2.regulations.in_force',
  't2.normative_docs.in_force',
];

export interface RolloverOptions {
  /** Year of the new report; last year + 1 unless given. */
  year?: number;
  /** A new name when the agency was renamed. */
  agency?: string;
  now?: Date;
}

export interface RolloverResult {
  report: Report;
  /** Things the clerk should know (Chinese), e.g. a skipped year. */
  notes: string[];
}

export class RolloverError extends Error {}

/**
 * Makes this year's report from last year's: same agency and narrative (every paragraph marked
 * 沿用上年，待核改 until edited or confirmed), tables blank except 上年结转 (= last year's 结转下年度继续办理),
 * last year's figures kept as the baseline of the cross-year checks, signature date cleared, status 草稿.
 */
export function rolloverReport(last: Report, options: RolloverOptions = {}): RolloverResult {
  const year = options.year ?? last.year + 1;
  if (!Number.isInteger(year) || year <= last.year) {
    throw new RolloverError(`新报告的年度（${year}）应晚于上年报告的年度（${last.year}）。`);
  }
  const notes: string[] = [];
  if (year !== last.year + 1) {
    notes.push(
      `上年报告是${last.year}年度的，新报告是${year}年度，中间隔了${year - last.year - 1}年：“上年结转”仍取自${last.year}年度报告，请核对。`,
    );
  }
  const format = formatForYear(year);
  if (format !== last.format) {
    notes.push(
      `${year}年度报告使用${format === 'gov-2021' ? '2021年版' : format === 'gov-2019' ? '2019年版' : '2019年以前的'}格式，与上年不同，表格已按新格式建立。`,
    );
  }
  const now = (options.now ?? new Date()).toISOString();
  const agencyName = (options.agency ?? last.agency.name).trim();

  const cells: Cells = blankCells(format);
  if (format !== 'pre-2019') {
    for (const col of T3_COLUMNS) {
      const carried = last.cells[`t3.carry_next.${col.key}`];
      if (`t3.carried_over.${col.key}` in cells && typeof carried === 'number')
        cells[`t3.carried_over.${col.key}`] = carried;
    }
  }
  const baseline: Cells = {};
  for (const key of BASELINE_KEYS) if (key in last.cells) baseline[key] = last.cells[key] ?? null;

  const carryBlock = (b: Block): Block =>
    b.type === 'paragraph' && b.text.trim() ? { ...b, carried: true } : { ...b };

  const titleWasSuggested = last.title.trim() === suggestTitle(last.agency.name, last.year);
  const moveYears = (text: string) => applyYearSuggestions(text, yearMentions(text, last.year, year));

  const report: Report = {
    ...last,
    schemaVersion: last.schemaVersion,
    format,
    year,
    agency: { ...last.agency, name: agencyName },
    title: titleWasSuggested || options.agency ? suggestTitle(agencyName, year) : moveYears(last.title),
    // The preamble is formula text (statistics period, contact): its years move with the report.
    preamble: last.preamble ? moveYears(last.preamble) : '',
    sections: last.sections.map((s) => ({ ...s, blocks: s.blocks.map(carryBlock) })),
    cells: format === 'pre-2019' ? cells : computeTotals(cells, templateFor(format)),
    signature: { ...last.signature, name: options.agency ? agencyName : last.signature.name, date: '' },
    meta: {
      id: newId(),
      status: 'draft',
      createdAt: now,
      updatedAt: now,
      derivedFrom: { id: last.meta.id, year: last.year, title: last.title, agency: last.agency.name, baseline },
    },
  };
  // 汇总: the roster goes on, the units' figures only as last year's (shared/aggregate/rollover.ts).
  const aggregate = rolloverAggregate(last);
  if (aggregate) report.aggregate = aggregate;
  else delete report.aggregate;
  return { report, notes };
}

/**
 * A stand-in for last year's report built from the baseline kept at rollover, for the
 * cross-year checks when the full report is not at hand (e.g. rolled over from a file).
 */
export function baselineAsLastReport(report: Report): Report | null {
  const from = report.meta.derivedFrom;
  if (!from?.baseline) return null;
  return {
    ...report,
    year: from.year,
    title: from.title ?? '',
    agency: { ...report.agency, name: from.agency ?? report.agency.name },
    sections: report.sections.map((s) => ({ ...s, blocks: [] })),
    cells: { ...from.baseline },
    meta: { ...report.meta, id: from.id, derivedFrom: undefined, dismissals: [] },
  };
}
