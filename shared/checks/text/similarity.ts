/**
 * Paragraph similarity for 内容雷同 (X-REUSED-TEXT): the Dice coefficient over the sets of distinct
 * character bigrams, 2·|A∩B| / (|A| + |B|).
 *
 * Last year's paragraphs go into one inverted index (bigram → the paragraphs containing it, in typed
 * arrays with open addressing). A paragraph of this year is then compared with all of last year's at
 * once: one hash lookup per bigram, one counter increment per (bigram, paragraph) hit — no sorting, no
 * pairwise merging. The index of a report is built once and reused while the clerk edits this year's.
 */

export interface Match {
  /** Index of last year's paragraph. */
  index: number;
  /** Dice coefficient, 0..1. */
  score: number;
}

/** Key of the bigram at i; 0 marks an empty slot (a pair of NUL characters never occurs in a report). */
function bigramKey(text: string, i: number): number {
  return (((text.charCodeAt(i) & 0xffff) << 16) | (text.charCodeAt(i + 1) & 0xffff)) >>> 0 || 1;
}

/** Bigrams found in more of last year's paragraphs than this are “frequent” (政府, 公开…): counted only when needed. */
const FREQUENT = 6;

export class ReuseIndex {
  private readonly mask: number;
  /**
   * The hash table, four ints per slot so that a probe touches one cache line: key (0 = empty), stamp
   * (the pass that last saw the key), head of its postings (entry + 1, 0 = none), number of postings.
   */
  private readonly slots: Int32Array;
  private readonly next: Int32Array;
  private readonly para: Int32Array;
  private entries = 0;
  private round = 0;
  /** Distinct bigrams per paragraph of last year. */
  readonly sizes: Uint32Array;
  private readonly counts: Uint32Array;
  private readonly candidate: Uint32Array;
  private frequent = new Int32Array(256);
  private local = new Int32Array(64);

  constructor(
    readonly texts: readonly string[],
    readonly threshold: number,
  ) {
    let total = 0;
    for (const t of texts) total += Math.max(0, t.length - 1);
    // 1.5 slots per bigram of last year at least: the table is at most two-thirds full, usually a third.
    let size = 64;
    while (size < 1.5 * total) size <<= 1;
    this.mask = size - 1;
    const slots = (this.slots = new Int32Array(size * 4));
    this.next = new Int32Array(Math.max(16, total));
    this.para = new Int32Array(Math.max(16, total));
    this.sizes = new Uint32Array(texts.length);
    this.counts = new Uint32Array(texts.length);
    this.candidate = new Uint32Array(texts.length);
    const mask = this.mask;
    texts.forEach((text, j) => {
      const round = ++this.round;
      for (let i = 0; i < text.length - 1; i++) {
        const key = bigramKey(text, i) | 0;
        let h = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
        let k = slots[h << 2]!;
        while (k !== key && k !== 0) {
          h = (h + 1) & mask;
          k = slots[h << 2]!;
        }
        const at = h << 2;
        if (k === 0) slots[at] = key;
        if (slots[at + 1] === round) continue;
        slots[at + 1] = round;
        this.sizes[j]!++;
        const e = this.entries++;
        this.para[e] = j;
        this.next[e] = slots[at + 2]!;
        slots[at + 2] = e + 1;
        slots[at + 3]!++;
      }
    });
  }

  /** The most similar paragraph of last year at or above the threshold, or null. */
  best(text: string): Match | null {
    const { counts, candidate, threshold, slots, next, para, mask } = this;
    counts.fill(0);
    const round = ++this.round;
    if (this.frequent.length < text.length) this.frequent = new Int32Array(text.length);
    const frequent = this.frequent;
    // Bigrams last year never used are told apart in a small table of their own (the index is not touched).
    let localMask = 63;
    while (localMask + 1 < 2 * text.length) localMask = (localMask << 1) | 1;
    if (this.local.length <= localMask) this.local = new Int32Array(localMask + 1);
    const local = this.local;
    local.fill(0, 0, localMask + 1);
    let size = 0;
    let nFrequent = 0;
    // Pass 1: distinct bigrams; rare ones counted at once, frequent ones set aside.
    for (let i = 0; i < text.length - 1; i++) {
      const key = bigramKey(text, i) | 0;
      const hash = Math.imul(key, 0x9e3779b1) >>> 0;
      let h = hash & mask;
      let k = slots[h << 2]!;
      while (k !== key && k !== 0) {
        h = (h + 1) & mask;
        k = slots[h << 2]!;
      }
      if (k === 0) {
        // Not in last year's text: count it once.
        let l = hash & localMask;
        while (local[l] !== 0 && local[l] !== key) l = (l + 1) & localMask;
        if (local[l] === 0) {
          local[l] = key;
          size++;
        }
        continue;
      }
      const at = h << 2;
      if (slots[at + 1] === round) continue;
      slots[at + 1] = round;
      size++;
      if (slots[at + 3]! > FREQUENT) frequent[nFrequent++] = at;
      else for (let e = slots[at + 2]! - 1; e >= 0; e = next[e]! - 1) counts[para[e]!]!++;
    }
    // Only paragraphs that could still reach the threshold if every frequent bigram were shared.
    let any = false;
    for (let j = 0; j < counts.length; j++) {
      const reachable = counts[j]! + nFrequent >= (threshold * (size + this.sizes[j]!)) / 2;
      candidate[j] = reachable ? round : 0;
      if (reachable) any = true;
    }
    let best: Match | null = null;
    if (any) {
      // Pass 2: the frequent bigrams, for the candidates only.
      for (let f = 0; f < nFrequent; f++) {
        for (let e = slots[frequent[f]! + 2]! - 1; e >= 0; e = next[e]! - 1) {
          const j = para[e]!;
          if (candidate[j] === round) counts[j]!++;
        }
      }
      for (let j = 0; j < counts.length; j++) {
        if (candidate[j] !== round || !counts[j]) continue;
        const score = (2 * counts[j]!) / (size + this.sizes[j]!);
        if (score >= threshold && (!best || score > best.score)) best = { index: j, score };
      }
    }
    return best;
  }
}

/** Dice coefficient of two texts (for tests and one-off comparisons). */
export function diceOfTexts(a: string, b: string): number {
  const index = new ReuseIndex([b], 0);
  return index.best(a)?.score ?? 0;
}
