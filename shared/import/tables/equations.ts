import type { TemplateDef } from '../../../templates/index';
import type { Cells } from '../../model/types';
import type { Equation } from './solve';

/**
 * The arithmetic a table's figures obey, as equations the solver and the confidence measure use:
 * the template's sums (row totals, （七）总计 of every column, Table 4 group totals) and balances
 * (一 + 二 = （七） + 四 per column), and — with last year's report — Table 2's 现行有效 chain
 * (现行有效 = 上年现行有效 + 本年制发 − 本年废止).
 */

/** The template's sums of a table whose rows are all present, and its balances. */
const MEMO = new Map<string, Equation[]>();

export function tableEquations(template: TemplateDef, prefix: string, rows: Set<string>): Equation[] {
  const memo = `${template.id}|${prefix}|${[...rows].join(',')}`;
  const known = MEMO.get(memo);
  if (known) return known;
  const out = buildEquations(template, prefix, rows);
  if (MEMO.size < 64) MEMO.set(memo, out);
  return out;
}

function buildEquations(template: TemplateDef, prefix: string, rows: Set<string>): Equation[] {
  const inRows = (key: string) => rows.has(key.split('.')[1]!);
  const out: Equation[] = [];
  for (const s of template.sums) {
    if (!s.total.startsWith(prefix) || !inRows(s.total) || !s.parts.every(inRows)) continue;
    out.push({
      name: s.rule,
      terms: [{ key: s.total, coef: -1 }, ...s.parts.map((key) => ({ key, coef: 1 }))],
    });
  }
  if (prefix === 't3.')
    for (const b of template.balances) {
      if (![...b.left, ...b.right].every(inRows)) continue;
      out.push({
        name: b.rule,
        terms: [...b.left.map((key) => ({ key, coef: 1 })), ...b.right.map((key) => ({ key, coef: -1 }))],
      });
    }
  return out;
}

/** 现行有效 of this year against last year's report (only rows where last year printed a figure). */
export function inForceChain(last: Cells | undefined): Equation[] {
  if (!last) return [];
  const out: Equation[] = [];
  for (const row of ['regulations', 'normative_docs']) {
    const before = last[`t2.${row}.in_force`];
    if (typeof before !== 'number') continue;
    out.push({
      name: 'X-IN-FORCE',
      constant: before,
      terms: [
        { key: `t2.${row}.in_force`, coef: -1 },
        { key: `t2.${row}.issued`, coef: 1 },
        { key: `t2.${row}.repealed`, coef: -1 },
      ],
    });
  }
  return out;
}

/** Whether an equation holds on the cells: true, false, or null when a cell is blank. */
export function holds(eq: Equation, cells: Cells): boolean | null {
  let s = eq.constant ?? 0;
  for (const t of eq.terms) {
    const v = cells[t.key];
    if (typeof v !== 'number') return null;
    s += t.coef * v;
  }
  return Math.abs(s) < 1e-6;
}
