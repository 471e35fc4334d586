/**
 * A CID font's advance widths (/W) as the fast reader keeps them: single codes in a Map, long
 * ranges (`c1 c2 w`) as ranges. Word and WPS write their CJK fonts' widths as ranges of tens of
 * thousands of codes (`871 28574 1000`); one Map entry per code was most of what the first PDF
 * import allocated, for the few hundred codes a report shows. A lookup answers as the Map of every
 * code set in /W order would: the last setting of a code wins.
 */

/** Ranges at most this long are set code by code (as short ranges and arrays always were). */
const SHORT_RANGE = 256;

export class Widths {
  private readonly codes = new Map<number, number>();
  /** Long ranges in /W order; a later one covers an earlier one. */
  private readonly ranges: { from: number; to: number; width: number }[] = [];
  /** Codes given a width, counted per setting (the reader's cap on /W). */
  count = 0;

  set(code: number, width: number): void {
    this.codes.set(code, width);
    this.count++;
  }

  setRange(from: number, to: number, width: number): void {
    if (to - from < SHORT_RANGE) {
      for (let c = from; c <= to; c++) this.set(c, width);
      return;
    }
    // Single codes set before this range are overwritten by it.
    for (const c of this.codes.keys()) if (c >= from && c <= to) this.codes.delete(c);
    this.ranges.push({ from, to, width });
    this.count += to - from + 1;
  }

  get(code: number): number | undefined {
    const w = this.codes.get(code);
    if (w !== undefined) return w;
    for (let i = this.ranges.length - 1; i >= 0; i--) {
      const r = this.ranges[i]!;
      if (code >= r.from && code <= r.to) return r.width;
    }
    return undefined;
  }
}
