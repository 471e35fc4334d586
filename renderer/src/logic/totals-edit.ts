import type { TemplateDef } from '../../../templates/types';
import type { Cells } from '../../../shared/model/types';
import { computeTotals, sumParts } from '../../../shared/model/totals';

/**
 * Totals after an edit. A total that added up before the edit (or was blank) follows its parts, as
 * in a report written in the app. A total that did not add up came in with the report as published
 * (an imported report): it is not silently replaced when the clerk retypes one of its parts — the
 * finding offers to take the sum or to keep it on purpose. Totals set by the edit itself (采用计算值,
 * an undo) are kept as given.
 */
export function recomputeTotals(before: Cells, after: Cells, template: TemplateDef, given: Cells = {}): Cells {
  // Totals made of totals (三（七）总计 · 总计) are evaluated after their parts by computeTotals.
  return computeTotals(after, template, (key, parts) => {
    if (key in given) return false;
    const was = before[key] ?? null;
    const wasSum = sumParts(before, parts);
    return was === null || (wasSum !== null && Math.abs(was - wasSum) <= 1e-9);
  });
}

/** Whether a total differs from the sum of its parts (a published total the clerk has to decide on). */
export function totalDisagrees(cells: Cells, template: TemplateDef, key: string): boolean {
  const rule = template.sums.find((s) => s.total === key);
  if (!rule) return false;
  const v = cells[key] ?? null;
  const sum = sumParts(cells, rule.parts);
  return v !== null && sum !== null && Math.abs(v - sum) > 1e-9;
}
