// The quick tests in front of the label likeness (LCS) must never change a score: rowLabelScore
// skips an LCS only where a bound says it cannot win, and labelScore's `min` test may take the
// observed text's characters precomputed. Both checked against the plain computation on texts made
// of the tables' own label characters (so that near misses, the hard case for a bound, are common).
import { describe, expect, it } from 'vitest';
import { rowLabelScore } from '../../../shared/import/tables/align';
import type { Observation } from '../../../shared/import/tables/observe';
import { SPECS } from '../../../shared/import/tables/spec';
import { labelScore, observedChars } from '../../../shared/import/text-utils';

/** A small deterministic generator (mulberry32): the same texts on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rows = [...SPECS.t2_2021.rows, ...SPECS.t3_2021.rows, ...SPECS.t3_2019.rows].filter((r) => r.variants.length);
const alphabet = [...new Set(rows.flatMap((r) => r.variants.join('')))].join('') + '0123456789其它各类';

/** A label mangled the ways copies mangle them: characters dropped, swapped in, others added around. */
function mangle(next: () => number, label: string): string {
  let out = '';
  for (const ch of label) {
    const r = next();
    if (r < 0.12) continue;
    out += r < 0.22 ? alphabet[Math.floor(next() * alphabet.length)]! : ch;
  }
  return out;
}

function text(next: () => number, max: number): string {
  const kind = next();
  if (kind < 0.15) return '';
  const label = rows[Math.floor(next() * rows.length)]!.variants[0]!;
  let s = kind < 0.6 ? mangle(next, label) : '';
  const extra = Math.floor(next() * max);
  for (let i = 0; i < extra; i++) s += alphabet[Math.floor(next() * alphabet.length)]!;
  return s;
}

/** rowLabelScore without any bound: the best of every variant on the label and on its context. */
function plainRowScore(variants: string[], o: Observation): number {
  const full = `${o.before}${o.own}${o.after}`;
  const side = Math.max(0, (160 - o.own.length) >> 1);
  const context = full.length <= 160 ? full : `${o.before.slice(-side)}${o.own}${o.after.slice(0, side)}`;
  let best = 0;
  for (const v of variants) {
    const weight = Math.min(1, 0.55 + v.length / 10);
    if (o.own) best = Math.max(best, labelScore(v, o.own) * weight);
    if (context) best = Math.max(best, labelScore(v, context) * weight * 0.85);
  }
  return best;
}

describe('label likeness with its quick tests', () => {
  it('rowLabelScore equals the score computed for every variant (2,000 observations × every row)', () => {
    const next = random(15);
    for (let k = 0; k < 2000; k++) {
      const o: Observation = {
        own: text(next, 12),
        before: text(next, 60),
        after: text(next, 60),
        text: '',
        nums: [],
        structured: false,
        headers: [],
      };
      for (const spec of rows) expect(rowLabelScore(spec, o)).toBe(plainRowScore(spec.variants, o));
    }
  });

  it('labelScore with a minimum gives the same score with the observed characters precomputed', () => {
    const next = random(2021);
    for (let k = 0; k < 3000; k++) {
      const observed = text(next, k % 10 === 0 ? 500 : 30);
      const chars = observedChars(observed);
      for (const min of [0.5, 0.8, 0.88]) {
        const expected = rows[Math.floor(next() * rows.length)]!.variants[0]!;
        expect(labelScore(expected, observed, min, chars)).toBe(labelScore(expected, observed, min));
      }
    }
  });
});
