/**
 * Text helpers shared by every reader: what counts as Chinese, how labels are compared, and how
 * scraped text is cleaned. Comparison keys are only ever used for matching; the text stored in the
 * report keeps its printed punctuation (the PUNCTUATION check reports half-width marks).
 */

import { parseChineseNumber } from '../model/numerals';

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const WIDE_PUNCT = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018-\u201d\u2026\u2014]/;

export const isCjk = (ch: string): boolean => CJK.test(ch);
const isWide = (ch: string) => CJK.test(ch) || WIDE_PUNCT.test(ch);
const isDigit = (ch: string) => ch >= '0' && ch <= '9';

/** Zero-width characters, BOMs and soft hyphens that scrapers leave behind. */
const INVISIBLE = /[\u200b-\u200f\u2028\u2029\u2060\ufeff\u00ad]/g;
/** Every kind of blank: NBSP (&nbsp;), ideographic space, tabs. */
const BLANKS = /[\s\u00a0\u3000\u2000-\u200a\u202f\u205f]+/g;

/**
 * Collapses blanks and removes those that only PDF extraction or web layout put between Chinese
 * characters ("只计这一情 形", "2023 年"), keeping spaces between Latin words.
 */
export function cleanText(text: string): string {
  const s = text.replace(INVISIBLE, '').replace(BLANKS, ' ').trim();
  if (!s.includes(' ')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === ' ') {
      const prev = out[out.length - 1] ?? '';
      const next = s[i + 1] ?? '';
      if ((isWide(prev) && (isWide(next) || isDigit(next))) || (isDigit(prev) && isWide(next))) continue;
    }
    out += ch;
  }
  return out;
}

/** Replaces blanks of every kind by single spaces, nothing more. */
export const collapseBlanks = (text: string): string => text.replace(INVISIBLE, '').replace(BLANKS, ' ').trim();

/**
 * Key for comparing labels: full-width and half-width forms unified (NFKC), blanks and every
 * punctuation mark removed, so that “（二）部分公开（区分处理的，只计这一情形，不计其他情形）”,
 * “(二)部分公开(区分处理的,只计这一情形,不计其他情形)” and a copy broken over lines compare equal.
 */
export function matchKey(text: string): string {
  // Most labels are Chinese characters and digits only: nothing to normalise or remove.
  if (PLAIN_KEY.test(text)) return text;
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .toLowerCase();
}

const PLAIN_KEY = /^[\u4e00-\u9fff0-9a-z]*$/;

const ENUMERATOR =
  /^\s*(?:[（(][一二三四五六七八九十\d]{0,3}[)）]|[一二三四五六七八九十]{1,3}\s*[、.．，,]|\d{1,2}\s*[、.．，,](?!\d)|[①-⑳])\s*/;

/** Removes a leading enumerator: 一、 / （一） / (一) / () / 1. / 1、 / ①. */
export function stripEnumerator(text: string): string {
  return text.replace(ENUMERATOR, '');
}

/** The enumerator at the start of a line, classified (used for headings). */
export function enumeratorOf(
  text: string,
): { kind: 'chinese' | 'paren' | 'arabic' | 'paren-arabic'; ordinal: number; length: number } | null {
  const t = text.normalize('NFKC');
  let m = /^\s*([一二三四五六七八九十]{1,3})\s*[、.,]/.exec(t);
  if (m) return { kind: 'chinese', ordinal: chineseNumber(m[1]!), length: m[0].length };
  m = /^\s*\(\s*([一二三四五六七八九十]{1,3})\s*\)/.exec(t);
  if (m) return { kind: 'paren', ordinal: chineseNumber(m[1]!), length: m[0].length };
  m = /^\s*\(\s*(\d{1,2})\s*\)/.exec(t);
  if (m) return { kind: 'paren-arabic', ordinal: Number(m[1]), length: m[0].length };
  m = /^\s*(\d{1,2})\s*[、.](?!\d)/.exec(t);
  if (m) return { kind: 'arabic', ordinal: Number(m[1]), length: m[0].length };
  return null;
}

/** 一 → 1, 十二 → 12, 二十 → 20: an enumerator's ordinal (0 when it is not a numeral). */
export const chineseNumber = (s: string): number => parseChineseNumber(s) ?? 0;

/**
 * Pinyin that some sites print after each character for screen readers, e.g. “公開(kāi)”: a
 * parenthesised lower-case syllable with a tone mark, right after a Chinese character.
 */
const PINYIN = /([\u4e00-\u9fff])\(([a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]{0,6})\)/g;
export const stripPinyin = (text: string): string => text.replace(PINYIN, '$1');

/** 「」『』 (Hong Kong / Taiwan quotes) → “”‘’. */
export const mainlandQuotes = (text: string): string =>
  text.replace(/「/g, '“').replace(/」/g, '”').replace(/『/g, '‘').replace(/』/g, '’');

/** `labelScore` reads at most this much of each text (labels are short; the cap bounds the LCS). */
export const LABEL_SCORE_MAX_EXPECTED = 120;
export const LABEL_SCORE_MAX_OBSERVED = 400;

/** The characters of an observed text as `labelScore` reads it, for one text scored against many labels. */
export interface ObservedChars {
  of: string;
  set: Set<number>;
}

export function observedChars(observed: string): ObservedChars {
  const set = new Set<number>();
  const n = Math.min(observed.length, LABEL_SCORE_MAX_OBSERVED);
  for (let i = 0; i < n; i++) set.add(observed.charCodeAt(i));
  return { of: observed, set };
}

/**
 * labelScore's formula for `found` characters of the expected label matched in order: also the most
 * it can be when `found` counts the label's characters that occur in the observed text at all.
 */
export const labelScoreOf = (found: number, expectedLength: number, observedLength: number): number =>
  0.75 * (found / expectedLength) + 0.25 * Math.min(1, found / observedLength);

/**
 * Share of the expected label's characters found, in order, in the observed text (longest common
 * subsequence / expected length), with a small weight on how much of the observed text they cover.
 * Both arguments are match keys. `chars` (observedChars(observed)) only spares the `min` test work.
 */
export function labelScore(expected: string, observed: string, min = 0, chars?: ObservedChars): number {
  if (!expected || !observed) return 0;
  if (observed.includes(expected)) return 0.75 + 0.25 * (expected.length / observed.length);
  const e = expected.length > LABEL_SCORE_MAX_EXPECTED ? expected.slice(0, LABEL_SCORE_MAX_EXPECTED) : expected;
  const o = observed.length > LABEL_SCORE_MAX_OBSERVED ? observed.slice(0, LABEL_SCORE_MAX_OBSERVED) : observed;
  // Callers that only want a score above `min`: characters of `e` not in `o` bound it from above.
  if (min > 0) {
    let n = 0;
    if (chars && chars.of === observed) {
      for (let i = 0; i < e.length; i++) if (chars.set.has(e.charCodeAt(i))) n++;
    } else for (let i = 0; i < e.length; i++) if (o.includes(e[i]!)) n++;
    if (labelScoreOf(n, e.length, o.length) < min) return 0;
  }
  return labelScoreOf(lcsLength(e, o), e.length, o.length);
}

let rowA = new Uint16Array(128);
let rowB = new Uint16Array(128);

/** LCS length in O(n·m) time and O(m) memory (inputs are capped by the callers; rows reused). */
export function lcsLength(a: string, b: string): number {
  const m = b.length;
  if (rowA.length < m + 1) {
    rowA = new Uint16Array(m + 1);
    rowB = new Uint16Array(m + 1);
  }
  let prev = rowA;
  let cur = rowB;
  prev.fill(0, 0, m + 1);
  cur[0] = 0;
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      cur[j] = ca === b.charCodeAt(j - 1) ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    // Swapped without a destructuring (an array and its iterator per row while the code runs cold).
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[m]!;
}

/** Display width in character cells: Chinese and full-width count 1, Latin and digits ½. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += isWide(ch) ? 1 : 0.5;
  return w;
}

export const countCjk = (text: string): number => {
  let n = 0;
  for (const ch of text) if (CJK.test(ch)) n++;
  return n;
};

/**
 * CJK radicals that some PDF fonts map their glyphs to (Chromium and WPS PDFs print “⼯作”, “⼈⺠”,
 * “⽉⽇”): the Kangxi radicals (U+2F00–U+2FD5, NFKC gives the character) and the simplified forms of
 * the radicals supplement, listed here because NFKC leaves them alone.
 */
const SUPPLEMENT: Record<string, string> = {
  '⺠': '民',
  '⺟': '母',
  '⺡': '氵',
  '⺢': '水',
  '⺣': '灬',
  '⺤': '爫',
  '⺦': '丬',
  '⺨': '犭',
  '⺩': '王',
  '⺪': '疋',
  '⺫': '罒',
  '⺬': '礻',
  '⺭': '礻',
  '⺮': '竹',
  '⺯': '纟',
  '⺰': '纟',
  '⺳': '网',
  '⺶': '羊',
  '⺷': '羊',
  '⺸': '羊',
  '⺹': '耂',
  '⺺': '聿',
  '⺻': '聿',
  '⺼': '月',
  '⺾': '艹',
  '⺿': '艹',
  '⻀': '艹',
  '⻁': '虎',
  '⻂': '衤',
  '⻃': '覀',
  '⻄': '西',
  '⻅': '见',
  '⻆': '角',
  '⻇': '角',
  '⻈': '讠',
  '⻉': '贝',
  '⻋': '车',
  '⻌': '辶',
  '⻍': '辶',
  '⻎': '辶',
  '⻏': '阝',
  '⻐': '钅',
  '⻑': '長',
  '⻒': '镸',
  '⻓': '长',
  '⻔': '门',
  '⻕': '阝',
  '⻖': '阝',
  '⻗': '雨',
  '⻘': '青',
  '⻙': '韦',
  '⻚': '页',
  '⻛': '风',
  '⻜': '飞',
  '⻝': '食',
  '⻞': '饣',
  '⻟': '食',
  '⻠': '饣',
  '⻡': '首',
  '⻢': '马',
  '⻣': '骨',
  '⻤': '鬼',
  '⻥': '鱼',
  '⻦': '鸟',
  '⻧': '卤',
  '⻨': '麦',
  '⻩': '黄',
  '⻪': '黾',
  '⻫': '齐',
  '⻬': '齐',
  '⻭': '齿',
  '⻮': '齿',
  '⻯': '龙',
  '⻰': '龙',
  '⻱': '龟',
  '⻲': '龟',
  '⻳': '龟',
};
const RADICALS = /[\u2e80-\u2ef3\u2f00-\u2fd5]/g;

export function fixRadicals(text: string): string {
  if (!RADICALS.test(text)) return text;
  RADICALS.lastIndex = 0;
  return text.replace(RADICALS, (ch) => {
    if (ch === '⼾') return '户'; // NFKC gives the traditional form 戶; simplified fonts draw 户
    return SUPPLEMENT[ch] ?? ch.normalize('NFKC');
  });
}
