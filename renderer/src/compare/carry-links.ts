import type { TemplateDef } from '../../../templates/types';
import type { Report } from '../../../shared/model/types';

/**
 * The figures that must link the two years, as the cross-year checks read them (X-CARRY,
 * X-IN-FORCE): this year's 上年结转 against last year's 结转下年度继续办理, column by column, and
 * this year's 现行有效件数 against last year's + 本年制发 − 本年废止.
 */

export type LinkState = 'ok' | 'differs' | 'blank';

export interface CarryColumn {
  key: string;
  label: string;
  /** Last year's 结转下年度继续办理. */
  expected: number | null;
  /** This year's 上年结转. */
  actual: number | null;
  state: LinkState;
}

export interface InForceChain {
  key: string;
  name: string;
  before: number | null;
  issued: number | null;
  repealed: number | null;
  /** before + issued − repealed (null without last year's figure). */
  expected: number | null;
  actual: number | null;
  state: LinkState;
}

export interface CarryLinks {
  carry: CarryColumn[];
  inForce: InForceChain[];
  /** Cells that do not link (for the summary line). */
  differing: number;
}

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

function state(expected: number | null, actual: number | null): LinkState {
  if (actual === null || expected === null) return 'blank';
  return expected === actual ? 'ok' : 'differs';
}

export function carryLinks(report: Report, last: Report, template: TemplateDef): CarryLinks {
  const carry: CarryColumn[] = [];
  for (const col of template.t3Columns) {
    const key = `t3.carried_over.${col.key}`;
    if (!(key in template.fields)) continue;
    const expected = num(last.cells[`t3.carry_next.${col.key}`]);
    const actual = num(report.cells[key]);
    carry.push({ key, label: col.label, expected, actual, state: state(expected, actual) });
  }
  const inForce: InForceChain[] = [];
  if (template.id === 'gov-2021') {
    for (const [row, name] of [
      ['regulations', '规章'],
      ['normative_docs', '行政规范性文件'],
    ] as const) {
      const key = `t2.${row}.in_force`;
      const before = num(last.cells[key]);
      const issued = num(report.cells[`t2.${row}.issued`]);
      const repealed = num(report.cells[`t2.${row}.repealed`]);
      const expected = before === null ? null : before + (issued ?? 0) - (repealed ?? 0);
      const actual = num(report.cells[key]);
      inForce.push({ key, name, before, issued, repealed, expected, actual, state: state(expected, actual) });
    }
  }
  const differing = [...carry, ...inForce].filter((x) => x.state === 'differs').length;
  return { carry, inForce, differing };
}
