import { LABEL_SCORE_MAX_EXPECTED, LABEL_SCORE_MAX_OBSERVED, labelScore, labelScoreOf, matchKey } from '../text-utils';
import type { Observation } from './observe';
import type { RowSpec } from './spec';

/**
 * Pairs the expected rows of a table with the observed numeric rows, in order (a table is never
 * printed out of order, but rows may be missing, added — subtotals — or unlabelled). Dynamic
 * programming over (expected, observed), scoring label likeness and whether the count of numbers
 * fits. Labels of a PDF or text copy may sit before, on or after the numbers' line.
 */

export interface Pair {
  spec: number;
  obs: number;
  label: number;
  score: number;
}

export interface Alignment {
  pairs: Pair[];
  score: number;
}

/** A 32-bit signature of a text's characters (a character sets bit code mod 32). */
function signature(text: string): number {
  let m = 0;
  for (let i = 0; i < text.length; i++) m |= 1 << (text.charCodeAt(i) & 31);
  return m;
}

/** What `scoreBound` needs of a text: its signature, and whether `labelScore` reads it whole. */
interface Chars {
  sig: number;
  whole: boolean;
}

function charsOf(text: string): Chars {
  return { sig: signature(text), whole: text.length <= LABEL_SCORE_MAX_OBSERVED };
}

/** Per observation: the characters of its label and context, and the scores already computed (both Table 3 layouts share rows). */
const SEEN = new WeakMap<
  Observation,
  { own: Chars; context: Chars; contextKey: string; scores: Map<string, number> }
>();

/** Labels are short: text far around one (a long paragraph of fragments) adds nothing but cost. */
const MAX_CONTEXT = 160;

function seenOf(o: Observation) {
  let c = SEEN.get(o);
  if (!c) {
    const full = `${o.before}${o.own}${o.after}`;
    const side = Math.max(0, (MAX_CONTEXT - o.own.length) >> 1);
    const contextKey = full.length <= MAX_CONTEXT ? full : `${o.before.slice(-side)}${o.own}${o.after.slice(0, side)}`;
    c = { own: charsOf(o.own), context: charsOf(contextKey), contextKey, scores: new Map() };
    SEEN.set(o, c);
  }
  return c;
}

/**
 * The characters of the observation being scored — its label and its context — marked by stamp
 * (`OWN_MARKS[code] === stamp`): every row's variants are tested against them, character by
 * character, mostly before the optimising compiler has seen this code, where a typed array is read
 * far faster than a Set. `align` scores one observation against every row before the next.
 */
const OWN_MARKS = new Uint8Array(65536);
const CONTEXT_MARKS = new Uint8Array(65536);
let marked: Observation | null = null;
let stamp = 0;

function markChars(o: Observation, contextKey: string): void {
  if (marked === o) return;
  if (++stamp > 255) {
    OWN_MARKS.fill(0);
    CONTEXT_MARKS.fill(0);
    stamp = 1;
  }
  marked = o;
  // Only texts that labelScore reads whole are counted character by character (scoreBound).
  if (o.own.length <= LABEL_SCORE_MAX_OBSERVED)
    for (let i = 0; i < o.own.length; i++) OWN_MARKS[o.own.charCodeAt(i)] = stamp;
  if (contextKey.length <= LABEL_SCORE_MAX_OBSERVED)
    for (let i = 0; i < contextKey.length; i++) CONTEXT_MARKS[contextKey.charCodeAt(i)] = stamp;
}

/**
 * The most `labelScore(e, o)` can be: as if every character of `e` that occurs in `o` were found in
 * order (the longest common subsequence has no more). The characters themselves where `labelScore`
 * reads both texts whole (`marks`: o's, marked by markChars); else (texts it cuts) the signature,
 * which never counts fewer. A label's context fills most of a signature's 32 bits, so the exact
 * test is what spares most LCS runs.
 */
function scoreBound(e: string, o: string, chars: Chars, marks: Uint8Array): number {
  if (!o) return 0;
  let n = 0;
  if (chars.whole && e.length <= LABEL_SCORE_MAX_EXPECTED) {
    for (let i = 0; i < e.length; i++) if (marks[e.charCodeAt(i)] === stamp) n++;
  } else {
    const sig = chars.sig;
    for (let i = 0; i < e.length; i++) n += (sig >>> (e.charCodeAt(i) & 31)) & 1;
  }
  return labelScoreOf(n, e.length, o.length);
}

/** The memo key of a row's variants, made once per row. */
const VARIANTS_KEY = new WeakMap<RowSpec, string>();
function variantsKey(spec: RowSpec): string {
  let k = VARIANTS_KEY.get(spec);
  if (k === undefined) VARIANTS_KEY.set(spec, (k = spec.variants.join('|')));
  return k;
}

export function rowLabelScore(spec: RowSpec, o: Observation): number {
  if (!spec.variants.length) return 0;
  const c = seenOf(o);
  const memo = variantsKey(spec);
  const known = c.scores.get(memo);
  if (known !== undefined) return known;
  let own = 0;
  let around = 0;
  const context = c.contextKey;
  markChars(o, context);
  for (const v of spec.variants) {
    // Short variants (其他, 总计) are weak evidence on their own.
    const weight = Math.min(1, 0.55 + v.length / 10);
    // The longest-common-subsequence score only where it could beat what is already found.
    if (o.own && scoreBound(v, o.own, c.own, OWN_MARKS) * weight > own)
      own = Math.max(own, labelScore(v, o.own) * weight);
    const best = Math.max(own, around);
    if (context && scoreBound(v, context, c.context, CONTEXT_MARKS) * weight * 0.85 > best)
      around = Math.max(around, labelScore(v, context) * weight * 0.85);
  }
  const score = Math.max(own, around);
  c.scores.set(memo, score);
  return score;
}

/** How well the count of numbers fits the row (1 exact; less when blanks or glue must be resolved). */
export function countFit(spec: RowSpec, o: Observation): number {
  const k = spec.cols.length;
  const n = o.nums.length;
  if (n === k) return 1;
  if (n === 0) return 0;
  if (n < k) {
    const positioned = o.nums.every((t) => t.x0 !== undefined);
    const digits = o.nums.reduce((s, t) => s + (t.blank ? 1 : t.raw.replace(/\D/g, '').length), 0);
    if (positioned) return 0.6;
    if (digits >= k) return 0.5;
    return 0.15;
  }
  return n % k === 0 ? 0.3 : 0.2;
}

export function align(specs: RowSpec[], obs: Observation[]): Alignment {
  const n = specs.length;
  const m = obs.length;
  // One observation against every row, then the next: its characters are marked once (markChars).
  const label: number[][] = specs.map(() => new Array<number>(m));
  for (let j = 0; j < m; j++) for (let i = 0; i < n; i++) label[i]![j] = rowLabelScore(specs[i]!, obs[j]!);
  const matchScore = (i: number, j: number) => {
    const l = label[i]![j]!;
    const o = obs[j]!;
    const fit = countFit(specs[i]!, o);
    // A row that has a label of its own which is not this one is very unlikely to be it.
    const foreign = o.own.length >= 2 && l < 0.35 ? 1.6 : 0;
    return fit + 3 * l - foreign;
  };
  const dp: Float64Array[] = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  const move: Uint8Array[] = Array.from({ length: n + 1 }, () => new Uint8Array(m + 1));
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      let best = -Infinity;
      let how = 0;
      if (i > 0 && dp[i - 1]![j]! > best) {
        best = dp[i - 1]![j]!;
        how = 1; // expected row missing
      }
      if (j > 0 && dp[i]![j - 1]! > best) {
        best = dp[i]![j - 1]!;
        how = 2; // observed row not in the template
      }
      if (i > 0 && j > 0) {
        const s = dp[i - 1]![j - 1]! + matchScore(i - 1, j - 1);
        if (s > best) {
          best = s;
          how = 3;
        }
      }
      dp[i]![j] = best;
      move[i]![j] = how;
    }
  }
  const pairs: Pair[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const how = move[i]![j]!;
    if (how === 3) {
      const s = matchScore(i - 1, j - 1);
      if (s > 0) pairs.unshift({ spec: i - 1, obs: j - 1, label: label[i - 1]![j - 1]!, score: s });
      i--;
      j--;
    } else if (how === 1) i--;
    else j--;
  }
  return { pairs, score: dp[n]![m]! };
}

/** Match key of a free text, for callers that compare labels. */
export const key = matchKey;
