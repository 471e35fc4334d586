import type { TemplateDef, TableId } from '../../../templates/types';
import type { Cells } from '../../../shared/model/types';
import { computedKeys } from '../../../shared/model/totals';

/**
 * “剩余空白填 0”: every blank editable cell of a table (or of all tables) becomes 0. Filled cells
 * and computed totals are left alone (the totals follow from the parts). Returns the patch.
 */
export function fillBlanksWithZero(cells: Cells, template: TemplateDef, table?: TableId): Cells {
  const computed = computedKeys(template);
  const patch: Cells = {};
  for (const field of Object.values(template.fields)) {
    if (table && field.table !== table) continue;
    if (computed.has(field.key)) continue;
    const v = cells[field.key];
    if (v === null || v === undefined) patch[field.key] = 0;
  }
  return patch;
}

/** Editable cells of a table that are still blank (the count shown on the button). */
export function blankEditableCount(cells: Cells, template: TemplateDef, table?: TableId): number {
  return Object.keys(fillBlanksWithZero(cells, template, table)).length;
}
