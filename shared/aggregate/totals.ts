import type { TemplateDef } from '../../templates/types';
import type { Cells } from '../model/types';

/**
 * computeTotals (shared/model/totals.ts) for many small cell sets: the template's sum rules put in
 * evaluation order once per template, then each call is a few plain loops. Same results (blank when
 * every part is blank, rounded at 6 places); the 汇总 runs it for every unit of a 2,000-unit city.
 */

const ORDER = new WeakMap<TemplateDef, [string, readonly string[]][]>();

function rulesOf(template: TemplateDef): [string, readonly string[]][] {
  let order = ORDER.get(template);
  if (order) return order;
  const rules = new Map<string, readonly string[]>();
  for (const rule of template.sums) if (!rules.has(rule.total)) rules.set(rule.total, rule.parts);
  order = [];
  const done = new Set<string>();
  const visit = (key: string) => {
    const parts = rules.get(key);
    if (!parts || done.has(key)) return;
    done.add(key);
    parts.forEach(visit);
    order!.push([key, parts]);
  };
  for (const key of rules.keys()) visit(key);
  ORDER.set(template, order);
  return order;
}

/** Every computed cell from its parts, as computeTotals does. */
export function fastTotals(cells: Cells, template: TemplateDef): Cells {
  const out: Cells = { ...cells };
  for (const [total, parts] of rulesOf(template)) {
    let sum = 0;
    let any = false;
    for (const p of parts) {
      const v = out[p];
      if (typeof v === 'number') {
        sum += v;
        any = true;
      }
    }
    out[total] = any ? Math.round(sum * 1e6) / 1e6 : null;
  }
  return out;
}

const COMPUTED = new WeakMap<TemplateDef, ReadonlySet<string>>();

/** The template's computed keys (cached per template). */
export function computedSet(template: TemplateDef): ReadonlySet<string> {
  let set = COMPUTED.get(template);
  if (!set) COMPUTED.set(template, (set = new Set(template.sums.map((s) => s.total))));
  return set;
}

const RULES = new WeakMap<TemplateDef, Map<string, readonly string[]>>();

function ruleMap(template: TemplateDef): Map<string, readonly string[]> {
  let map = RULES.get(template);
  if (!map) RULES.set(template, (map = new Map(rulesOf(template))));
  return map;
}

/**
 * Some cells as printed, else computed from their parts (the parts of a total computed in turn, as
 * fastTotals does): the few key figures of a unit without computing all of its totals.
 */
export function printedOrComputed(cells: Cells, keys: readonly string[], template: TemplateDef): Cells {
  const rules = ruleMap(template);
  const memo = new Map<string, number | null>();
  const computed = (key: string): number | null => {
    const parts = rules.get(key);
    if (!parts) {
      const v = cells[key];
      return typeof v === 'number' ? v : null;
    }
    const known = memo.get(key);
    if (known !== undefined) return known;
    let sum = 0;
    let any = false;
    for (const p of parts) {
      const v = computed(p);
      if (v !== null) {
        sum += v;
        any = true;
      }
    }
    const out = any ? Math.round(sum * 1e6) / 1e6 : null;
    memo.set(key, out);
    return out;
  };
  const out: Cells = {};
  for (const key of keys) {
    const v = cells[key];
    out[key] = typeof v === 'number' ? v : computed(key);
  }
  return out;
}
