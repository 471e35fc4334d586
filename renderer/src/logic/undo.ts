import type { Block, Cells, Report } from '../../../shared/model/types';
import type { SectionId } from '../../../templates/types';

/**
 * Undo history of the editor. A step records what it changed (cell values, or the blocks of a
 * section) before and after, never a whole report: undoing a cell edit must not take back the text
 * typed since. Typing inside a text box is left to the text box's own undo.
 */

export interface UndoStep {
  /** Shown in the undo button's tooltip, e.g. 粘贴 12 个单元格. */
  label: string;
  cells?: { before: Cells; after: Cells };
  blocks?: { section: SectionId; before: Block[]; after: Block[] };
  /** Top-level fields replaced by a button (使用建议标题, 插入常用开头). */
  top?: { before: Partial<Report>; after: Partial<Report> };
}

export interface UndoHistory {
  past: UndoStep[];
  future: UndoStep[];
}

export const EMPTY_HISTORY: UndoHistory = { past: [], future: [] };

const LIMIT = 200;

/** Records a step; a new step clears the redo list. Steps that change nothing are not recorded. */
export function record(history: UndoHistory, step: UndoStep): UndoHistory {
  if (isEmpty(step)) return history;
  const past = [...history.past, step];
  if (past.length > LIMIT) past.splice(0, past.length - LIMIT);
  return { past, future: [] };
}

function isEmpty(step: UndoStep): boolean {
  const cellsChanged =
    step.cells &&
    Object.keys(step.cells.after).some((k) => (step.cells!.before[k] ?? null) !== (step.cells!.after[k] ?? null));
  const blocksChanged = step.blocks && step.blocks.before !== step.blocks.after;
  const topChanged = step.top && Object.keys(step.top.after).some((k) => step.top!.before[k] !== step.top!.after[k]);
  return !cellsChanged && !blocksChanged && !topChanged;
}

function applySide(report: Report, step: UndoStep, side: 'before' | 'after'): Report {
  let next = report;
  if (step.cells) next = { ...next, cells: { ...next.cells, ...step.cells[side] } };
  if (step.top) next = { ...next, ...step.top[side] };
  if (step.blocks) {
    const { section } = step.blocks;
    const blocks = step.blocks[side];
    next = { ...next, sections: next.sections.map((s) => (s.id === section ? { ...s, blocks } : s)) };
  }
  return next;
}

export function undo(
  history: UndoHistory,
  report: Report,
): { history: UndoHistory; report: Report; step: UndoStep } | null {
  const step = history.past[history.past.length - 1];
  if (!step) return null;
  return {
    history: { past: history.past.slice(0, -1), future: [step, ...history.future] },
    report: applySide(report, step, 'before'),
    step,
  };
}

export function redo(
  history: UndoHistory,
  report: Report,
): { history: UndoHistory; report: Report; step: UndoStep } | null {
  const step = history.future[0];
  if (!step) return null;
  return {
    history: { past: [...history.past, step], future: history.future.slice(1) },
    report: applySide(report, step, 'after'),
    step,
  };
}

/** The before/after pair of a cell patch, read from the cells it is applied to. */
export function cellStep(label: string, cells: Cells, patch: Cells): UndoStep {
  const before: Cells = {};
  for (const key of Object.keys(patch)) before[key] = cells[key] ?? null;
  return { label, cells: { before, after: { ...patch } } };
}

/** The before/after pair of top-level fields replaced at once. */
export function topStep(label: string, report: Report, patch: Partial<Report>): UndoStep {
  const before: Partial<Report> = {};
  for (const key of Object.keys(patch)) (before as Record<string, unknown>)[key] = report[key];
  return { label, top: { before, after: { ...patch } } };
}
