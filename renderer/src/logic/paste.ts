import type { TemplateDef } from '../../../templates/types';
import type { Cells, CellValue } from '../../../shared/model/types';
import { parseCellInput } from '../../../shared/model/format';
import { computeTotals } from '../../../shared/model/totals';
import { dataRowIndexesFrom, type GridLayout } from './grid-layout';

/**
 * Where a pasted block lands: line i on the i-th data row from the focused cell down, value j on
 * the j-th data cell of that row from the focused column rightwards. Positions are kept (a value
 * is never shifted to a neighbour): a value that falls on a computed 总计 cell is skipped, a
 * value that is not a valid number is refused with parseCellInput's message, and every other
 * cell receives its value. A leading column of row names or a heading line copied along with the
 * numbers is recognised and left out.
 */

export interface PasteRefusal {
  key: string;
  label: string;
  text: string;
  message: string;
}

export interface SkippedTotal {
  key: string;
  label: string;
  text: string;
  /** The computed value after the paste; differs from `text` when the copied total was wrong. */
  computed: CellValue;
}

export interface PastePlan {
  /** New values of the editable cells that change. */
  patch: Cells;
  /** Cells written (including those whose value stays the same). */
  written: number;
  refused: PasteRefusal[];
  skippedTotals: SkippedTotal[];
  /** Values that fall outside the table. */
  outside: number;
  /** What was recognised and left out: 'labels' (first column), 'heading' (first line). */
  dropped: ('labels' | 'heading')[];
}

const isNumeric = (v: string) => /^[-－]?[0-9０-９][0-9０-９,，]*([.．][0-9０-９]+)?$/.test(v.trim());

function dropLabels(rows: string[][]): { rows: string[][]; dropped: PastePlan['dropped'] } {
  const dropped: PastePlan['dropped'] = [];
  let out = rows;
  // Row names and column headings of these tables are Chinese: plain letters are a typing error, not a label.
  const textOnly = (cells: string[]) =>
    cells.some((v) => v.trim() !== '') &&
    cells.every((v) => v.trim() === '' || (!isNumeric(v) && /[\u4e00-\u9fff]/.test(v)));
  const hasNumber = (block: string[][]) => block.some((r) => r.some(isNumeric));
  if (out.length > 1 && textOnly(out[0]!) && hasNumber(out.slice(1))) {
    out = out.slice(1);
    dropped.push('heading');
  }
  const width = Math.max(0, ...out.map((r) => r.length));
  if (width > 1) {
    const first = out.map((r) => r[0] ?? '');
    const rest = out.map((r) => r.slice(1));
    if (textOnly(first) && hasNumber(rest)) {
      out = rest;
      dropped.push('labels');
    }
  }
  return { rows: out, dropped };
}

export function planPaste(
  layout: GridLayout,
  template: TemplateDef,
  cells: Cells,
  startKey: string,
  block: string[][],
): PastePlan {
  const start = layout.byKey.get(startKey);
  const plan: PastePlan = { patch: {}, written: 0, refused: [], skippedTotals: [], outside: 0, dropped: [] };
  if (!start) return plan;
  const { rows, dropped } = dropLabels(block);
  plan.dropped = dropped;
  const targetRows = dataRowIndexesFrom(layout, start.r);
  const pendingTotals: { key: string; label: string; text: string }[] = [];

  rows.forEach((line, i) => {
    const r = targetRows[i];
    if (r === undefined) {
      plan.outside += line.filter((v) => v.trim() !== '').length;
      return;
    }
    const targets = (layout.dataRows[r] ?? []).filter((d) => d.c + d.colspan > start.c);
    line.forEach((raw, j) => {
      const target = targets[j];
      const text = raw.trim();
      if (!target) {
        if (text !== '') plan.outside++;
        return;
      }
      const field = template.fields[target.key];
      const label = field?.label ?? target.key;
      if (target.computed) {
        if (text !== '') pendingTotals.push({ key: target.key, label, text });
        return;
      }
      if (!field) return;
      const parsed = parseCellInput(text, field);
      if (!parsed.ok) {
        plan.refused.push({ key: target.key, label, text, message: parsed.message });
        return;
      }
      plan.written++;
      if ((cells[target.key] ?? null) !== parsed.value) plan.patch[target.key] = parsed.value;
    });
  });

  if (pendingTotals.length) {
    const after = computeTotals({ ...cells, ...plan.patch }, template);
    plan.skippedTotals = pendingTotals.map((t) => ({ ...t, computed: after[t.key] ?? null }));
  }
  return plan;
}

/** Copied totals that disagree with what the app computes from the pasted parts. */
export function mismatchedTotals(plan: PastePlan, template: TemplateDef): SkippedTotal[] {
  return plan.skippedTotals.filter((t) => {
    const field = template.fields[t.key];
    const parsed = field ? parseCellInput(t.text, field) : { ok: false as const, message: '' };
    return !parsed.ok || parsed.value !== t.computed;
  });
}
