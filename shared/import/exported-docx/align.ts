/**
 * Aligns the paragraphs a report printed with the paragraphs found in the edited document: a
 * weighted longest common subsequence in which only similar enough paragraphs may pair up.
 * Unpaired printed paragraphs were deleted, unpaired found ones were added, paired ones that
 * differ were changed.
 */

/** Dice coefficient of character bigrams (characters for very short texts): 0 … 1. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  const grams = (s: string): Map<string, number> => {
    const chars = [...s];
    const m = new Map<string, number>();
    if (chars.length < 2) {
      for (const ch of chars) m.set(ch, (m.get(ch) ?? 0) + 1);
      return m;
    }
    for (let i = 0; i + 1 < chars.length; i++) {
      const g = chars[i]! + chars[i + 1]!;
      m.set(g, (m.get(g) ?? 0) + 1);
    }
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let common = 0;
  let total = 0;
  for (const v of ga.values()) total += v;
  for (const v of gb.values()) total += v;
  for (const [g, n] of ga) common += Math.min(n, gb.get(g) ?? 0);
  return total === 0 ? 0 : (2 * common) / total;
}

/** Below this, two paragraphs are treated as unrelated (one deleted, one added). */
export const PAIR_THRESHOLD = 0.3;

export interface AlignItem {
  text: string;
  /** heading2 / heading3 / body …: a pairing of the same kind is preferred. */
  kind?: string;
}

/** Pairs [expectedIndex, foundIndex], in order. */
export function align(expected: AlignItem[], found: AlignItem[]): [number, number][] {
  const n = expected.length;
  const m = found.length;
  const score = (i: number, j: number): number => {
    const e = expected[i]!;
    const f = found[j]!;
    if (e.text === f.text) return 3;
    const s = similarity(e.text, f.text);
    if (s < PAIR_THRESHOLD) return -1;
    return s + (e.kind && e.kind === f.kind ? 0.2 : 0);
  };
  // best[i][j]: best total score aligning expected[i..] with found[j..]
  const best: Float64Array[] = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  const s: Float64Array[] = Array.from({ length: n }, () => new Float64Array(m));
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) s[i]![j] = score(i, j);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      let v = Math.max(best[i + 1]![j]!, best[i]![j + 1]!);
      const p = s[i]![j]!;
      if (p >= 0) v = Math.max(v, p + best[i + 1]![j + 1]!);
      best[i]![j] = v;
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const p = s[i]![j]!;
    if (p >= 0 && best[i]![j] === p + best[i + 1]![j + 1]!) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (best[i]![j] === best[i + 1]![j]) i++;
    else j++;
  }
  return pairs;
}
