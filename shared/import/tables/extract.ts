// Length: aligning observed rows to the template and the confidence drawn from it are one algorithm.
import { GOV_2019, GOV_2021 } from '../../../templates/index';
import type { Cells } from '../../model/types';
import { align, countFit, type Alignment } from './align';
import { holds, inForceChain, tableEquations } from './equations';
import type { Observation, ObservedTable } from './observe';
import { cellText, columnCenters, readRow, type RowRules } from './read-row';
import type { Value } from './glued';
import { solveJointly, type Equation } from './solve';
import { SPECS, type RowSpec, type TableSpec } from './spec';
import { confirmUnplaced } from './unplaced';

/**
 * Turns observed rows into cells of the report, with a confidence (0..1) and Chinese warnings
 * that name the row. Values are kept as printed; blanks stay null. Where a row cannot be read
 * with certainty (digits run together, blanks lost in a copy) its cells stay blank and a warning
 * says what was printed. Rows whose digits ran together are cut by the table's arithmetic solved
 * jointly over all such rows (solve.ts).
 */

export interface TableResult {
  cells: Cells;
  /** Rows found / expected, weighted by how sure the match is. */
  confidence: number;
  warnings: string[];
  found: boolean;
  /** Table 3: the layout used (2019 = one （六）其他处理 row). Table 2: the format of its columns. */
  layout?: '2021' | '2019';
  /** Rows left blank because their digits could be cut in several ways (or none fitted the sums). */
  unresolved?: number;
  /** Rows left blank with several readings that more figures (last year's report) might decide. */
  pending?: PendingRow[];
}

/** A row left blank with several possible readings, kept so that last year's figures can decide later. */
export interface PendingRow {
  row: string;
  keys: string[];
  domain: Value[][];
  /** The start of its messages (“表二“行政规范性文件”：数字连在一起（52318）”). */
  head: string;
  /** The warning given for it (replaced when the row is decided). */
  warning: string;
}

export const t3RowCheck = (v: number[]): boolean =>
  v.length === 7 && v[6] === v[0]! + v[1]! + v[2]! + v[3]! + v[4]! + v[5]!;

interface Open {
  spec: RowSpec;
  pair: number;
  domain: Value[][];
  shown: string;
  /** Digits ran together (else only blank cells were lost between separate numbers). */
  glued: boolean;
  count: number;
}

export interface Extracted {
  alignment: Alignment;
  specs: RowSpec[];
  cells: Cells;
  warnings: string[];
  rowConf: number[];
  open: Open[];
  unresolved: number;
  pending: PendingRow[];
  /** Cells of rows that were found (a blank one counts 0 in the sums; the others are unknown). */
  printed: Set<string>;
  /** Rows placed by the official order alone, without a label of their own. */
  weak: RowSpec[];
  /** Rows read from loose text (not a real table or a separated row), with what was printed. */
  loose: { spec: RowSpec; shown: string; surplus: boolean; own: string }[];
}

export const where = (name: string, row: RowSpec): string => `${name}“${row.label || row.cols[0]?.header}”`;

/** Reads every matched row; rows with several readings are left for `solveOpen`. */
export function extractRows(
  spec: TableSpec,
  table: ObservedTable,
  name: string,
  rules: (s: RowSpec) => RowRules,
): Extracted {
  const alignment = align(spec.rows, table.obs);
  const cells: Cells = {};
  const warnings: string[] = [];
  const rowConf = spec.rows.map(() => 0);
  for (const r of spec.rows) for (const c of r.cols) cells[c.key] = null;
  const matched = alignment.pairs.map((p) => ({ spec: spec.rows[p.spec]!, obs: table.obs[p.obs]!, pair: p }));
  const open: Open[] = [];
  let unresolved = 0;
  const printed = new Set<string>();
  // Rows placed by the official order alone (their label was lost or floats elsewhere).
  const weak: RowSpec[] = [];
  const loose: Extracted['loose'] = [];
  // Rows whose digits ran together but could be read one way only (“0000000”): said once.
  const glued: { label: string; text: string }[] = [];
  for (const { spec: row, obs, pair } of matched) {
    const centers = columnCenters(row, matched, [...new Set([...table.headerCells, ...obs.headers])]);
    const res = readRow(row, obs, centers, rules(row));
    const sure = Math.min(1, 0.55 + pair.label * 0.6) * (countFit(row, obs) >= 0.99 ? 1 : 0.85);
    if (!('fail' in res)) for (const c of row.cols) printed.add(c.key);
    // In a converted Markdown table a label on another row than the numbers may belong to a
    // neighbour (it floats); in a copied PDF it stands right above or below them.
    if (obs.structured ? !carriesLabel(row, obs.own) : pair.label < WEAK_LABEL) weak.push(row);
    if ('values' in res) {
      row.cols.forEach((c, i) => (cells[c.key] = res.values[i] ?? null));
      if (!obs.structured)
        loose.push({
          spec: row,
          shown: obs.nums.map((t) => t.raw).join(' '),
          surplus: !!res.surplus,
          own: obs.own,
        });
      if (res.note?.includes('按唯一可能'))
        glued.push({ label: row.label || row.row, text: `${where(name, row)}：${res.note}，请核对。` });
      else if (res.note) warnings.push(`${where(name, row)}：${res.note}，请核对。`);
      rowConf[pair.spec] = res.note ? sure * 0.9 : sure;
    } else if ('domain' in res) {
      open.push({
        spec: row,
        pair: pair.spec,
        domain: res.domain,
        shown: res.shown,
        glued: res.glued,
        count: obs.nums.length,
      });
      rowConf[pair.spec] = sure * 0.9;
    } else {
      warnings.push(`${where(name, row)}：${res.fail}。`);
      rowConf[pair.spec] = 0.2;
      if (res.fail.includes('连在一起')) unresolved++;
    }
  }
  if (glued.length === 1) warnings.unshift(glued[0]!.text);
  else if (glued.length > 1)
    warnings.unshift(
      `${name}有 ${glued.length} 行的数字连在一起，每行只有一种拆分方式，已按此拆分，请核对：${glued
        .slice(0, 8)
        .map((g) => g.label)
        .join('、')}${glued.length > 8 ? ' 等' : ''}。`,
    );
  return { alignment, specs: spec.rows, cells, warnings, rowConf, open, unresolved, printed, pending: [], weak, loose };
}

const options = (cands: Value[][]) =>
  `${cands
    .slice(0, 3)
    .map((c) => c.map(cellText).join(' '))
    .join('；或 ')}${cands.length > 3 ? ' 等' : ''}`;

/**
 * Cuts the rows whose digits ran together by solving the table's equations over all of them at
 * once; a row keeps a cut only when every solution gives it that cut.
 */
export function solveOpen(x: Extracted, equations: Equation[], name: string): void {
  if (!x.open.length) return;
  const vars = x.open.map((o) => ({ keys: o.spec.cols.map((c) => c.key), domain: o.domain }));
  const sol = solveJointly(vars, x.cells, equations, (k) => !x.printed.has(k));
  x.open.forEach((o, i) => {
    const at = sol.unique[i];
    const k = o.spec.cols.length;
    const head = o.glued
      ? `${where(name, o.spec)}：数字连在一起（${o.shown}）`
      : `${where(name, o.spec)}：只读到 ${o.count} 个数字（${o.shown}），应为 ${k} 个`;
    if (at !== null && at !== undefined) {
      const values = o.domain[at]!;
      o.spec.cols.forEach((c, j) => (x.cells[c.key] = values[j] ?? null));
      const shown = values.map(cellText).join(' ');
      x.warnings.push(
        o.domain.length === 1 && sol.used === 0
          ? `${head}，按本行合计确定为 ${shown}，请核对。`
          : `${head}，按表内勾稽关系确定为 ${shown}，请核对。`,
      );
      return;
    }
    x.unresolved++;
    x.rowConf[o.pair] = 0.2;
    const seen = sol.seen[i]!.map((k) => o.domain[k]!);
    const what = o.glued ? '拆分方式' : '空白单元格的位置';
    const text =
      sol.status === 'none'
        ? `${head}，无论怎样${o.glued ? '拆分' : '对应'}都与表内合计对不上（可能为 ${options(o.domain)}），无法确定各自所在的列，本行留空，请按原文填写。`
        : sol.status === 'budget'
          ? `${head}，可能的${what}太多，无法确定，本行留空，请按原文填写。`
          : `${head}，有多种${what}（可能为 ${options(seen.length > 1 ? seen : o.domain)}），无法确定各自所在的列，本行留空，请按原文填写。`;
    x.warnings.push(text);
    if (sol.status === 'ok')
      x.pending.push({ row: o.spec.row, keys: o.spec.cols.map((c) => c.key), domain: o.domain, head, warning: text });
  });
  x.open = [];
}

/** Below this label likeness a row was placed by its position in the official order alone. */
const WEAK_LABEL = 0.4;
/**
 * Whether a Markdown row carries its own label: a stretch of the label's words, not just a few
 * characters in common (“本（三）不予公开” shares 予…公开 with 予以公开 but is another row's group).
 */
function carriesLabel(row: RowSpec, own: string): boolean {
  if (!own) return false;
  return row.variants.some((v) => {
    const need = Math.min(v.length, Math.max(3, Math.ceil(v.length * 0.4)));
    return longestCommonRun(v, own) >= need;
  });
}

/** Length of the longest run of characters that two texts share. */
function longestCommonRun(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length && a.length - i > best; i++)
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++;
      if (k > best) best = k;
    }
  return best;
}

/**
 * A row whose label was torn from it (PDF-to-Markdown conversions: bare number rows, labels
 * floating elsewhere) is placed by the official order; it keeps its numbers only when the table's
 * arithmetic confirms the place — every equation it is part of can be evaluated and holds.
 * Otherwise the row stays blank with a warning: a row in the wrong place gives wrong numbers.
 */
export function confirmPlacement(x: Extracted, equations: Equation[], name: string): void {
  const failed: RowSpec[] = [];
  for (const row of x.weak) {
    const keys = new Set(row.cols.map((c) => c.key));
    if (row.cols.every((c) => x.cells[c.key] === null)) continue;
    const mine = equations.filter((e) => e.terms.some((t) => keys.has(t.key)));
    if (mine.length && mine.every((e) => holds(e, x.cells) === true)) continue;
    failed.push(row);
  }
  for (const row of failed) {
    const shown = row.cols.map((c) => cellText(x.cells[c.key] ?? null)).join(' ');
    for (const c of row.cols) x.cells[c.key] = null;
    const i = x.specs.indexOf(row);
    if (i >= 0) x.rowConf[i] = 0.2;
    x.warnings.push(
      `${where(name, row)}：原文这一行的数字（${shown}）与行名分开了，只能按官方格式的顺序推定在此${
        equations.length ? '，但表内合计不能印证' : '，本表没有合计可以印证'
      }，本行留空，请按原文填写。`,
    );
  }
}

function finish(x: Extracted, name: string, expectedRows: number): { confidence: number } {
  const missing = x.specs.filter((_, i) => !x.alignment.pairs.some((p) => p.spec === i));
  if (missing.length && missing.length < x.specs.length) {
    x.warnings.push(
      `${name}未找到以下行的数字：${missing
        .slice(0, 6)
        .map((r) => r.label || r.row)
        .join(
          '、',
        )}${missing.length > 6 ? ` 等 ${missing.length} 行` : ''}（原文可能空白或缺少这些行），这些单元格留空。`,
    );
  }
  const conf = x.rowConf.reduce((a, b) => a + b, 0) / Math.max(1, expectedRows);
  return { confidence: Math.round(Math.min(1, conf) * 100) / 100 };
}

const T3_RULES: RowRules = { check: t3RowCheck, arithmetic: true };

export function extractT3(table: ObservedTable, preferSingleOther: boolean): TableResult {
  if (!table.obs.length) return { cells: {}, confidence: 0, warnings: [], found: false };
  const name = '表三';
  const runs = (['2021', '2019'] as const).map((layout) => {
    const spec = layout === '2021' ? SPECS.t3_2021 : SPECS.t3_2019;
    const x = extractRows(spec, table, name, () => T3_RULES);
    return { layout, spec, x, template: layout === '2021' ? GOV_2021 : GOV_2019 };
  });
  const score = (r: (typeof runs)[number]) =>
    r.x.alignment.score +
    (r.layout === '2019' && preferSingleOther ? 0.5 : 0) -
    (r.spec.rows.length !== table.obs.length ? 0.3 : 0);
  const best = score(runs[1]!) > score(runs[0]!) ? runs[1]! : runs[0]!;
  const rows = new Set(best.spec.rows.map((r) => r.row));
  const equations = tableEquations(best.template, 't3.', rows);
  solveOpen(best.x, equations, name);
  confirmPlacement(best.x, equations, name);
  const stray = table.obs.filter((o, j) => !best.x.alignment.pairs.some((p) => p.obs === j) && o.nums.length > 0);
  confirmUnplaced(best.x, equations, name, t3RowCheck, stray.length);
  const { confidence } = finish(best.x, name, best.spec.rows.length);
  const unmatched = stray.filter((o) => o.nums.length >= 3);
  if (unmatched.length) {
    best.x.warnings.push(
      `${name}中有 ${unmatched.length} 行数字未能对应到官方格式的行（如“${unmatched[0]!.text.slice(0, 20) || unmatched[0]!.nums.map((n) => n.raw).join(' ')}”），已忽略，请核对原文。`,
    );
  }
  // A table whose arithmetic holds everywhere was read right, whatever the labels looked like.
  const results = equations.map((c) => holds(c, best.x.cells));
  const allHold = results.length > 0 && results.every((r) => r === true);
  return {
    cells: best.x.cells,
    confidence: allHold ? Math.max(confidence, 0.97) : confidence,
    warnings: best.x.warnings,
    found: best.x.alignment.pairs.length > 0,
    layout: best.layout,
    unresolved: best.x.unresolved,
  };
}

export function extractT2(table: ObservedTable, format2019: boolean, last?: Cells): TableResult {
  if (!table.obs.length) return { cells: {}, confidence: 0, warnings: [], found: false };
  const spec = format2019 ? SPECS.t2_2019 : SPECS.t2_2021;
  const name = '表二';
  const chain = format2019 ? [] : inForceChain(last);
  const chained = new Set(chain.flatMap((e) => e.terms.map((t) => t.key.split('.')[1]!)));
  const x = extractRows(spec, table, name, (row) => ({ check: null, arithmetic: chained.has(row.row) }));
  solveOpen(x, chain, name);
  confirmPlacement(x, chain, name);
  // 收费金额 printed in 元 where the column is 万元.
  for (const { spec: row, obs } of x.alignment.pairs.map((p) => ({
    spec: spec.rows[p.spec]!,
    obs: table.obs[p.obs]!,
  }))) {
    row.cols.forEach((col, i) => {
      const tok = obs.nums.length === row.cols.length ? obs.nums[i] : undefined;
      const v = x.cells[col.key];
      const unit = (format2019 ? GOV_2019 : GOV_2021).fields[col.key]?.unit;
      if (tok?.unit === '元' && (unit === '万元' || /万元/.test(col.header)) && typeof v === 'number') {
        const converted = Math.round((v / 10000) * 1e6) / 1e6;
        x.cells[col.key] = converted;
        x.warnings.push(`${name}“${row.label}”印为“${tok.raw}”，本栏单位为万元，已换算为 ${converted}，请核对。`);
      }
    });
  }
  const { confidence } = finish(x, name, spec.rows.length);
  return {
    cells: x.cells,
    confidence,
    warnings: x.warnings,
    found: x.alignment.pairs.length > 0,
    layout: format2019 ? '2019' : '2021',
    unresolved: x.unresolved,
    ...(x.pending.length ? { pending: x.pending } : {}),
  };
}

export type { Observation };
