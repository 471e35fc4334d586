import type { Rule } from '../engine';
import type { Finding } from '../types';
import type { CheckContext } from '../context';
import { sumParts } from '../../model/totals';

/** Table arithmetic (checks.md “Table arithmetic”). Blank cells count as missing, not as 0. */

function* sums(ctx: CheckContext): Iterable<Finding> {
  if (!ctx.template) return;
  const seen = new Set<string>();
  for (const rule of ctx.template.sums) {
    const id = `${rule.rule}:${rule.total}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const expected = sumParts(ctx.cells, rule.parts);
    if (expected === null) continue; // nothing filled in: CELL-BLANK speaks for it
    const actual = ctx.num(rule.total);
    if (actual === null || Math.abs(actual - expected) > 1e-9) {
      const field = ctx.template.fields[rule.total];
      const label = field?.label ?? rule.total;
      yield {
        rule: rule.rule,
        severity: 'error',
        message:
          actual === null
            ? `${label}为空，但组成它的各项已填写，合计应为 ${expected}。请填写 ${expected}。`
            : `${label}应为各项之和 ${expected}，实际填写 ${actual}。请核对各项数字或改正总计。`,
        cells: [rule.total, ...rule.parts],
        expected,
        actual,
        fingerprint: rule.total,
      };
    }
  }
}

function* balance(ctx: CheckContext): Iterable<Finding> {
  if (!ctx.template) return;
  for (const b of ctx.template.balances) {
    const left = sumParts(ctx.cells, b.left);
    const right = sumParts(ctx.cells, b.right);
    if (left === null || right === null) continue;
    if (Math.abs(left - right) > 1e-9) {
      const col = ctx.template.t3Columns.find((c) => c.key === b.column)?.label ?? b.column;
      yield {
        rule: 'T3-BALANCE',
        severity: 'error',
        message: `“${col}”列不平衡：一、本年新收加二、上年结转共 ${left} 件，三（七）总计加四、结转下年度共 ${right} 件，两者应相等。请核对本列的办理结果和结转数。`,
        cells: [...b.left, ...b.right],
        expected: left,
        actual: right,
        fingerprint: b.column,
      };
    }
  }
}

export const tableRules: Rule[] = [balance, sums];
