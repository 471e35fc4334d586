import { GOV_2019, GOV_2021, type TemplateDef } from '../../../templates/index';
import type { Cells } from '../../model/types';
import { labelScore, matchKey } from '../text-utils';
import { align, countFit, type Alignment } from './align';
import { splitGlued } from './glued';
import type { NumToken, Observation, ObservedTable } from './observe';
import { SPECS, type RowSpec, type TableSpec } from './spec';

/**
 * Turns observed rows into cells of the report, with a confidence (0..1) and Chinese warnings
 * that name the row. Values are kept as printed; blanks stay null. Where a row cannot be read
 * with certainty (digits run together, blanks lost in a copy) its cells stay blank and a warning
 * says what was printed.
 */

export interface TableResult {
  cells: Cells;
  /** Rows found / expected, weighted by how sure the match is. */
  confidence: number;
  warnings: string[];
  found: boolean;
  /** Table 3: the layout used (2019 = one （六）其他处理 row). Table 2: the format of its columns. */
  layout?: '2021' | '2019';
}

type Assign =
  { values: (number | null)[]; note?: string } | { candidates: number[][]; note: string } | { fail: string };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
};
const center = (t: { x0?: number; x1?: number }) => ((t.x0 ?? 0) + (t.x1 ?? 0)) / 2;
const show = (nums: NumToken[]) => nums.map((n) => (n.raw === '' ? '空' : n.raw)).join(' ');

/** Column centres of a row layout: from rows printed in full, else from the header words. */
function columnCenters(
  spec: RowSpec,
  pairs: { spec: RowSpec; obs: Observation }[],
  headerCells: { text: string; x0?: number; x1?: number }[],
): number[] | null {
  const k = spec.cols.length;
  const full = pairs.filter(
    (p) => p.spec.layout === spec.layout && p.obs.nums.length === k && p.obs.nums.every((t) => t.x0 !== undefined),
  );
  if (full.length) {
    const cs = spec.cols.map((_, i) => median(full.map((p) => center(p.obs.nums[i]!))));
    if (cs.every(Number.isFinite)) return cs;
  }
  const placed = headerCells.filter((c) => c.x0 !== undefined && c.x1 !== undefined);
  if (!placed.length) return null;
  const cs: number[] = [];
  for (const col of spec.cols) {
    // Header words may be split over lines (商业 / 企业) and repeated (机构 twice): take the
    // position where most pieces of this header stand.
    const hk = matchKey(col.header);
    const hits: { x: number; s: number }[] = [];
    for (const c of placed) {
      const ck = matchKey(c.text);
      if (!ck) continue;
      const s = hk === ck ? 2 : hk.startsWith(ck) && ck.length >= 2 ? 1.5 : hk.includes(ck) && ck.length >= 2 ? 1 : 0;
      if (s) hits.push({ x: center(c), s });
      else if (ck.length > hk.length && ck.includes(hk) && c.text.length === ck.length) {
        // Several headers printed as one piece of text (商业企业科研机构…): equal-width characters.
        const at = ck.indexOf(hk);
        const per = (c.x1! - c.x0!) / ck.length;
        hits.push({ x: c.x0! + (at + hk.length / 2) * per, s: 1.9 + Math.min(ck.length, 40) / 1000 });
      }
    }
    if (!hits.length) return null;
    let best: { x: number; s: number } | null = null;
    for (const h of hits) {
      const near = hits.filter((o) => Math.abs(o.x - h.x) < 8);
      const score = near.reduce((a, o) => a + o.s, 0);
      if (!best || score > best.s) best = { x: median(near.map((o) => o.x)), s: score };
    }
    cs.push(best!.x);
  }
  // Duplicate header words (其他 / 总计 in both parts of a table) must still give increasing columns.
  for (let i = 1; i < cs.length; i++) if (!(cs[i]! > cs[i - 1]!)) return null;
  return cs;
}

/** Places tokens on the nearest column centre, keeping their order. */
function byPosition(nums: NumToken[], centers: number[]): (number | null)[] | null {
  const out: (number | null)[] = centers.map(() => null);
  let last = -1;
  const gaps = centers.slice(1).map((c, i) => c - centers[i]!);
  const half = (gaps.length ? Math.min(...gaps) : 40) * 0.6;
  for (const t of nums) {
    const c = center(t);
    let best = -1;
    let dist = Infinity;
    centers.forEach((x, i) => {
      const d = Math.abs(x - c);
      if (d < dist) {
        dist = d;
        best = i;
      }
    });
    if (best <= last || dist > half) return null;
    out[best] = t.value;
    last = best;
  }
  return out;
}

function assignRow(
  spec: RowSpec,
  o: Observation,
  centers: number[] | null,
  rowCheck: ((v: number[]) => boolean) | null,
): Assign {
  const k = spec.cols.length;
  const nums = o.nums;
  if (nums.length === k) return { values: nums.map((t) => t.value) };
  const positioned = nums.every((t) => t.x0 !== undefined);
  if (positioned && centers) {
    // Real tables: blank spacer cells do not take a column; PDF: every word has its place.
    const filled = o.structured ? nums.filter((t) => !t.blank) : nums;
    const placed = byPosition(filled, centers);
    if (placed) {
      const lost = k - filled.length;
      return {
        values: placed,
        ...(lost > 0 && !o.structured ? { note: `有 ${lost} 个空白单元格，已按位置对应` } : {}),
      };
    }
  }
  if (nums.length > k) {
    const filled = nums.filter((t) => !t.blank);
    if (filled.length === k) return { values: filled.map((t) => t.value) };
    return {
      values: nums.slice(-k).map((t) => t.value),
      note: `印有 ${nums.length} 个数字（${show(nums)}），应为 ${k} 个，已取最后 ${k} 个`,
    };
  }
  // Digits run together: only where they are stuck to a label, or one long number stands for a
  // whole row whose sums can confirm the cut. Separate numbers are never cut.
  const lone = nums.length === 1 && rowCheck !== null && nums[0]!.raw.replace(/\D/g, '').length >= k;
  if (!o.structured && nums.every((t) => !t.blank) && (nums.some((t) => t.glued) || lone)) {
    const found = splitGlued(
      nums.map((t) => ({ raw: t.raw, cut: !!t.glued || lone })),
      k,
      rowCheck ?? (() => true),
      20,
    );
    // Without a sum to confirm it, only a cut into single digits is certain (“000” → 0 0 0).
    const certain = rowCheck !== null || nums.reduce((n, t) => n + t.raw.replace(/\D/g, '').length, 0) === k;
    if (found.length === 1 && certain)
      return {
        values: found[0]!,
        note: `数字连在一起（${show(nums)}），${rowCheck ? '按本行合计' : '按唯一可能'}拆分为 ${found[0]!.join(' ')}`,
      };
    if (found.length === 1) return { candidates: found, note: `数字连在一起（${show(nums)}），拆分方式无法用合计核对` };
    if (found.length > 1) return { candidates: found, note: `数字连在一起（${show(nums)}），有多种拆分方式` };
  }
  return { fail: `只读到 ${nums.length} 个数字（${show(nums)}），应为 ${k} 个，无法确定各自所在的列，本行留空` };
}

const t3RowCheck = (v: number[]) => v.length === 7 && v[6] === v.slice(0, 6).reduce((a, b) => a + b, 0);

interface Constraint {
  total: string;
  parts: string[];
  /** Balance: sum(left) = sum(right). */
  right?: string[];
}

function constraintsOf(template: TemplateDef, prefix: string, rows: Set<string>): Constraint[] {
  const inRows = (key: string) => rows.has(key.split('.')[1]!);
  const out: Constraint[] = [];
  for (const s of template.sums) {
    if (!s.total.startsWith(prefix) || !inRows(s.total) || !s.parts.every(inRows)) continue;
    out.push({ total: s.total, parts: s.parts });
  }
  for (const b of template.balances) out.push({ total: '', parts: b.left, right: b.right });
  return out;
}

function evaluate(c: Constraint, cells: Cells): boolean | null {
  const val = (k: string) => cells[k];
  const sum = (ks: string[]) => {
    let s = 0;
    for (const k of ks) {
      const v = val(k);
      if (v === null || v === undefined) return null;
      s += v;
    }
    return s;
  };
  if (c.right) {
    const l = sum(c.parts);
    const r = sum(c.right);
    return l === null || r === null ? null : Math.abs(l - r) < 1e-9;
  }
  const t = val(c.total);
  const p = sum(c.parts);
  return t === null || t === undefined || p === null ? null : Math.abs(t - p) < 1e-9;
}

interface Extracted {
  alignment: Alignment;
  specs: RowSpec[];
  cells: Cells;
  warnings: string[];
  rowConf: number[];
  ambiguous: { spec: RowSpec; candidates: number[][]; note: string; obs: Observation }[];
}

function extractRows(
  spec: TableSpec,
  table: ObservedTable,
  name: string,
  rowCheck: (s: RowSpec) => ((v: number[]) => boolean) | null,
): Extracted {
  const alignment = align(spec.rows, table.obs);
  const cells: Cells = {};
  const warnings: string[] = [];
  const rowConf = spec.rows.map(() => 0);
  for (const r of spec.rows) for (const c of r.cols) cells[c.key] = null;
  const matched = alignment.pairs.map((p) => ({ spec: spec.rows[p.spec]!, obs: table.obs[p.obs]!, pair: p }));
  const ambiguous: Extracted['ambiguous'] = [];
  for (const { spec: row, obs, pair } of matched) {
    const centers = columnCenters(row, matched, [...new Set([...table.headerCells, ...obs.headers])]);
    const res = assignRow(row, obs, centers, rowCheck(row));
    const where = `${name}“${row.label || row.cols[0]?.header}”`;
    const sure = Math.min(1, 0.55 + pair.label * 0.6) * (countFit(row, obs) >= 0.99 ? 1 : 0.85);
    if ('values' in res) {
      row.cols.forEach((c, i) => (cells[c.key] = res.values[i] ?? null));
      if (res.note) warnings.push(`${where}：${res.note}，请核对。`);
      rowConf[pair.spec] = res.note ? sure * 0.9 : sure;
    } else if ('candidates' in res) {
      ambiguous.push({ spec: row, candidates: res.candidates, note: res.note, obs });
      rowConf[pair.spec] = sure * 0.5;
    } else {
      warnings.push(`${where}：${res.fail}。`);
      rowConf[pair.spec] = 0.2;
    }
  }
  return { alignment, specs: spec.rows, cells, warnings, rowConf, ambiguous };
}

/** Chooses among the splits of ambiguous rows those that satisfy the most of the table's sums. */
function resolveAmbiguous(x: Extracted, constraints: Constraint[], name: string): void {
  let progress = true;
  while (progress && x.ambiguous.length) {
    progress = false;
    for (const a of [...x.ambiguous]) {
      const scores = a.candidates.map((cand) => {
        const trial = { ...x.cells };
        a.spec.cols.forEach((c, i) => (trial[c.key] = cand[i]!));
        let ok = 0;
        let bad = 0;
        for (const c of constraints) {
          const r = evaluate(c, trial);
          if (r === true) ok++;
          else if (r === false) bad++;
        }
        return ok - bad;
      });
      const best = Math.max(...scores);
      const winners = a.candidates.filter((_, i) => scores[i] === best);
      const othersOpen = x.ambiguous.length > 1;
      if (winners.length === 1 && (!othersOpen || best > Math.max(...scores.filter((s) => s !== best), -Infinity))) {
        a.spec.cols.forEach((c, i) => (x.cells[c.key] = winners[0]![i]!));
        x.warnings.push(`${name}“${a.spec.label}”：${a.note}，按表内勾稽关系确定为 ${winners[0]!.join(' ')}，请核对。`);
        x.ambiguous.splice(x.ambiguous.indexOf(a), 1);
        progress = true;
      }
    }
  }
  for (const a of x.ambiguous) {
    const options = a.candidates
      .slice(0, 3)
      .map((c) => c.join(' '))
      .join('；或 ');
    x.warnings.push(
      `${name}“${a.spec.label}”：${a.note}（可能为 ${options}${a.candidates.length > 3 ? ' 等' : ''}），无法确定，本行留空，请按原文填写。`,
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

export function extractT3(table: ObservedTable, preferSingleOther: boolean): TableResult {
  if (!table.obs.length) return { cells: {}, confidence: 0, warnings: [], found: false };
  const name = '表三';
  const runs = (['2021', '2019'] as const).map((layout) => {
    const spec = layout === '2021' ? SPECS.t3_2021 : SPECS.t3_2019;
    const x = extractRows(spec, table, name, () => t3RowCheck);
    return { layout, spec, x, template: layout === '2021' ? GOV_2021 : GOV_2019 };
  });
  const score = (r: (typeof runs)[number]) =>
    r.x.alignment.score +
    (r.layout === '2019' && preferSingleOther ? 0.5 : 0) -
    (r.spec.rows.length !== table.obs.length ? 0.3 : 0);
  const best = score(runs[1]!) > score(runs[0]!) ? runs[1]! : runs[0]!;
  const rows = new Set(best.spec.rows.map((r) => r.row));
  const constraints = constraintsOf(best.template, 't3.', rows);
  resolveAmbiguous(best.x, constraints, name);
  const { confidence } = finish(best.x, name, best.spec.rows.length);
  const unmatched = table.obs.filter((_, j) => !best.x.alignment.pairs.some((p) => p.obs === j) && _.nums.length >= 3);
  if (unmatched.length) {
    best.x.warnings.push(
      `${name}中有 ${unmatched.length} 行数字未能对应到官方格式的行（如“${unmatched[0]!.text.slice(0, 20) || show(unmatched[0]!.nums)}”），已忽略，请核对原文。`,
    );
  }
  // A table whose arithmetic holds everywhere was read right, whatever the labels looked like.
  const results = constraints.map((c) => evaluate(c, best.x.cells));
  const allHold = results.length > 0 && results.every((r) => r === true);
  return {
    cells: best.x.cells,
    confidence: allHold ? Math.max(confidence, 0.97) : confidence,
    warnings: best.x.warnings,
    found: best.x.alignment.pairs.length > 0,
    layout: best.layout,
  };
}

export function extractT2(table: ObservedTable, format2019: boolean): TableResult {
  if (!table.obs.length) return { cells: {}, confidence: 0, warnings: [], found: false };
  const spec = format2019 ? SPECS.t2_2019 : SPECS.t2_2021;
  const name = '表二';
  const x = extractRows(spec, table, name, () => null);
  resolveAmbiguous(x, [], name);
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
  };
}

const t4GroupCheck = (prefix: number[]) => {
  if (prefix.length % 5 !== 0) return true;
  const g = prefix.slice(-5);
  return g[4] === g[0]! + g[1]! + g[2]! + g[3]!;
};

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

  const main = [...obs].sort(
    (a, b) => Math.abs(a.nums.length - 15) - Math.abs(b.nums.length - 15) || b.nums.length - a.nums.length,
  )[0]!;
  const all = obs.flatMap((o) => o.nums);
  let confidence = 0.95;
  if (main.nums.length === 15) put(main.nums.map((t) => t.value));
  else if (all.length === 15 && obs.length <= 3) {
    put(all.map((t) => t.value));
    confidence = 0.8;
  } else if (main.nums.length < 15 && main.nums.every((t) => t.x0 !== undefined) && !main.structured) {
    const centers = t4Centers(table);
    const placed = centers ? byPosition(main.nums, centers) : null;
    if (placed) {
      put(placed);
      warnings.push(`${name}有 ${15 - main.nums.length} 个空白单元格，已按位置对应，请核对。`);
      confidence = 0.8;
    } else {
      warnings.push(
        `${name}只读到 ${main.nums.length} 个数字（${show(main.nums)}），应为 15 个，无法确定各自所在的列，表四留空，请按原文填写。`,
      );
      confidence = 0.2;
    }
  } else if (
    main.nums.length < 15 &&
    main.nums.every((t) => !t.blank) &&
    (main.nums.some((t) => t.glued) || main.nums.length === 1)
  ) {
    const found = splitGlued(
      main.nums.map((t) => ({ raw: t.raw, cut: !!t.glued || main.nums.length === 1 })),
      15,
      (v) => [0, 5, 10].every((s) => v[s + 4] === v[s]! + v[s + 1]! + v[s + 2]! + v[s + 3]!),
      20,
      t4GroupCheck,
    );
    if (found.length === 1) {
      put(found[0]!);
      warnings.push(`${name}数字连在一起（${show(main.nums)}），按各组总计拆分为 ${found[0]!.join(' ')}，请核对。`);
      confidence = 0.8;
    } else {
      const options = found
        .slice(0, 3)
        .map((c) => c.join(' '))
        .join('；或 ');
      warnings.push(
        found.length
          ? `${name}数字连在一起（${show(main.nums)}），有多种拆分方式（可能为 ${options}），无法确定，表四留空，请按原文填写。`
          : `${name}只读到 ${main.nums.length} 个数字（${show(main.nums)}），应为 15 个，无法确定各自所在的列，表四留空，请按原文填写。`,
      );
      confidence = 0.2;
    }
  } else {
    put(main.nums.slice(-15).map((t) => t.value));
    if (main.nums.length !== 15) {
      warnings.push(`${name}读到 ${main.nums.length} 个数字（${show(main.nums)}），应为 15 个，请核对。`);
      confidence = 0.4;
    }
  }
  return { cells, confidence, warnings, found: true };
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
