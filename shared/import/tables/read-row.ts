import { matchKey } from '../text-utils';
import { enumerateReadings, type GluedToken, type Value } from './glued';
import type { NumToken, Observation } from './observe';
import type { RowSpec } from './spec';

/**
 * One observed row against the row it was matched to: its values when they are certain, its
 * possible readings when digits ran together (the table solver chooses among them), or why it
 * cannot be read.
 */

export type RowReading =
  | { values: (number | null)[]; note?: string; surplus?: boolean }
  | { domain: Value[][]; shown: string; glued: boolean }
  | { fail: string };

/** What a row may lean on: its own sum (Table 3 total, Table 4 groups) and whether other equations touch it. */
export interface RowRules {
  /** The row's own sum (an empty cell counts 0, as publishers who leave a cell empty mean). */
  check: ((v: number[]) => boolean) | null;
  /** Prefix pruning for long rows (Table 4's group totals as soon as a group is complete). */
  partial?: (prefix: Value[]) => boolean;
  /** Some equation of the table (a sum, a balance, last year's figure) involves this row. */
  arithmetic: boolean;
}

/** Most readings kept for one row; a row with more is left blank (nothing could single one out). */
const MAX_READINGS = 64;

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
};
export const center = (t: { x0?: number; x1?: number }): number => ((t.x0 ?? 0) + (t.x1 ?? 0)) / 2;
export const show = (nums: NumToken[]): string => nums.map((n) => (n.raw === '' ? '空' : n.raw)).join(' ');

/** Column centres of a row layout: from rows printed in full, else from the header words. */
export function columnCenters(
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
export function byPosition(nums: NumToken[], centers: number[]): (number | null)[] | null {
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

/** “02”, “00”: digits that cannot be one printed number (no leading zeros), so a cut lies inside. */
const leadingZero = (raw: string) => /^0\d/.test(raw);

export function readRow(spec: RowSpec, o: Observation, centers: number[] | null, rules: RowRules): RowReading {
  const k = spec.cols.length;
  const nums = o.nums;
  const plain = nums.every((t) => !leadingZero(t.raw));
  if (nums.length === k && (plain || o.structured)) return { values: nums.map((t) => t.value) };
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
    // More numbers than cells: a number of the label (a page number, a footnote) may have joined
    // the row. The last k are taken only when the row's own sum confirms them.
    const last = nums.slice(-k);
    const values = last.map((t) => t.value);
    if (rules.check && values.every((v): v is number => v !== null) && rules.check(values))
      return {
        values,
        note: `印有 ${nums.length} 个数字（${show(nums)}），应为 ${k} 个，按本行合计取最后 ${k} 个`,
        surplus: true,
      };
    return {
      fail: `印有 ${nums.length} 个数字（${show(nums)}），应为 ${k} 个，无法确定各自所在的列，本行留空`,
    };
  }
  const lost = (n: number) => `只读到 ${n} 个数字（${show(nums)}），应为 ${k} 个，无法确定各自所在的列，本行留空`;
  // Blanks are known in a real table: nothing to cut or to place.
  if (o.structured || !nums.length) return { fail: lost(nums.length) };

  // Digits run together, or blank cells lost between numbers. The printed tokens are read as k
  // cells every possible way: any run of digits may hold several numbers, and a blank between two
  // tokens may stand for empty cells (a cell holding only &nbsp;). One reading only is the row as
  // printed (“0000000”, “规章 000”), also when its sum is wrong; otherwise the readings that fit
  // the row's own sum go to the table solver, which keeps one only when the whole table singles
  // it out. A row without any arithmetic is never guessed.
  const glued = nums.some((t) => t.glued || leadingZero(t.raw)) || nums.length === 1;
  if (!glued && !rules.arithmetic) return { fail: lost(nums.length) };
  const shown = show(nums);
  const tokens: GluedToken[] = nums.map((t) => ({
    raw: t.blank ? '' : t.raw,
    cut: !t.blank,
    blanksAfter: k,
  }));
  const all = enumerateReadings(tokens, k, () => true, 2);
  const inferred = (v: Value[]) => v.filter((x) => x === null).length > nums.filter((t) => t.blank).length;
  if (all.complete && all.readings.length === 1 && !inferred(all.readings[0]!)) {
    const only = all.readings[0]!;
    return { values: only, note: `数字连在一起（${shown}），按唯一可能拆分为 ${only.map(cellText).join(' ')}` };
  }
  if (!all.readings.length)
    return { fail: nums.length < k ? lost(nums.length) : `数字连在一起（${shown}），无法拆分为 ${k} 个数，本行留空` };
  const check = rules.check;
  const found = enumerateReadings(
    tokens,
    k,
    check ? (v) => check(v.map((x) => x ?? 0)) : () => true,
    MAX_READINGS,
    rules.partial,
  );
  if (!found.complete) return { fail: `数字连在一起（${shown}），拆分方式太多，无法确定，本行留空` };
  if (!found.readings.length)
    return glued
      ? { fail: `数字连在一起（${shown}），没有一种拆分能使本行合计相符，无法确定，本行留空` }
      : { fail: lost(nums.length) };
  return { domain: found.readings, shown, glued };
}

/** A cell in a message: its number, or 空 for an empty cell. */
export const cellText = (v: number | null): string => (v === null ? '空' : String(v));
