import type { TemplateDef } from '../../templates/types';
import { templateFor } from '../../templates/index';
import type { Cells, Report } from '../model/types';
import type { CheckMode, CheckOptions } from './types';

/** What every rule gets: the report, its template, options, and lazily shared derived data. */
export interface CheckContext {
  report: Report;
  template: TemplateDef | null;
  cells: Cells;
  last: Report | null;
  mode: CheckMode;
  now: Date;
  /** Value of a cell as a number, or null when blank or not a number. */
  num(key: string): number | null;
}

export function createContext(report: Report, options: CheckOptions): CheckContext {
  const cells = report.cells ?? {};
  return {
    report,
    template: report.format === 'pre-2019' ? null : templateFor(report.format),
    cells,
    last: options.last ?? null,
    mode: options.mode ?? 'editor',
    now: options.now ?? new Date(),
    num(key) {
      const v = cells[key];
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    },
  };
}
