/**
 * Numbers as reports write them: Arabic digits (possibly with thousands separators) and Chinese
 * numerals (十七, 一百零五, 两千, 二十一, 三千一百一十九, 〇/零, 廿). Year-style digit strings
 * (二〇二三) read digit by digit. The one reading of Chinese numerals in shared/: the checks, the
 * importer's enumerators and the dates of shared/model/dates.ts all use it.
 */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  '○': 0,
  // A full-width letter O typed for 〇 in dates (二Ｏ二五年).
  Ｏ: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };
const TENS: Record<string, number> = { 廿: 20, 卅: 30 };

/**
 * Value of a Chinese numeral, or null when the string is not a well-formed numeral
 * (e.g. 十十, 三三十). Accepts the colloquial 两 and the short 十五 for 一十五.
 */
export function parseChineseNumber(text: string): number | null {
  if (!text) return null;
  let hasUnit = false;
  for (const ch of text) {
    if (!(ch in DIGITS) && !(ch in SMALL_UNITS) && !(ch in BIG_UNITS) && !(ch in TENS)) return null;
    if (!(ch in DIGITS)) hasUnit = true;
  }
  if (!hasUnit) {
    // 二〇二三, 一〇五: digit by digit. A single digit is itself.
    let v = 0;
    for (const ch of text) v = v * 10 + DIGITS[ch]!;
    return v;
  }
  let total = 0; // completed 亿 part
  let wan = 0; // completed 万 part (below 亿)
  let section = 0; // below 万
  let digit: number | null = null;
  let lastSmall = Infinity; // small units must decrease inside a section
  let lastBig = Infinity;
  let prevWasDigit = false;
  for (const ch of text) {
    if (ch in DIGITS) {
      const d = DIGITS[ch]!;
      if (prevWasDigit && digit !== 0 && d !== 0) return null; // 三三十
      digit = d;
      prevWasDigit = true;
      continue;
    }
    prevWasDigit = false;
    if (ch in TENS) {
      if (digit || section) return null;
      section += TENS[ch]!;
      lastSmall = 10;
      digit = null;
      continue;
    }
    if (ch in SMALL_UNITS) {
      const unit = SMALL_UNITS[ch]!;
      if (unit >= lastSmall) return null;
      // 十五 = 一十五; 百 alone = 一百 (rare, accepted)
      const n = digit === null || digit === 0 ? (digit === 0 && ch !== '十' ? 0 : 1) : digit;
      if (n === 0) return null;
      section += n * unit;
      lastSmall = unit;
      digit = null;
      continue;
    }
    const big = BIG_UNITS[ch]!;
    if (big >= lastBig && !(big === 1e8 && lastBig === 1e4)) return null;
    const part = section + (digit ?? 0);
    if (big === 1e8) {
      total = (total + wan + part) * 1e8;
      wan = 0;
    } else {
      if (part === 0 && !total) return null; // 万 without a figure
      wan = part * 1e4;
    }
    lastBig = big;
    section = 0;
    digit = null;
    lastSmall = Infinity;
  }
  return total + wan + section + (digit ?? 0);
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

export interface ChineseStyle {
  /** 两 for a leading 2 before 百/千/万 (两百, 两千). */
  liang?: boolean;
  /** 一十五 instead of 十五 at the start. */
  explicitOneTen?: boolean;
}

function below10000(n: number, style: ChineseStyle, leading: boolean): string {
  const units = ['千', '百', '十', ''];
  const values = [1000, 100, 10, 1];
  let out = '';
  let zero = false;
  let started = false;
  for (let i = 0; i < 4; i++) {
    const d = Math.floor(n / values[i]!) % 10;
    if (d === 0) {
      if (started) zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    const isFirst = !started && leading;
    if (d === 1 && units[i] === '十' && isFirst && !style.explicitOneTen) out += '十';
    else if (d === 2 && style.liang && (units[i] === '千' || units[i] === '百') && isFirst) out += '两' + units[i];
    else out += CN_DIGITS[d]! + units[i];
    started = true;
  }
  return out;
}

/** Writes a non-negative integer (< 10¹²) as a Chinese numeral: 3119 → 三千一百一十九. */
export function formatChineseNumber(n: number, style: ChineseStyle = {}): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e12) throw new RangeError(`cannot write ${n} in Chinese numerals`);
  if (n === 0) return '零';
  const yi = Math.floor(n / 1e8);
  const wan = Math.floor((n % 1e8) / 1e4);
  const rest = n % 1e4;
  let out = '';
  if (yi) out += below10000(yi, style, true) + '亿';
  if (wan) {
    if (yi && wan < 1000) out += '零';
    out += below10000(wan, style, !yi) + '万';
  }
  if (rest) {
    if ((yi || wan) && rest < 1000) out += '零';
    out += below10000(rest, style, !yi && !wan);
  }
  return out;
}

/** Arabic figure with optional thousands separators or decimals: "3,119" → 3119. */
export function parseArabicNumber(text: string): number | null {
  const clean = text.replace(/[,，]/g, '');
  if (!/^\d+(\.\d+)?$/.test(clean)) return null;
  const v = Number(clean);
  return Number.isFinite(v) ? v : null;
}

/** Either kind of figure; Arabic first (a token is one or the other). */
export function parseNumber(text: string): number | null {
  if (/^[0-9]/.test(text)) return parseArabicNumber(text);
  return parseChineseNumber(text);
}
