/**
 * Rows whose numbers lost their separators (“210000021” for 21 0 0 0 0 0 21): every way to read
 * the printed tokens as the expected count of cells — cutting digits into numbers (no leading
 * zeros, at most nine digits each) and, where a blank stands between two tokens, possibly an empty
 * cell there (a cell holding only &nbsp; leaves a blank in a run of digits) — filtered by a check.
 * The search is bounded; when it cannot decide, the caller says so.
 */

export type Value = number | null;
export type RowCheck = (values: Value[]) => boolean;

const MAX_NODES = 200_000;
const MAX_DIGITS_PER_NUMBER = 9;

export interface GluedToken {
  raw: string;
  /** Whether the token may hold several numbers (digits stuck together); others are one number. */
  cut: boolean;
  /** Empty cells the blank after this token may stand for (0: the blank only separates numbers). */
  blanksAfter?: number;
}

/**
 * Splits the tokens (in order) into exactly `count` numbers, cutting only the tokens marked `cut`.
 * Returns every split accepted by `check` (at most `limit`).
 */
export function splitGlued(
  tokens: GluedToken[],
  count: number,
  check: (values: number[]) => boolean,
  limit = 50,
): number[][] {
  return enumerateReadings(tokens, count, check as RowCheck, limit).readings as number[][];
}

/**
 * Every reading of the tokens as `count` cells accepted by `check` (at most `limit`), and whether
 * the search saw them all (false when it stopped at `limit` or at its node budget). `partial`
 * prunes a prefix early (Table 4's group totals).
 */
export function enumerateReadings(
  tokens: GluedToken[],
  count: number,
  check: RowCheck,
  limit = 50,
  partial?: (prefix: Value[]) => boolean,
): { readings: Value[][]; complete: boolean } {
  const digits = tokens.map((t) => t.raw.replace(/\s+/g, ''));
  const cuttable = tokens.map((t, i) => t.cut && /^\d+$/.test(digits[i]!));
  const blanks = tokens.map((t, i) => (i < tokens.length - 1 ? Math.max(0, t.blanksAfter ?? 0) : 0));
  const results: Value[][] = [];
  let nodes = 0;
  let stopped = false;
  const cur: Value[] = [];
  // Most cells the tokens from `ti` on can give (a cuttable token one per digit, plus blanks).
  const maxFrom: number[] = new Array<number>(digits.length + 1).fill(0);
  for (let i = digits.length - 1; i >= 0; i--)
    maxFrom[i] = maxFrom[i + 1]! + (cuttable[i] ? digits[i]!.length : 1) + blanks[i]!;
  const full = () => results.length >= limit || ++nodes > MAX_NODES;
  const ok = () => !partial || partial(cur);

  /** After token `ti`: the empty cells its blank may stand for, then the next token. */
  const afterToken = (ti: number): void => {
    nextToken(ti + 1);
    const room = count - cur.length - (digits.length - ti - 1);
    for (let b = 1; b <= Math.min(blanks[ti]!, room); b++) {
      for (let k = 0; k < b; k++) cur.push(null);
      if (ok()) nextToken(ti + 1);
      cur.length -= b;
    }
  };
  const cutToken = (ti: number, rest: string): void => {
    if (full()) return void (stopped = true);
    if (rest === '') return afterToken(ti);
    const left = count - cur.length;
    if (left <= 0) return;
    const maxLen = rest[0] === '0' ? 1 : Math.min(MAX_DIGITS_PER_NUMBER, rest.length);
    const laterTokens = digits.length - ti - 1;
    for (let len = 1; len <= maxLen; len++) {
      // Leave room: the rest of this token and the later tokens must still fit the count.
      const remaining = rest.length - len;
      if (left - 1 < (remaining > 0 ? 1 : 0) + laterTokens) continue;
      if (left - 1 > remaining + blanks[ti]! + maxFrom[ti + 1]!) continue;
      if (remaining > (left - 1) * MAX_DIGITS_PER_NUMBER) continue;
      cur.push(Number(rest.slice(0, len)));
      if (ok()) cutToken(ti, rest.slice(len));
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
    if (cuttable[ti]) return cutToken(ti, d);
    // An empty token is a cell printed as a mark (—, /): one empty cell.
    const v = d === '' ? null : Number(d.replace(/,/g, ''));
    if (v !== null && !Number.isFinite(v)) return;
    cur.push(v);
    if (ok()) afterToken(ti);
    cur.pop();
  };
  nextToken(0);
  return { readings: results, complete: !stopped };
}
