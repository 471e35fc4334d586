/**
 * Paragraph similarity for 内容雷同 (X-REUSED-TEXT): the Dice coefficient over the sets of distinct
 * character bigrams, 2·|A∩B| / (|A| + |B|).
 *
 * Finding the paragraphs of last year at or above a high threshold (0.9) without comparing every pair:
 * the bigrams of a paragraph (char codes packed into one int) are split into K classes by a hash, and each
 * class gets a signature (an OR of one hash bit per bigram; an empty class gives 0). Two sets that differ
 * in d bigrams differ in at most d classes, so a pair at or above the threshold agrees in at least K − d
 * classes, of which at most min(empty classes) are empty on both sides. Last year's (class, signature)
 * pairs go into one small hash table; a paragraph of this year looks up its signatures, and only the
 * pairs that agree often enough (plus any pair the bound cannot rule out: low thresholds, paragraphs far
 * longer than last year's) are compared exactly, on their sets of distinct bigrams. The filter never drops
 * a pair that reaches the threshold, so the result is that of a pairwise comparison; no set of distinct
 * bigrams is built unless a pair comes close. The index of a report is built once and reused while the
 * clerk edits this year's.
 */

export interface Match {
  /** Index of last year's paragraph. */
  index: number;
  /** Dice coefficient, 0..1. */
  score: number;
}

const GOLDEN = 0x9e3779b1;

/**
 * Classes per paragraph: enough that two of last year's longest paragraphs at the threshold still agree in
 * some classes (they differ in at most 2·(1 − threshold)·length bigrams, a fifth of their length at 0.9),
 * few enough that a class usually holds several bigrams (a lone common bigram such as 政府 would make
 * unrelated paragraphs agree). Every class costs a table entry per paragraph and a look-up per paragraph of
 * this year, so the fewer the better: a quarter of the longest paragraph's length (0.3 measured ≈ 8 % slower
 * to build and search on the benchmark report; 0.22 no faster, as more pairs come close enough to be compared
 * exactly). The number of classes never changes a result, only how many pairs are compared exactly.
 */
const CLASSES_PER_BIGRAM = 0.25;
const MIN_CLASSES = 32;

/**
 * Class signatures of a text into `sig` (one int per class): bigram → hash; its top 16 bits pick the class,
 * five bits below them one bit of the class's signature (an OR: repeated bigrams need no de-duplication).
 * Equal sets of bigrams in a class give equal signatures; an empty class gives 0 (the callers count the
 * classes left empty as they walk the signatures).
 */
function signatures(text: string, sig: Int32Array): void {
  const k = sig.length;
  sig.fill(0);
  const n = text.length;
  let prev = text.charCodeAt(0);
  for (let i = 1; i < n; i++) {
    const c = text.charCodeAt(i);
    const h = Math.imul((prev << 16) | c, GOLDEN);
    prev = c;
    sig[Math.imul(h >>> 16, k) >>> 16]! |= 1 << (h >>> 11);
  }
}

/** Key of a (class, signature) pair in the signature table; 0 marks an empty slot. */
const sigKey = (c: number, sig: number) => sig ^ Math.imul(c + 1, 0x85ebca6b) || 1;

/** The distinct bigrams of one text at a time, in a small open-addressing set (stays in the L1 cache). */
class BigramSet {
  private seen = new Int32Array(512);
  private mask = 511;
  /** Slot of a hash: its top bits (32 − log2(size)). */
  private shift = 23;
  list = new Int32Array(256);
  size = 0;

  /** Reads a text: its distinct bigrams are listed in `list[0 .. size)`. */
  read(text: string): number {
    const n = text.length - 1;
    if (this.mask + 1 < 2 * n) {
      let bits = 10;
      while (1 << bits < 2 * n) bits++;
      this.seen = new Int32Array(1 << bits);
      this.mask = (1 << bits) - 1;
      this.shift = 32 - bits;
    } else this.seen.fill(0);
    if (this.list.length < n) this.list = new Int32Array(n);
    const { seen, list, mask, shift } = this;
    let size = 0;
    let prev = text.charCodeAt(0);
    for (let i = 1; i <= n; i++) {
      const c = text.charCodeAt(i);
      // Key of the bigram; 0 marks an empty slot (a pair of NUL characters never occurs in a report).
      const key = (prev << 16) | c || 1;
      prev = c;
      let s = Math.imul(key, GOLDEN) >>> shift;
      let k = seen[s]!;
      while (k !== key && k !== 0) {
        s = (s + 1) & mask;
        k = seen[s]!;
      }
      if (k !== 0) continue;
      seen[s] = key;
      list[size++] = key;
    }
    return (this.size = size);
  }

  /** Whether the text read last has the bigram. */
  has(key: number): boolean {
    const { seen, mask } = this;
    let s = Math.imul(key, GOLDEN) >>> this.shift;
    let k = seen[s]!;
    while (k !== key && k !== 0) {
      s = (s + 1) & mask;
      k = seen[s]!;
    }
    return k !== 0;
  }
}

const current = new BigramSet();
const other = new BigramSet();

export class ReuseIndex {
  /** Classes left empty per paragraph. */
  private readonly zeros: Uint16Array;
  /** Distinct bigrams of last year's paragraphs, read when a paragraph first comes up as a candidate. */
  private readonly keys: (Int32Array | undefined)[];
  /**
   * Signature table, chained: `heads[slot]` = first entry + 1 (0 = none); per entry its key, its paragraph
   * and the next entry + 1 in the same slot. Filled in the same pass that computes each paragraph's
   * signatures (no copy of all signatures, no second pass), sized from an upper bound on the entries (a
   * paragraph fills at most min(classes, bigrams) classes): at most one entry per slot on average.
   */
  private readonly shift: number;
  private readonly heads: Int32Array;
  private readonly entryKey: Int32Array;
  private readonly entryPara: Int32Array;
  private readonly entryNext: Int32Array;
  private readonly counts: Uint32Array;
  /** Classes per paragraph, and the signatures of the text being looked up. */
  private readonly k: number;
  private readonly sig: Int32Array;

  constructor(
    readonly texts: readonly string[],
    readonly threshold: number,
  ) {
    const n = texts.length;
    this.zeros = new Uint16Array(n);
    this.counts = new Uint32Array(n);
    this.keys = new Array<Int32Array | undefined>(n);
    let longest = 0;
    for (const t of texts) longest = Math.max(longest, t.length - 1);
    const K = (this.k = Math.min(4096, Math.max(MIN_CLASSES, Math.ceil(CLASSES_PER_BIGRAM * longest))));
    const sig = (this.sig = new Int32Array(K));
    let bound = 0;
    for (const t of texts) if (t.length >= 2) bound += Math.min(K, t.length - 1);
    let bits = 6;
    while (1 << bits < bound) bits++;
    const shift = (this.shift = 32 - bits);
    const heads = (this.heads = new Int32Array(1 << bits));
    const entryKey = (this.entryKey = new Int32Array(Math.max(1, bound)));
    const entryPara = (this.entryPara = new Int32Array(Math.max(1, bound)));
    const entryNext = (this.entryNext = new Int32Array(Math.max(1, bound)));
    let e = 0;
    for (let j = 0; j < n; j++) {
      const text = texts[j]!;
      if (text.length < 2) continue;
      signatures(text, sig);
      let zeros = 0;
      for (let c = 0; c < K; c++) {
        const s = sig[c]!;
        if (s === 0) {
          zeros++;
          continue;
        }
        const key = sigKey(c, s);
        const h = Math.imul(key, GOLDEN) >>> shift;
        entryKey[e] = key;
        entryPara[e] = j;
        entryNext[e] = heads[h]!;
        heads[h] = ++e;
      }
      this.zeros[j] = zeros;
    }
  }

  /** Distinct bigrams of last year's paragraph j. */
  private keysOf(j: number): Int32Array {
    let keys = this.keys[j];
    if (!keys) {
      const size = other.read(this.texts[j]!);
      this.keys[j] = keys = other.list.slice(0, size);
    }
    return keys;
  }

  /** The most similar paragraph of last year at or above the threshold, or null. */
  best(text: string): Match | null {
    if (text.length < 2) return null;
    const { counts, threshold, heads, entryKey, entryPara, entryNext, shift, zeros, texts, sig, k: K } = this;
    signatures(text, sig);
    counts.fill(0);
    let zA = 0;
    for (let c = 0; c < K; c++) {
      const s = sig[c]!;
      if (s === 0) {
        zA++;
        continue;
      }
      const key = sigKey(c, s);
      for (let e = heads[Math.imul(key, GOLDEN) >>> shift]! - 1; e >= 0; e = entryNext[e]! - 1)
        if (entryKey[e] === key) counts[entryPara[e]!]!++;
    }
    // Bigrams of this text (with repeats): at least its number of distinct bigrams.
    const nA = text.length - 1;
    let a = -1;
    let best: Match | null = null;
    for (let j = 0; j < counts.length; j++) {
      const nB = texts[j]!.length - 1;
      if (nB < 1) continue;
      // At or above the threshold the two sets differ in at most (1 − threshold)·(|A| + |B|) bigrams, hence
      // in at most as many classes; of the classes they agree in, at most min(zeros) are empty on both sides.
      // (Lengths bound the set sizes from above, which only loosens the test; 1e-7 absorbs rounding.)
      const d = Math.floor((nA + nB) * (1 - threshold) + 1e-7);
      if (counts[j]! < K - d - Math.min(zA, zeros[j]!)) continue;
      // A candidate: compare exactly.
      if (a < 0) a = current.read(text);
      const keys = this.keysOf(j);
      const b = keys.length;
      const sum = a + b;
      // Even sharing every bigram of the smaller set, the pair cannot reach the threshold.
      if ((2 * (a < b ? a : b)) / sum < threshold) continue;
      let common = 0;
      for (let e = 0; e < b; e++) if (current.has(keys[e]!)) common++;
      if (!common) continue;
      const score = (2 * common) / sum;
      if (score >= threshold && (!best || score > best.score)) best = { index: j, score };
    }
    return best;
  }
}

/** Dice coefficient of two texts (for tests and one-off comparisons). */
export function diceOfTexts(a: string, b: string): number {
  const index = new ReuseIndex([b], 0);
  return index.best(a)?.score ?? 0;
}
