import { memo } from './cache';

/**
 * Paragraph similarity for 内容雷同 (X-REUSED-TEXT): Dice coefficient over the sets of character
 * bigrams, computed on sorted integer arrays (one merge per pair). Pairs whose lengths alone rule out
 * the threshold are never compared, and each text's bigrams are computed once and cached.
 */

/** Sorted distinct bigram codes of a text. */
export function bigramSet(text: string): Uint32Array {
  const n = text.length - 1;
  if (n <= 0) return new Uint32Array(0);
  const codes = new Uint32Array(n);
  for (let i = 0; i < n; i++) codes[i] = ((text.charCodeAt(i) & 0xffff) << 16) | (text.charCodeAt(i + 1) & 0xffff);
  codes.sort();
  let m = 0;
  for (let i = 0; i < n; i++) if (i === 0 || codes[i] !== codes[m - 1]) codes[m++] = codes[i]!;
  return codes.subarray(0, m);
}

/** Dice coefficient of two bigram sets (0..1). */
export function dice(a: Uint32Array, b: Uint32Array): number {
  if (!a.length || !b.length) return 0;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return (2 * common) / (a.length + b.length);
}

/** Whether two set sizes can reach a Dice of `threshold` at all (2·min/(min+max) ≥ threshold). */
export function sizesCanReach(a: number, b: number, threshold: number): boolean {
  const min = Math.min(a, b);
  const max = Math.max(a, b);
  return min + max > 0 && (2 * min) / (min + max) >= threshold;
}

const sets = memo<Uint32Array>();

export function bigramSetCached(text: string): Uint32Array {
  return sets(text, () => bigramSet(text));
}
