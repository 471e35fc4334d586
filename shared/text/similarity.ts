/** Text similarity for comparing paragraphs across years (内容雷同) and aligning them. */

/** Whitespace and punctuation width differences do not make two paragraphs different. */
export function normaliseText(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .trim();
}

function bigrams(text: string): Map<number, number> {
  const out = new Map<number, number>();
  for (let i = 0; i < text.length - 1; i++) {
    const key = text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1);
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/**
 * Dice coefficient over character bigrams (0..1) of two normalised texts. Cheap length
 * pre-filter: texts whose lengths differ by more than `floor` allows cannot reach it.
 */
export function similarity(a: string, b: string, floor = 0): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const min = Math.min(a.length, b.length);
  const max = Math.max(a.length, b.length);
  // Dice ≤ 2·min/(min+max): skip pairs that cannot reach the floor.
  if ((2 * (min - 1)) / (min + max - 2) < floor) return 0;
  const ga = bigrams(a);
  const gb = bigrams(b);
  let common = 0;
  for (const [k, n] of ga) {
    const m = gb.get(k);
    if (m) common += Math.min(n, m);
  }
  return (2 * common) / (a.length - 1 + b.length - 1);
}
