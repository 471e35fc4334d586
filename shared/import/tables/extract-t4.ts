import type { Cells } from '../../model/types';
import { labelScore, matchKey } from '../text-utils';
import { GOV_2021 } from '../../../templates/index';
import { tableEquations } from './equations';
import type { TableResult } from './extract';
import type { Observation, ObservedTable } from './observe';
import { cellText, center, median, readRow, type RowRules } from './read-row';
import { solveJointly } from './solve';
import { SPECS } from './spec';

/**
 * Table 4: one printed row of fifteen numbers (three groups of 结果维持 … 总计), also printed one
 * row per group, or its numbers run together (cut by the three group totals).
 */

const groupOk = (g: (number | null)[]) => (g[4] ?? 0) === (g[0] ?? 0) + (g[1] ?? 0) + (g[2] ?? 0) + (g[3] ?? 0);
const T4_RULES: RowRules = {
  check: (v) => v.length === 15 && [0, 5, 10].every((s) => groupOk(v.slice(s, s + 5))),
  partial: (prefix) => prefix.length % 5 !== 0 || groupOk(prefix.slice(-5)),
  arithmetic: true,
};
const EQUATIONS = tableEquations(GOV_2021, 't4.', new Set(['review', 'lit_direct', 'lit_after_review']));

export function extractT4(table: ObservedTable): TableResult {
  const spec = SPECS.t4.rows[0]!;
  const name = '表四';
  const cells: Cells = {};
  for (const c of spec.cols) cells[c.key] = null;
  const warnings: string[] = [];
  const obs = table.obs.filter((o) => o.nums.length > 0);
  if (!obs.length) return { cells: {}, confidence: 0, warnings, found: false };
  const put = (values: (number | null)[]) => spec.cols.forEach((c, i) => (cells[c.key] = values[i] ?? null));

  // Printed transposed: one row per group (行政复议 / 未经复议直接起诉 / 复议后起诉), five results each.
  const groups = [...new Set(spec.cols.map((c) => c.group ?? ''))];
  const byGroup = groups.map((g) =>
    obs.find(
      (o) =>
        o.nums.length === 5 &&
        o.own &&
        labelScore(matchKey(g), o.own) >= 0.8 &&
        !groups.some((h) => h !== g && h.length > g.length && labelScore(matchKey(h), o.own) >= 0.9),
    ),
  );
  if (byGroup.every(Boolean)) {
    put(byGroup.flatMap((o) => o!.nums.map((t) => t.value)));
    warnings.push(`${name}按行排列（每行一类案件），已按行名对应到官方格式，请核对。`);
    return { cells, confidence: 0.85, warnings, found: true };
  }

  let main: Observation = [...obs].sort(
    (a, b) => Math.abs(a.nums.length - 15) - Math.abs(b.nums.length - 15) || b.nums.length - a.nums.length,
  )[0]!;
  let confidence = 0.95;
  const all = obs.flatMap((o) => o.nums);
  if (main.nums.length !== 15 && all.length === 15 && obs.length <= 3) {
    // The row broken over a few lines.
    main = { ...main, nums: all, structured: obs.every((o) => o.structured) };
    confidence = 0.8;
  }
  const res = readRow(spec, main, t4Centers(table), T4_RULES);
  if ('values' in res) {
    put(res.values);
    if (res.note) {
      warnings.push(`${name}${res.note}，请核对。`);
      confidence = 0.8;
    }
    return { cells, confidence, warnings, found: true };
  }
  if ('domain' in res) {
    const sol = solveJointly([{ keys: spec.cols.map((c) => c.key), domain: res.domain }], {}, EQUATIONS);
    const at = sol.unique[0];
    if (at !== null && at !== undefined) {
      put(res.domain[at]!);
      warnings.push(
        `${name}数字连在一起（${res.shown}），按各组总计拆分为 ${res.domain[at]!.map(cellText).join(' ')}，请核对。`,
      );
      return { cells, confidence: 0.8, warnings, found: true };
    }
    const options = res.domain
      .slice(0, 3)
      .map((c) => c.map(cellText).join(' '))
      .join('；或 ');
    warnings.push(
      `${name}数字连在一起（${res.shown}），有多种拆分方式（可能为 ${options}${res.domain.length > 3 ? ' 等' : ''}），无法确定，表四留空，请按原文填写。`,
    );
    return { cells, confidence: 0.2, warnings, found: true, unresolved: 1 };
  }
  warnings.push(`${name}${res.fail.replace(/本行留空$/, '表四留空，请按原文填写')}。`);
  return { cells, confidence: 0.2, warnings, found: true, ...(res.fail.includes('连在一起') ? { unresolved: 1 } : {}) };
}

/** Column centres of Table 4 from its lowest header words (结果维持 … 总计, possibly split “结果 / 维持”). */
function t4Centers(table: ObservedTable): number[] | null {
  const words = new Set(
    SPECS.t4.rows[0]!.cols.flatMap((c) => [
      matchKey(c.header),
      matchKey(c.header).slice(0, 2),
      matchKey(c.header).slice(2),
    ]).filter((w) => w.length >= 1),
  );
  const xs = table.headerCells
    .filter((c) => c.x0 !== undefined && words.has(matchKey(c.text)))
    .map((c) => center(c))
    .sort((a, b) => a - b);
  const clusters: number[][] = [];
  for (const x of xs) {
    const last = clusters[clusters.length - 1];
    if (last && x - last[last.length - 1]! < 8) last.push(x);
    else clusters.push([x]);
  }
  return clusters.length === 15 ? clusters.map(median) : null;
}
