import type { Report } from '../model/types';
import { inForceChain } from './tables/equations';
import type { PendingRow } from './tables/extract';
import { cellText } from './tables/read-row';
import { solveJointly } from './tables/solve';

/**
 * Rows of Table 2 whose digits ran together (“行政规范性文件52318”) have no sum of their own: the
 * import leaves them blank with their possible cuts. With last year's report at hand, 现行有效 =
 * 上年现行有效 + 本年制发 − 本年废止 may single one cut out; this finishes them then — at import
 * when the caller passes last year's report, in `batch` once the reports are paired.
 */
export function settleWithLastYear(
  report: Report,
  pending: PendingRow[],
  last: Report | null | undefined,
): { report: Report; warnings: string[]; pending: PendingRow[] } {
  const warnings = [...(report.meta.source?.warnings ?? [])];
  if (!last || !pending.length || report.format !== 'gov-2021' || last.format !== 'gov-2021')
    return { report, warnings, pending };
  const chain = inForceChain(last.cells);
  const touched = pending.filter((p) => chain.some((e) => e.terms.some((t) => p.keys.includes(t.key))));
  if (!touched.length) return { report, warnings, pending };
  const sol = solveJointly(
    touched.map((p) => ({ keys: p.keys, domain: p.domain })),
    report.cells,
    chain,
  );
  const cells = { ...report.cells };
  const left = pending.filter((p) => !touched.includes(p));
  touched.forEach((p, i) => {
    const at = sol.unique[i];
    if (at === null || at === undefined) {
      left.push(p);
      return;
    }
    const values = p.domain[at]!;
    p.keys.forEach((k, j) => (cells[k] = values[j] ?? null));
    const before = last.cells[`t2.${p.row}.in_force`];
    const k = warnings.indexOf(p.warning);
    const text = `${p.head}，按上年报告的现行有效件数（${before} 件）与本年制发、废止件数的关系确定为 ${values.map(cellText).join(' ')}，请核对。`;
    if (k >= 0) warnings[k] = text;
    else warnings.push(text);
  });
  if (left.length === pending.length) return { report, warnings, pending };
  const source = report.meta.source ? { ...report.meta.source, warnings } : undefined;
  return {
    report: { ...report, cells, meta: { ...report.meta, ...(source ? { source } : {}) } },
    warnings,
    pending: left,
  };
}
