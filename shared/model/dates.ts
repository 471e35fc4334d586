/**
 * Dates as people and other programs write them, read to the ISO form the report file uses
 * (2025-01-20): 2025-1-20, 2025/1/20, 2025.1.20, 20250120, 2025年1月20日, 二〇二五年一月二十日,
 * full-width digits, an ISO timestamp. Anything else, or a day that does not exist, is null.
 */

import { parseChineseNumber } from './numerals';

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
    const [y, mo, d] = [parseChineseNumber(m[1]!), parseChineseNumber(m[2]!), parseChineseNumber(m[3]!)];
    return y === null || mo === null || d === null ? null : iso(y, mo, d);
  }
  return null;
}

/** Whether a text is an ISO date of a real day (the file format's own form). */
export const isIsoDate = (text: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(text) && parseDateText(text) === text;
