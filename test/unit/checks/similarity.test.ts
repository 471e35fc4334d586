import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diceOfTexts, ReuseIndex } from '../../../shared/checks/text/similarity';

function naiveDice(a: string, b: string): number {
  const grams = (t: string) => new Set(Array.from({ length: Math.max(0, t.length - 1) }, (_, i) => t.slice(i, i + 2)));
  const A = grams(a);
  const B = grams(b);
  if (!A.size || !B.size) return 0;
  let common = 0;
  for (const g of A) if (B.has(g)) common++;
  return (2 * common) / (A.size + B.size);
}

describe('paragraph similarity (bigram Dice)', () => {
  it('equals the textbook Dice coefficient', () => {
    expect(diceOfTexts('政府信息公开', '政府信息公开')).toBe(1);
    expect(diceOfTexts('政府信息公开', '群众满意度高')).toBe(0);
    expect(diceOfTexts('abcd', 'abce')).toBeCloseTo(naiveDice('abcd', 'abce'));
  });

  it('finds the best paragraph at or above the threshold, exactly like a pairwise comparison (random texts)', () => {
    const text = fc.string({
      unit: fc.constantFrom(...'政府信息公开工作年度报告申请办理'.split('')),
      minLength: 0,
      maxLength: 60,
    });
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 1, maxLength: 12 }),
        fc.array(text, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(0, 0.5, 0.9),
        (last, now, threshold) => {
          const index = new ReuseIndex(last, threshold);
          for (const t of now) {
            const scores = last.map((l) => naiveDice(t, l));
            const top = Math.max(...scores);
            const got = index.best(t);
            if (top >= threshold && top > 0) {
              expect(got).not.toBeNull();
              expect(got!.score).toBeCloseTo(top, 9);
              expect(scores[got!.index]).toBeCloseTo(top, 9);
            } else {
              expect(got).toBeNull();
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds near-copies of long paragraphs exactly like a pairwise comparison (edits around the 0.9 threshold)', () => {
    const alphabet =
      '政府信息公开工作年度报告申请办理坚持以新时代中国特色社会主义思想为指导认真学习宣传贯彻党的二十大精神按照决策部署严格落实条例各项规定平台网站';
    const para = fc
      .array(fc.constantFrom(...alphabet.split('')), { minLength: 30, maxLength: 700 })
      .map((cs) => cs.join(''));
    const edit = fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.constantFrom(...alphabet.split('')));
    fc.assert(
      fc.property(
        fc.array(para, { minLength: 1, maxLength: 8 }),
        fc.array(fc.tuple(fc.nat(), fc.array(edit, { maxLength: 40 })), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(0.8, 0.9, 0.95),
        (last, edits, threshold) => {
          const index = new ReuseIndex(last, threshold);
          for (const [pick, changes] of edits) {
            // A copy of one of last year's paragraphs with a few characters replaced, inserted or deleted.
            let t = last[pick % last.length]!;
            for (const [at, op, ch] of changes) {
              const i = at % (t.length + 1);
              t =
                op === 0
                  ? t.slice(0, i) + ch + t.slice(i + 1)
                  : op === 1
                    ? t.slice(0, i) + ch + t.slice(i)
                    : op === 2
                      ? t.slice(0, i) + t.slice(i + 1)
                      : t;
            }
            const scores = last.map((l) => naiveDice(t, l));
            const top = Math.max(...scores);
            const got = index.best(t);
            if (top >= threshold && top > 0) {
              expect(got).not.toBeNull();
              expect(got!.score).toBeCloseTo(top, 9);
              expect(got!.index).toBe(scores.indexOf(top));
            } else {
              expect(got).toBeNull();
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds near-copies exactly when one long paragraph of last year sets many classes for short ones', () => {
    const alphabet =
      '政府信息公开工作年度报告申请办理坚持以新时代中国特色社会主义思想为指导认真学习宣传贯彻党的二十大精神';
    const para = (min: number, max: number) =>
      fc.array(fc.constantFrom(...alphabet.split('')), { minLength: min, maxLength: max }).map((cs) => cs.join(''));
    const edit = fc.tuple(fc.nat(), fc.nat({ max: 2 }), fc.constantFrom(...alphabet.split('')));
    fc.assert(
      fc.property(
        para(1500, 3000),
        fc.array(para(40, 300), { minLength: 1, maxLength: 10 }),
        fc.array(fc.tuple(fc.nat(), fc.array(edit, { maxLength: 30 })), { minLength: 1, maxLength: 5 }),
        (long, short, edits) => {
          const last = [...short, long];
          const index = new ReuseIndex(last, 0.9);
          for (const [pick, changes] of edits) {
            let t = last[pick % last.length]!;
            for (const [at, op, ch] of changes) {
              const i = at % (t.length + 1);
              t =
                op === 0
                  ? t.slice(0, i) + ch + t.slice(i + 1)
                  : op === 1
                    ? t.slice(0, i) + ch + t.slice(i)
                    : t.slice(0, i) + t.slice(i + 1);
            }
            const scores = last.map((l) => naiveDice(t, l));
            const top = Math.max(...scores);
            const got = index.best(t);
            if (top >= 0.9) {
              expect(got!.score).toBeCloseTo(top, 9);
              expect(got!.index).toBe(scores.indexOf(top));
            } else expect(got).toBeNull();
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps working when this year’s texts are much larger than last year’s (the table grows)', () => {
    const index = new ReuseIndex(['政府信息公开'], 0.5);
    const big = Array.from({ length: 3000 }, (_, i) => String.fromCharCode(0x4e00 + i)).join('');
    expect(index.best(big)).toBeNull();
    expect(index.best('政府信息公开')!.score).toBe(1);
  });
});
