/**
 * Dates as people and other programs write them, read to the ISO form the report file uses
 * (2025-01-20): 2025-1-20, 2025/1/20, 2025.1.20, 20250120, 2025年1月20日, 二〇二五年一月二十日,
 * full-width digits, an ISO timestamp. Anything else, or a day that does not exist, is null.
 */

const CN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  '○': 0,
  Ｏ: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 二〇二五 (digit by digit) or 二十 / 十二 / 三十一 (tens): the small numbers of a written date. */
function chineseNumber(text: string): number | null {
  if (/^[〇零○Ｏ一二三四五六七八九]+$/.test(text)) {
    let v = 0;
    for (const ch of text) v = v * 10 + CN_DIGITS[ch]!;
    return v;
  }
  const m = /^([一二三])?十([一二三四五六七八九])?$/.exec(text);
  if (m) return (m[1] ? CN_DIGITS[m[1]]! : 1) * 10 + (m[2] ? CN_DIGITS[m[2]]! : 0);
  return null;
}

function iso(y: number, m: number, d: number): string | null {
  if (!(y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function parseDateText(raw: string): string | null {
  const t = raw
    .replace(/[０-９]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[／]/g, '/')
    .replace(/[．。]/g, '.')
    .replace(/[－—–]/g, '-')
    .replace(/\s+/g, '');
  let m = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[3]), Number(m[4]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^([〇零○Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日?$/.exec(t);
  if (m) {
    const [y, mo, d] = [chineseNumber(m[1]!), chineseNumber(m[2]!), chineseNumber(m[3]!)];
    return y === null || mo === null || d === null ? null : iso(y, mo, d);
  }
  return null;
}

/** Whether a text is an ISO date of a real day (the file format's own form). */
export const isIsoDate = (text: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(text) && parseDateText(text) === text;
