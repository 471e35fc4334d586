import type { TableId } from '../../templates/types';
import { templateFor } from '../../templates/index';
import type { Report } from '../model/types';
import { buildLayout } from './layout';
import { countBySeverity } from './engine';
import type { CheckMode, Finding } from './types';

/**
 * The one count of a report's check results that every screen shows (the library row, the editor's
 * status bar, the comparison view, the import preview and the batch summary): the findings nobody
 * dismissed, by severity, and the blank cells. Screens that count for themselves drift apart (a
 * total counted or not, a dismissed finding counted or not); they all call this instead.
 */

export interface CheckTally {
  error: number;
  warning: number;
  info: number;
  /** Dismissed findings (listed apart, not in the counts above). */
  dismissed: number;
  /** Blank cells of the three tables (see `blankCells`). */
  blankCells: number;
  blankByTable: Record<TableId, number>;
}

const NO_BLANKS: Record<TableId, number> = { t2: 0, t3: 0, t4: 0 };

/**
 * The cells of each table left blank. In the editor a total is computed from its parts, so a blank
 * total is not a cell to fill in and is not counted; a published (imported) report is counted as it
 * was printed, totals included. Reports of the format before 2019 have no tables: nothing is blank.
 */
export function blankCells(report: Report, mode: CheckMode): Record<TableId, number> {
  if (report.format === 'pre-2019') return { ...NO_BLANKS };
  const cells = report.cells && typeof report.cells === 'object' ? report.cells : {};
  const layout = buildLayout(templateFor(report.format), cells);
  const out = { ...NO_BLANKS };
  for (const table of ['t2', 't3', 't4'] as const) {
    const keys = layout.tableKeys[table];
    // Indexed, not for…of: counted on every keystroke, and the iterator's result objects were most
    // of the garbage this left.
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const v = cells[key];
      if (v !== null && v !== undefined) continue;
      if (mode === 'editor' && layout.totalParts.has(key)) continue;
      out[table]++;
    }
  }
  return out;
}

/** `findings` must be `runChecks(report, { mode, last })` of the same report. */
export function tallyChecks(report: Report, findings: readonly Finding[], mode: CheckMode): CheckTally {
  const bySeverity = countBySeverity(findings as Finding[]);
  const dismissed = findings.filter((f) => f.dismissed).length;
  const blankByTable = blankCells(report, mode);
  return { ...bySeverity, dismissed, blankByTable, blankCells: blankByTable.t2 + blankByTable.t3 + blankByTable.t4 };
}
