// The quick tests in front of the label likeness (LCS) must never change a score: rowLabelScore
// skips an LCS only where a bound says it cannot win, and labelScore's `min` test may take the
// observed text's characters precomputed, and the Table 3 label test of the headings bounds its LCS
// runs too. All checked against the plain computation on texts made
// of the tables' own label characters (so that near misses, the hard case for a bound, are common).
import { describe, expect, it } from 'vitest';
import { containsTableLabel, isTableLabel, matchHeading, TABLE_LABELS } from '../../../shared/import/headings';
import { rowLabelScore } from '../../../shared/import/tables/align';
import type { Observation } from '../../../shared/import/tables/observe';
import { SPECS } from '../../../shared/import/tables/spec';
import { labelScore, observedChars } from '../../../shared/import/text-utils';
import { rng } from '../../fixtures/random';

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
    const next = rng(15);
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

  it('rowLabelScore keeps its scores when observations alternate and its character marks wrap', () => {
    // align scores one observation against every row before the next; other orders must give the
    // same scores (the marks of the observation scored last are replaced), also past 255 of them
    // and for labels and contexts too long to be read whole.
    const next = rng(30);
    const obs: Observation[] = Array.from({ length: 300 }, (_, k) => ({
      own: k % 25 === 0 ? text(next, 12).padEnd(420, '政') : text(next, 12),
      before: text(next, k % 30 === 0 ? 500 : 60),
      after: text(next, 60),
      text: '',
      nums: [],
      structured: false,
      headers: [],
    }));
    for (const spec of rows.slice(0, 12))
      for (const o of obs) expect(rowLabelScore(spec, o)).toBe(plainRowScore(spec.variants, o));
  });

  it('the Table 3 label test of the headings answers as every label scored in full', () => {
    const plain = (key: string) =>
      TABLE_LABELS.some((t) => key.length <= t.length + 6 && (key.includes(t) || labelScore(t, key) >= 0.8));
    const next = rng(7);
    const keys = [''];
    for (const t of TABLE_LABELS) {
      keys.push(t, t.slice(1), t.slice(0, -2), `${t}合计`);
      for (let k = 0; k < 20; k++) keys.push(mangle(next, t), text(next, 8) + mangle(next, t));
    }
    for (let k = 0; k < 400; k++) keys.push(text(next, k % 40 === 0 ? 450 : 20));
    let hits = 0;
    for (const key of keys) {
      const want = plain(key);
      expect(isTableLabel(key), key).toBe(want);
      if (want) hits++;
    }
    // Both answers occur: the test says something about each.
    expect(hits).toBeGreaterThan(keys.length / 10);
    expect(hits).toBeLessThan(keys.length - 100);
  });

  it('the whole-label search of the headings finds every label a line holds, and no other', () => {
    // Its quick test (a label's first, middle and last characters in the key) must never skip a
    // label the key contains: keys with labels whole amid other text, cut short by one character at
    // either end (no match, though every other character is there), and unrelated text.
    const plain = (key: string) => TABLE_LABELS.some((t) => key.length <= t.length + 6 && key.includes(t));
    const next = rng(44);
    const keys: string[] = [];
    for (const t of TABLE_LABELS) {
      for (let k = 0; k < 10; k++) {
        const before = text(next, 4);
        const after = text(next, 4);
        keys.push(`${before}${t}${after}`, `${before}${t.slice(1)}${after}`, `${before}${t.slice(0, -1)}${after}`);
      }
    }
    for (let k = 0; k < 400; k++) keys.push(text(next, 20));
    let hits = 0;
    for (const key of keys) {
      const want = plain(key);
      expect(containsTableLabel(key), key).toBe(want);
      if (want) hits++;
    }
    expect(hits).toBeGreaterThan(TABLE_LABELS.length * 3);
    expect(hits).toBeLessThan(keys.length - 400);
  });

  it('the headings never take a Table 3 row, as printed with its enumerator and numbers, for a heading', () => {
    // matchHeading asks the label test only of a line that would otherwise be a heading: many rows
    // would (一、本年新收政府信息公开申请数量 has the words of the requests section).
    const enumerators = ['一、', '二、', '三、', '四、', '（一）', '1.', ''];
    let wouldBe = 0;
    for (const spec of [SPECS.t3_2021, SPECS.t3_2019])
      for (const row of spec.rows)
        for (const en of enumerators)
          for (const nums of ['', ' 21 0 0 0 0 0 21']) {
            const line = `${en}${row.label.replace(/^[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]\s*/, '')}${nums}`;
            if (TABLE_LABELS.some((t) => line.includes(t))) wouldBe++;
            if (isTableLabel(TABLE_LABELS.find((t) => line.includes(t)) ?? '-'))
              expect(matchHeading(line), line).toBeNull();
          }
    expect(wouldBe).toBeGreaterThan(50);
  });

  it('labelScore with a minimum gives the same score with the observed characters precomputed', () => {
    const next = rng(2021);
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
