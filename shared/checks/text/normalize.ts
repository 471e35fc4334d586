/**
 * Text as the rules read it. PDF and web copies break lines and put spaces inside phrases
 * ("答\n复 3050 件", "2024 年"), mix half- and full-width punctuation and digits. The rules match
 * on a normalised copy and report positions in the original text through `map`.
 */

export interface NormalizedText {
  /** Whitespace removed (one space kept between two ASCII letters/digits), full-width digits and letters made ASCII, half-width Chinese punctuation made full-width. */
  text: string;
  /** `map[i]` = offset in the original text of normalised character i; `map[text.length]` = original length. */
  map: Uint32Array;
}

const isSpace = (c: number) =>
  c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b) || c === 0xfeff;
const isAsciiAlnum = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

// Half-width punctuation that Chinese text means full-width (a comma between digits stays: 1,268).
const PUNCT: Record<number, number> = {
  0x28: 0xff08, // ( （
  0x29: 0xff09, // ) ）
  0x2c: 0xff0c, // , ，
  0x3a: 0xff1a, // : ：
  0x3b: 0xff1b, // ; ；
  0x3f: 0xff1f, // ? ？
  0x21: 0xff01, // ! ！
};

export function normalizeText(original: string): NormalizedText {
  const n = original.length;
  const out: number[] = [];
  const map = new Uint32Array(n + 1);
  let m = 0;
  let pendingSpace = false;
  for (let i = 0; i < n; i++) {
    let c = original.charCodeAt(i);
    if (isSpace(c)) {
      pendingSpace = true;
      continue;
    }
    // Full-width digits and letters (０-９, Ａ-Ｚ, ａ-ｚ) → ASCII.
    if ((c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) c -= 0xfee0;
    if (pendingSpace && m > 0 && isAsciiAlnum(out[m - 1]!) && isAsciiAlnum(c)) {
      out.push(0x20);
      map[m++] = i - 1;
    }
    pendingSpace = false;
    const full = PUNCT[c];
    if (full !== undefined) {
      const prev = m > 0 ? out[m - 1]! : 0;
      const next = i + 1 < n ? original.charCodeAt(i + 1) : 0;
      // 1,268 / 10:30 keep their ASCII punctuation.
      if (!((c === 0x2c || c === 0x3a) && isDigit(prev) && isDigit(next))) c = full;
    }
    out.push(c);
    map[m++] = i;
  }
  map[m] = n;
  // String.fromCharCode over chunks: fast and safe for long texts.
  let text = '';
  for (let i = 0; i < out.length; i += 4096) text += String.fromCharCode.apply(null, out.slice(i, i + 4096));
  return { text, map: map.subarray(0, m + 1) };
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
