import type { TemplateDef } from '../../templates/types';
import type { Cells } from './types';

/**
 * Sum of the parts: blank when every part is blank (nothing filled in yet), otherwise the sum of
 * the filled parts. Decimal noise is rounded away at 6 places (the most any cell may carry).
 */
export function sumParts(cells: Cells, parts: readonly string[]): number | null {
  let total = 0;
  let any = false;
  // Indexed, not for…of: the editor sums every total on every keystroke, and the iterator's result
  // objects were a large part of the garbage each keystroke left.
  for (let i = 0; i < parts.length; i++) {
    const v = cells[parts[i]!];
    if (typeof v === 'number' && Number.isFinite(v)) {
      total += v;
      any = true;
    }
  }
  return any ? Math.round(total * 1e6) / 1e6 : null;
}

/** The keys of every computed cell of a template (总计 column, 三（七）总计, Table 4 总计). */
export function computedKeys(template: TemplateDef): Set<string> {
  return new Set(template.sums.map((s) => s.total));
}

// A template's sum rules by total, built once per template (templates are constant data): the
// editor recomputes the totals on every keystroke and need not rebuild this map each time.
const sumRules = new WeakMap<TemplateDef, Map<string, readonly string[]>>();

function sumRulesOf(template: TemplateDef): Map<string, readonly string[]> {
  let rules = sumRules.get(template);
  if (!rules) {
    rules = new Map();
    for (const rule of template.sums) if (!rules.has(rule.total)) rules.set(rule.total, rule.parts);
    sumRules.set(template, rules);
  }
  return rules;
}

/**
 * Recomputes every computed cell, returning new cells. A total whose parts are themselves totals
 * (三（七）总计 · 总计) is evaluated after them, whatever the order of the rules. Used for reports
 * written in the app; imported reports keep their printed totals.
 */
export function computeTotals(
  cells: Cells,
  template: TemplateDef,
  /** Whether a total takes the sum of its parts (default: every one); one left out keeps its value. */
  follows: (key: string, parts: readonly string[]) => boolean = () => true,
): Cells {
  const rules = sumRulesOf(template);
  const out: Cells = { ...cells };
  const done = new Set<string>();
  const evaluate = (key: string): void => {
    const parts = rules.get(key);
    if (!parts || done.has(key)) return;
    done.add(key);
    parts.forEach(evaluate);
    if (follows(key, parts)) out[key] = sumParts(out, parts);
  };
  for (const key of rules.keys()) evaluate(key);
  return out;
}
