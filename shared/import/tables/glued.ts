/**
 * Rows whose numbers lost their separators (“210000021” for 21 0 0 0 0 0 21): every way to cut
 * the digits into the expected count of numbers (no leading zeros), filtered by the table's own
 * arithmetic. The search is bounded; when it cannot decide, the caller says so.
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
 * Returns every split accepted by `check` (at most `limit`).
 */
export function splitGlued(
  tokens: GluedToken[],
  count: number,
  check: RowCheck,
  limit = 50,
  partial?: (prefix: number[]) => boolean,
): number[][] {
  const digits = tokens.map((t) => t.raw.replace(/\s+/g, ''));
  const cuttable = tokens.map((t, i) => t.cut && /^\d+$/.test(digits[i]!));
  const results: number[][] = [];
  let nodes = 0;
  const cur: number[] = [];
  const minLeft = (ti: number) => digits.length - ti; // every remaining token gives at least one number
  const maxLeft = (ti: number) => digits.slice(ti).reduce((n, d, k) => n + (cuttable[ti + k] ? d.length : 1), 0);

  const cutToken = (ti: number, rest: string): void => {
    if (results.length >= limit || ++nodes > MAX_NODES) return;
    if (rest === '') return nextToken(ti + 1);
    const numbersLeft = count - cur.length;
    if (numbersLeft <= 0) return;
    const maxLen = rest[0] === '0' ? 1 : Math.min(MAX_DIGITS_PER_NUMBER, rest.length);
    for (let len = 1; len <= maxLen; len++) {
      // Leave room: the rest of this token and the later tokens must still fit the count.
      const remaining = rest.length - len;
      const laterTokens = digits.length - ti - 1;
      if (numbersLeft - 1 < (remaining > 0 ? 1 : 0) + laterTokens) continue;
      if (remaining > (numbersLeft - 1) * MAX_DIGITS_PER_NUMBER) continue;
      cur.push(Number(rest.slice(0, len)));
      if (!partial || partial(cur)) cutToken(ti, rest.slice(len));
      cur.pop();
    }
  };
  const nextToken = (ti: number): void => {
    if (results.length >= limit || ++nodes > MAX_NODES) return;
    if (ti === digits.length) {
      if (cur.length === count && check(cur)) results.push([...cur]);
      return;
    }
    const need = count - cur.length;
    if (need < minLeft(ti) || need > maxLeft(ti)) return;
    const d = digits[ti]!;
    if (cuttable[ti]) cutToken(ti, d);
    else {
      const v = Number(d.replace(/,/g, ''));
      if (!Number.isFinite(v)) return;
      cur.push(v);
      nextToken(ti + 1);
      cur.pop();
    }
  };
  nextToken(0);
  return results;
}
