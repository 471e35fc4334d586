import type { Rule } from '../engine';
import type { Finding } from '../types';
import type { CheckContext } from '../context';
import type { SumRule } from '../../../templates/types';
import { fmt, labelOf } from './util';

/**
 * Table arithmetic (checks.md “Table arithmetic”). A blank part counts as missing (an imported table
 * often leaves zeros blank); a blank total next to filled parts is CELL-BLANK's to report.
 */

const EPS = 1e-9;

function describeSum(ctx: CheckContext, s: SumRule): string {
  const total = labelOf(ctx, s.total);
  switch (s.rule) {
    case 'T3-ROW-TOTAL':
      return `${total}应为本行自然人至“其他”六列之和`;
    case 'T3-RESULT-TOTAL':
      return `${total}应为本列（一）至（六）各项办理结果之和`;
    default:
      return `${total}应为结果维持、结果纠正、其他结果、尚未审结四项之和`;
  }
}

/** The sum rules of a layout, each (rule, total) once (first kept): worked out once per list of rules. */
const distinctSums = new WeakMap<readonly SumRule[], SumRule[]>();

function distinct(rules: readonly SumRule[]): SumRule[] {
  let list = distinctSums.get(rules);
  if (!list) {
    const seen = new Set<string>();
    list = [];
    for (const rule of rules) {
      const id = `${rule.rule}:${rule.total}`;
      if (seen.has(id)) continue;
      seen.add(id);
      list.push(rule);
    }
    distinctSums.set(rules, list);
  }
  return list;
}

function* sums(ctx: CheckContext): Iterable<Finding> {
  const layout = ctx.layout;
  if (!layout) return;
  const rules = distinct(layout.sums);
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    const actual = ctx.num(rule.total);
    if (actual === null) continue;
    const expected = ctx.sum(rule.parts);
    if (expected === null) continue; // nothing filled in: CELL-BLANK speaks for it
    if (Math.abs(actual - expected) <= EPS) continue;
    // In the editor a total cannot be typed (it is computed): a total that does not add up came in
    // with the report (an imported one). The clerk takes the sum or keeps the total on purpose.
    const message =
      ctx.mode === 'editor'
        ? `${describeSum(ctx, rule)}：各项相加为 ${fmt(expected)}，表中的总计是 ${fmt(actual)}。请核对各项数字，再采用计算值 ${fmt(expected)}，或确认保留原来的总计。`
        : `${describeSum(ctx, rule)} ${fmt(expected)}，实际填写 ${fmt(actual)}。请核对各项数字或改正总计。`;
    yield {
      rule: rule.rule,
      severity: 'error',
      message,
      cells: [rule.total, ...rule.parts],
      expected,
      actual,
      fingerprint: rule.total,
      fix: { label: `采用计算值 ${fmt(expected)}`, cells: { [rule.total]: expected } },
    };
  }
}

function* balance(ctx: CheckContext): Iterable<Finding> {
  const layout = ctx.layout;
  if (!layout) return;
  for (const b of layout.balances) {
    const keys = [...b.left, ...b.right];
    // While the clerk is still filling the table in, a blank cell is not yet an imbalance.
    if (ctx.mode === 'editor' && keys.some((k) => ctx.num(k) === null)) continue;
    const left = ctx.sum(b.left);
    const right = ctx.sum(b.right);
    if (left === null || right === null) continue;
    if (Math.abs(left - right) <= EPS) continue;
    const col = layout.template.t3Columns.find((c) => c.key === b.column)?.label ?? b.column;
    yield {
      rule: 'T3-BALANCE',
      severity: 'error',
      message:
        `“${col}”列不平衡：一、本年新收（${fmt(ctx.num(b.left[0]!))}）加二、上年结转（${fmt(ctx.num(b.left[1]!))}）共 ${fmt(left)} 件，` +
        `三（七）总计（${fmt(ctx.num(b.right[0]!))}）加四、结转下年度（${fmt(ctx.num(b.right[1]!))}）共 ${fmt(right)} 件，两者应相等。请核对本列的办理结果和结转数。`,
      cells: keys,
      expected: left,
      actual: right,
      fingerprint: b.column,
    };
  }
}

export const tableRules: Rule[] = [balance, sums];
