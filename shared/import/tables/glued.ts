/**
 * Rows whose numbers lost their separators (“210000021” for 21 0 0 0 0 0 21): every way to cut
 * the digits into the expected count of numbers (no leading zeros), filtered by a check. The
 * search is bounded; when it cannot decide, the caller says so.
 */

export type RowCheck = (values: number[]) => boolean;

const MAX_NODES = 200_000;
const MAX_DIGITS_PER_NUMBER = 9;

export interface GluedToken {
  raw: string;
  /** Whether the token may hold several numbers (digits stuck together); others are one number. */
  cut: boolean;
}

/**
 * Splits the tokens (in order) into exactly `count` numbers, cutting only the tokens marked `cut`.
 * Returns every split accepted by `check` (at most `limit`); `partial` prunes prefixes early.
 */
export function splitGlued(
  tokens: GluedToken[],
  count: number,
  check: RowCheck,
  limit = 50,
  partial?: (prefix: number[]) => boolean,
): number[][] {
  return enumerateSplits(tokens, count, check, limit, partial).splits;
}

/**
 * As `splitGlued`, and whether the search saw every split (false when it stopped at `limit` or at
 * its node budget: then more splits may exist than the ones returned).
 */
export function enumerateSplits(
  tokens: GluedToken[],
  count: number,
  check: RowCheck,
  limit = 50,
  partial?: (prefix: number[]) => boolean,
): { splits: number[][]; complete: boolean } {
  const digits = tokens.map((t) => t.raw.replace(/\s+/g, ''));
  const cuttable = tokens.map((t, i) => t.cut && /^\d+$/.test(digits[i]!));
  const results: number[][] = [];
  let nodes = 0;
  let stopped = false;
  const cur: number[] = [];
  // Most numbers the tokens from `ti` on can give (a cuttable token one per digit).
  const maxFrom: number[] = new Array<number>(digits.length + 1).fill(0);
  for (let i = digits.length - 1; i >= 0; i--) maxFrom[i] = maxFrom[i + 1]! + (cuttable[i] ? digits[i]!.length : 1);
  const full = () => results.length >= limit || ++nodes > MAX_NODES;

  const cutToken = (ti: number, rest: string): void => {
    if (full()) return void (stopped = true);
    if (rest === '') return nextToken(ti + 1);
    const numbersLeft = count - cur.length;
    if (numbersLeft <= 0) return;
    const maxLen = rest[0] === '0' ? 1 : Math.min(MAX_DIGITS_PER_NUMBER, rest.length);
    const laterTokens = digits.length - ti - 1;
    for (let len = 1; len <= maxLen; len++) {
      // Leave room: the rest of this token and the later tokens must still fit the count.
      const remaining = rest.length - len;
      if (numbersLeft - 1 < (remaining > 0 ? 1 : 0) + laterTokens) continue;
      if (numbersLeft - 1 > remaining + maxFrom[ti + 1]!) continue;
      if (remaining > (numbersLeft - 1) * MAX_DIGITS_PER_NUMBER) continue;
      cur.push(Number(rest.slice(0, len)));
      if (!partial || partial(cur)) cutToken(ti, rest.slice(len));
      cur.pop();
    }
  };
  const nextToken = (ti: number): void => {
    if (full()) return void (stopped = true);
    if (ti === digits.length) {
      if (cur.length === count && check(cur)) results.push([...cur]);
      return;
    }
    const need = count - cur.length;
    if (need < digits.length - ti || need > maxFrom[ti]!) return;
    const d = digits[ti]!;
    if (cuttable[ti]) cutToken(ti, d);
    else {
      const v = Number(d.replace(/,/g, ''));
      if (!Number.isFinite(v)) return;
      cur.push(v);
      if (!partial || partial(cur)) nextToken(ti + 1);
      cur.pop();
    }
  };
  nextToken(0);
  return { splits: results, complete: !stopped };
}
