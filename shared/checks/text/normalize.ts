/**
 * Text as the rules read it. PDF and web copies break lines and put spaces inside phrases
 * ("答\n复 3050 件", "2024 年"), mix half- and full-width punctuation and digits. The rules match
 * on a normalised copy and report positions in the original text through `map`.
 */

export interface NormalizedText {
  /**
   * Whitespace removed (one space kept between two ASCII letters/digits), full-width digits and
   * letters made ASCII, half-width Chinese punctuation made full-width.
   */
  readonly text: string;
  /**
   * `map[i]` = offset in the original text of normalised character i; `map[text.length]` = original length.
   * Computed on first use (only findings need it).
   */
  readonly map: Uint32Array;
}

const isSpace = (c: number) =>
  c === 0x20 ||
  c === 0x09 ||
  c === 0x0a ||
  c === 0x0d ||
  c === 0x0b ||
  c === 0x0c ||
  c === 0xa0 ||
  c === 0x3000 ||
  (c >= 0x2000 && c <= 0x200b) ||
  c === 0xfeff;
const isAsciiAlnum = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

// Half-width punctuation that Chinese text means full-width (a comma between digits stays: 1,268): see fullWidth().

function fullWidth(c: number): number {
  switch (c) {
    case 0x28:
      return 0xff08; // ( （
    case 0x29:
      return 0xff09; // ) ）
    case 0x2c:
      return 0xff0c; // , ，
    case 0x3a:
      return 0xff1a; // : ：
    case 0x3b:
      return 0xff1b; // ; ；
    case 0x3f:
      return 0xff1f; // ? ？
    case 0x21:
      return 0xff01; // ! ！
    default:
      return c;
  }
}

/** ASCII characters normalisation may change (whitespace and the half-width marks of fullWidth()). */
const ASCII_CHANGES = new Uint8Array(128);
for (const ch of ' \t\n\r\v\f!(),:;?') ASCII_CHANGES[ch.charCodeAt(0)] = 1;

/**
 * Index of the first character at or after `from` that normalisation may change (whitespace, the half-width
 * marks of fullWidth(), full-width digits and letters), or the length when there is none: text typed in the
 * editor usually has none (then it is kept as is). Ideographs and CJK punctuation (almost every character)
 * are passed over by one test. (A regular expression scans faster, but inside a text with changes they come
 * every few characters — spaces around figures, line breaks — where a call per change costs more.)
 */
function nextChange(text: string, from: number): number {
  const n = text.length;
  for (let i = from; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x3000 && c < 0xfeff) continue;
    if (c < 0x80) {
      if (ASCII_CHANGES[c] === 1) return i;
    } else if (c >= 0xff10) {
      if (c <= 0xff19 || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) return i;
    } else if (c === 0xa0 || c === 0x3000 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b)) return i;
  }
  return n;
}

/**
 * One pass over the text from `from` (everything before it is kept as is, see nextChange); with `map`,
 * records where each kept character came from. Runs of characters kept as they are (almost all of a Chinese
 * text) are found by nextChange and copied as slices; only the characters that may change are looked at
 * one by one.
 */
function normalizePass(original: string, map: Uint32Array | null, from = 0): string {
  const n = original.length;
  const pieces: string[] = [];
  let m = 0; // length of the output so far
  let seg = 0; // start of the current run of unchanged characters (the first reaches at least to `from`)
  let prevOut = from > 0 ? original.charCodeAt(from - 1) : -1; // last output character (for the space and 1,268 rules)
  let pendingSpace = false;
  let pos = from;
  for (;;) {
    const i = pos < n ? nextChange(original, pos) : n;
    if (pos < i) {
      // original[pos, i) is kept as it is; only its first character can follow a run of whitespace.
      if (pendingSpace) {
        pendingSpace = false;
        if (isAsciiAlnum(prevOut) && isAsciiAlnum(original.charCodeAt(pos))) {
          // One space kept between two ASCII letters or digits (it stands where the run of whitespace ended).
          if (pos > seg) {
            pieces.push(original.slice(seg, pos));
            if (map) for (let k = seg; k < pos; k++) map[m++] = k;
            else m += pos - seg;
          }
          seg = pos;
          pieces.push(' ');
          if (map) map[m] = pos - 1;
          m++;
        }
      }
      prevOut = original.charCodeAt(i - 1);
    }
    if (i >= n) break;
    pos = i + 1;
    const c = original.charCodeAt(i);
    if (isSpace(c)) {
      if (i > seg) {
        pieces.push(original.slice(seg, i));
        if (map) for (let k = seg; k < i; k++) map[m++] = k;
        else m += i - seg;
      }
      seg = i + 1;
      pendingSpace = true;
      continue;
    }
    let out = c;
    // Full-width digits and letters (０-９, Ａ-Ｚ, ａ-ｚ) → ASCII.
    if (c >= 0xff10) out = c - 0xfee0;
    else {
      const full = fullWidth(c);
      // 1,268 / 10:30 keep their ASCII punctuation.
      if (!((c === 0x2c || c === 0x3a) && isDigit(prevOut) && isDigit(original.charCodeAt(i + 1)))) out = full;
    }
    if (pendingSpace) {
      pendingSpace = false;
      if (isAsciiAlnum(prevOut) && isAsciiAlnum(out)) {
        if (i > seg) {
          pieces.push(original.slice(seg, i));
          if (map) for (let k = seg; k < i; k++) map[m++] = k;
          else m += i - seg;
        }
        seg = i;
        pieces.push(' ');
        if (map) map[m] = i - 1;
        m++;
      }
    }
    if (out !== c) {
      if (i > seg) {
        pieces.push(original.slice(seg, i));
        if (map) for (let k = seg; k < i; k++) map[m++] = k;
        else m += i - seg;
      }
      pieces.push(String.fromCharCode(out));
      if (map) map[m] = i;
      m++;
      seg = i + 1;
    }
    prevOut = out;
  }
  if (n > seg) {
    pieces.push(original.slice(seg, n));
    if (map) for (let k = seg; k < n; k++) map[m++] = k;
  }
  if (map) map[m] = n;
  return pieces.length === 1 ? pieces[0]! : pieces.join('');
}

class Normalized implements NormalizedText {
  private offsets: Uint32Array | null = null;
  constructor(
    readonly original: string,
    readonly text: string,
  ) {}
  get map(): Uint32Array {
    if (!this.offsets) {
      const map = new Uint32Array(this.original.length + 1);
      normalizePass(this.original, map);
      this.offsets = map.subarray(0, this.text.length + 1);
    }
    return this.offsets;
  }
}

export function normalizeText(original: string): NormalizedText {
  const from = nextChange(original, 0);
  return new Normalized(original, from < original.length ? normalizePass(original, null, from) : original);
}

/** Original [start, end) of a normalised range. */
export function originalRange(nt: NormalizedText, start: number, end: number): { start: number; end: number } {
  const s = nt.map[Math.min(start, nt.map.length - 1)]!;
  const e = end > start ? nt.map[Math.min(end - 1, nt.map.length - 1)]! + 1 : s;
  return { start: s, end: e };
}

/** Short quote for messages: at most `max` characters, with an ellipsis. */
export function clip(text: string, max = 30): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
