// The fast PDF reader keeps a CID font's long width ranges as ranges (shared/import/pdf/fast/widths.ts):
// every code must get the width the plain Map of every code, set in /W order, would give — the last
// setting of a code wins, whether a single code, a short range or a long one.
import { describe, expect, it } from 'vitest';
import { Widths } from '../../../shared/import/pdf/fast/widths';
import { rng } from '../../fixtures/random';

describe('CID font widths kept as ranges', () => {
  it('answers as a Map of every code for /W entries that overlap in every order', () => {
    const next = rng(8);
    for (let round = 0; round < 200; round++) {
      const widths = new Widths();
      const plain = new Map<number, number>();
      for (let k = 0; k < 12; k++) {
        const from = Math.floor(next() * 3000);
        const width = Math.floor(next() * 1000);
        const r = next();
        if (r < 0.4) {
          widths.set(from, width);
          plain.set(from, width);
        } else {
          // Short ranges (set code by code), long ones (kept as ranges), empty ones (to < from).
          const to = from + Math.floor((r < 0.6 ? 100 : r < 0.95 ? 2500 : -5) * next());
          widths.setRange(from, to, width);
          for (let c = from; c <= to; c++) plain.set(c, width);
        }
      }
      const got = Array.from({ length: 6000 }, (_, c) => widths.get(c));
      expect(got, `round ${round}`).toEqual(Array.from({ length: 6000 }, (_, c) => plain.get(c)));
    }
  });

  it('counts every code set (the reader refuses /W past its cap)', () => {
    const widths = new Widths();
    widths.setRange(871, 28574, 1000);
    widths.set(16, 333);
    widths.setRange(19, 24, 500);
    expect(widths.count).toBe(28574 - 871 + 1 + 1 + 6);
  });
});
