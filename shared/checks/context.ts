import type { TemplateDef } from '../../templates/types';
import { templateFor } from '../../templates/index';
import type { Cells, Report } from '../model/types';
import type { CheckMode, CheckOptions } from './types';
import { buildLayout, type Layout } from './layout';
import { collectBlocks, type TextBlock } from './text/blocks';
import { analyzeText, type TextAnalysis } from './text/claims';
import { slotMemo } from './text/cache';
import type { NormalizedText } from './text/normalize';

/** What every rule gets: the report, its template, options, and lazily shared derived data. */
export interface CheckContext {
  report: Report;
  template: TemplateDef | null;
  cells: Cells;
  /** Last year's report, only when it really is the year before (cross-year rules). */
  last: Report | null;
  mode: CheckMode;
  now: Date;
  /** Value of a cell as a number, or null when blank or not a number. */
  num(key: string): number | null;
  /** Sum of the filled cells, null when all are blank. */
  sum(keys: readonly string[]): number | null;
  /** The table layout in use (legacy （六） row resolved); null for pre-2019 reports. */
  readonly layout: Layout | null;
  /** Every text of the report, normalised once. */
  readonly blocks: TextBlock[];
  /** Figure claims and statements per block (same order as `blocks`). */
  readonly analysis: TextAnalysis[];
  /** Texts of last year's report (null without `last`). */
  readonly lastBlocks: TextBlock[] | null;
}

// Claims depend on the year (2023年结转 is 上年结转 only in a 2024 report): memoised per text object and year.
const analyses = slotMemo<NormalizedText, { year: number; analysis: TextAnalysis }[]>();
const NONE: TextAnalysis = { claims: [], statements: [] };

function analysisOf(block: TextBlock, year: number): TextAnalysis {
  if (block.kind === 'title' || block.kind === 'signature' || !block.norm.text) return NONE;
  const byYear = analyses(block.norm, () => []);
  for (const e of byYear) if (e.year === year) return e.analysis;
  const analysis = analyzeText(block.norm.text, year);
  byYear.push({ year, analysis });
  return analysis;
}

function lazy<T>(make: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = make();
      done = true;
    }
    return value;
  };
}

export function createContext(report: Report, options: CheckOptions): CheckContext {
  const cells: Cells = report.cells && typeof report.cells === 'object' ? report.cells : {};
  const year = Number.isInteger(report.year) ? report.year : 0;
  const last = options.last && options.last.year === year - 1 ? options.last : null;
  const template = report.format === 'pre-2019' ? null : templateFor(report.format);
  const num = (key: string) => {
    const v = cells[key];
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  };
  const layout = lazy(() => (template ? buildLayout(template, cells) : null));
  const blocks = lazy(() => collectBlocks(report));
  const analysis = lazy(() => blocks().map((b) => analysisOf(b, year)));
  const lastBlocks = lazy(() => (last ? collectBlocks(last) : null));
  return {
    report,
    template,
    cells,
    last,
    mode: options.mode ?? 'editor',
    now: options.now ?? new Date(),
    num,
    sum(keys) {
      let total = 0;
      let any = false;
      // Indexed, not for…of: this runs hundreds of times per keystroke in the editor, and the
      // for…of iterator's result objects were a large part of the garbage each keystroke left.
      for (let i = 0; i < keys.length; i++) {
        const v = num(keys[i]!);
        if (v !== null) {
          total += v;
          any = true;
        }
      }
      return any ? Math.round(total * 1e6) / 1e6 : null;
    },
    get layout() {
      return layout();
    },
    get blocks() {
      return blocks();
    },
    get analysis() {
      return analysis();
    },
    get lastBlocks() {
      return lastBlocks();
    },
  };
}
