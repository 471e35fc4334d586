import { describe, expect, it } from 'vitest';
import { AffineMatrix } from '../../../electron/services/import/dom-matrix';

const close = (m: AffineMatrix, want: number[]) =>
  [m.a, m.b, m.c, m.d, m.e, m.f].forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 10));

describe('the DOMMatrix stand-in for pdf.js', () => {
  it('multiplies, translates, scales and inverts like DOMMatrix', () => {
    const m = new AffineMatrix([2, 0, 0, 3, 5, 7]);
    close(m.multiply([1, 0, 0, 1, 1, 1]), [2, 0, 0, 3, 7, 10]);
    close(new AffineMatrix([1, 0, 0, 1, 1, 1]).preMultiplySelf(m), [2, 0, 0, 3, 7, 10]);
    close(m.translate(1, 1).scale(2), [4, 0, 0, 6, 7, 10]);
    close(m.multiply(m.inverse()), [1, 0, 0, 1, 0, 0]);
    expect(new AffineMatrix().isIdentity).toBe(true);
    expect(m.transformPoint({ x: 1, y: 1 })).toMatchObject({ x: 7, y: 10 });
    expect(new AffineMatrix([0, 0, 0, 0, 0, 0]).invertSelf().a).toBeNaN();
  });
});
