import type { TableId } from '../../../templates/index';
import { matchKey } from '../text-utils';
import { canStart, longestAt, type EntryKind } from './vocab';

/**
 * Tables found in a stream of text, wherever its line breaks are (none, some, one per cell): the
 * words of the tables (vocab.ts) are searched in one pass over the text's match key, and a run of
 * them with only numbers, enumerators and short label remainders between is a table. Each label
 * takes the numbers that follow it up to the next label — the printed order of every table.
 *
 *   申请人情况自然人…其他一、本年新收政府信息公开申请数量3120010034二、上年结转…
 *   → [申请人情况] [自然人] … [其他] [一、本年新收政府信息公开申请数量 | 3120010034] [二、上年结转… | …]
 */

export interface ScanMatch {
  tables: TableId[];
  kinds: EntryKind[];
  /** Match key of the label as printed (enumerator left out, a remainder after a shortened label kept). */
  key: string;
  /** The label as printed (with its enumerator). */
  label: string;
  /** The numbers printed after the label (original text, may hold several numbers run together). */
  material: string;
  /** The first number touches the label (“数量3120010034”): it may hold several numbers. */
  glued: boolean;
  start: number;
  end: number;
}

export interface ScanRun {
  start: number;
  end: number;
  matches: ScanMatch[];
  /** Tables the run holds enough of to count as that table. */
  tables: TableId[];
}

const NUMERALS = '一二三四五六七八九十〇零';
const isDigit = (c: string) => c >= '0' && c <= '9';
const SENTENCE = /[。；;！!？?]/;
/** Remainder of a shortened label (“部分公开（区分处理的，只计这一情形）”) that may follow a match. */
const MAX_REMAINDER = 40;
/** Other text tolerated between the numbers of a row and the next label (an unknown enumerator). */
const MAX_STRAY = 3;
/** Where the numbers start: a digit, or a blank mark standing alone (“— 0 3”). */
const NUMBERS_START = /^([^0-9０-９]*?)(?=[0-9０-９]|[—\-－–/／](?:\s|$|[0-9０-９]))/;
/** Numbers, blanks, marks and the units some sites print after them. */
const NUMBERS = /^[0-9０-９\s.．,，|｜—\-－–/／%％元万件]*/;

/** Match key of a text with the position in the text of every key character. */
export function keyIndex(text: string): { key: string; at: Int32Array } {
  const codes = new Uint16Array(text.length * 2 + 16);
  const at = new Int32Array(text.length * 2 + 16);
  let n = 0;
  for (let i = 0; i < text.length && n < codes.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a)) {
      codes[n] = c;
      at[n++] = i;
    } else if (c >= 0x41 && c <= 0x5a) {
      codes[n] = c + 32;
      at[n++] = i;
    } else if (c >= 0xff10 && c <= 0xff19) {
      codes[n] = c - 0xff10 + 0x30; // full-width digits
      at[n++] = i;
    } else if (
      (c >= 0x3000 && c <= 0x3004) ||
      (c >= 0x3008 && c <= 0x3020) ||
      (c >= 0xff01 && c <= 0xff0f) ||
      (c >= 0xff1a && c <= 0xff20) ||
      (c >= 0x2010 && c <= 0x206f)
    ) {
      // Chinese and full-width punctuation, dashes and quotes: no key character.
    } else if (c > 0x7f) {
      const k = cachedKey(text[i]!);
      for (let j = 0; j < k.length && n < codes.length; j++) {
        codes[n] = k.charCodeAt(j);
        at[n++] = i;
      }
    }
  }
  let key = '';
  for (let i = 0; i < n; i += 4096) key += String.fromCharCode(...codes.subarray(i, Math.min(n, i + 4096)));
  return { key, at: at.subarray(0, n) };
}

const KEY_CACHE = new Map<string, string>();
function cachedKey(ch: string): string {
  let k = KEY_CACHE.get(ch);
  if (k === undefined) {
    k = matchKey(ch);
    if (KEY_CACHE.size < 5000) KEY_CACHE.set(ch, k);
  }
  return k;
}

/** An enumerator printed just before a label: （三） 三、 (3) 3. 3、 — its start, else `pos`. */
function enumeratorStart(text: string, pos: number): number {
  const before = text.slice(Math.max(0, pos - 8), pos);
  const m =
    /(?:[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*\d{1,2}\s*[)）]|\d[.．、])\s*$/.exec(
      before,
    );
  return m ? pos - m[0].length : pos;
}

interface Raw {
  ki: number;
  kEnd: number;
  tables: TableId[];
  kinds: EntryKind[];
}

/** Finds the table runs of a text. */
export function scanRuns(text: string): ScanRun[] {
  const { key, at } = keyIndex(text);
  const runs: Raw[][] = [];
  let cur: Raw[] = [];
  let i = 0;
  while (i < key.length) {
    if (!canStart(key.charCodeAt(i))) {
      i++;
      continue;
    }
    const found = longestAt(key, i);
    if (!found) {
      i++;
      continue;
    }
    const len = found.length;
    const same = found.entries;
    const m: Raw = {
      ki: i,
      kEnd: i + len,
      tables: [...new Set(same.map((e) => e.table))],
      kinds: [...new Set(same.map((e) => e.kind))],
    };
    const prev = cur[cur.length - 1];
    if (prev && !gapOk(text, key, at, prev, i)) {
      runs.push(cur);
      cur = [];
    }
    cur.push(m);
    i += len;
  }
  if (cur.length) runs.push(cur);
  const out: ScanRun[] = [];
  for (const raws of runs) {
    // A table has at least a caption or header and a row, or two rows: a lone word is prose.
    if (raws.length < 2) continue;
    const run = finishRun(text, key, at, raws);
    if (run) out.push(run);
  }
  return out;
}

/**
 * The key characters between two matches: a label remainder (before any digit), numbers, and at
 * most a few stray characters (enumerators are not counted); never a sentence end.
 */
function gapOk(text: string, key: string, at: Int32Array, prev: Raw, next: number): boolean {
  if (next === prev.kEnd) return true;
  let firstDigit = -1;
  let lastDigit = -1;
  for (let j = prev.kEnd; j < next; j++)
    if (isDigit(key[j]!)) {
      if (firstDigit < 0) firstDigit = j;
      lastDigit = j;
    }
  const from = at[prev.kEnd - 1]! + 1;
  const to = at[next]!;
  if (firstDigit < 0) return next - prev.kEnd <= MAX_REMAINDER && !SENTENCE.test(text.slice(from, to));
  if (firstDigit - prev.kEnd > MAX_REMAINDER) return false;
  if (SENTENCE.test(text.slice(from, at[firstDigit]!))) return false;
  let stray = 0;
  for (let j = lastDigit + 1; j < next; j++) if (!NUMERALS.includes(key[j]!)) stray++;
  if (stray > MAX_STRAY) return false;
  // Between numbers and the next label: nothing but blanks, marks and an enumerator.
  return !/[。；;！!？?，,：:]/.test(text.slice(at[lastDigit]! + 1, to));
}

function finishRun(text: string, key: string, at: Int32Array, raws: Raw[]): ScanRun | null {
  const starts = raws.map((r) => enumeratorStart(text, at[r.ki]!));
  const matches: ScanMatch[] = raws.map((r, n) => {
    const start = starts[n]!;
    const labelEnd = at[r.kEnd - 1]! + 1;
    const limit = n + 1 < raws.length ? starts[n + 1]! : text.length;
    const between = text.slice(labelEnd, limit);
    // The numbers: from the first digit (or a lone blank mark) after the label, as long as only
    // numbers, blanks and marks follow; what precedes them is the rest of a shortened label.
    const first = NUMBERS_START.exec(between);
    const ms = first ? labelEnd + first.index + first[1]!.length : -1;
    const numbers = ms >= 0 ? NUMBERS.exec(text.slice(ms, limit))![0].replace(/[\s.．,，|｜]+$/, '') : '';
    const labelStop = ms >= 0 ? ms : labelEnd + remainderLength(between, n + 1 < raws.length);
    return {
      tables: r.tables,
      kinds: r.kinds,
      key: key.slice(r.ki, keyBefore(at, labelStop, r.ki)),
      label: text.slice(start, labelStop).trim(),
      material: numbers,
      glued: ms > 0 && !/\s/.test(text[ms - 1]!),
      start,
      end: ms >= 0 ? ms + numbers.length : labelStop,
    };
  });
  const tables = (['t2', 't3', 't4'] as TableId[]).filter((t) => enoughOf(t, matches));
  if (!tables.length || !matches.some((m) => m.material)) return null;
  return { start: matches[0]!.start, end: matches[matches.length - 1]!.end, matches, tables };
}

/** The first key position at or after `r0` whose character stands at or after `pos` in the text. */
function keyBefore(at: Int32Array, pos: number, from: number): number {
  let lo = from;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The remainder after a label without numbers: up to the next label, or a short stretch at the end. */
function remainderLength(between: string, followed: boolean): number {
  if (followed) return between.length;
  const m = /^[^。；;！!？?\n]{0,40}?[)）”」]/.exec(between);
  return m ? m[0].length : 0;
}

/** A run counts as a table when it has its captions/headers and rows, or several of its rows. */
function enoughOf(t: TableId, matches: ScanMatch[]): boolean {
  const of = matches.filter((m) => m.tables.includes(t));
  const rows = new Set(of.filter((m) => m.kinds.includes('row')).map((m) => m.key)).size;
  const anchors = new Set(of.filter((m) => !m.kinds.includes('row')).map((m) => m.key)).size;
  if (t === 't4') return anchors >= 3 && of.some((m) => m.material);
  if (t === 't2') return (anchors >= 1 && rows >= 1) || rows >= 3;
  return rows >= 3 || (anchors >= 2 && rows >= 1);
}
