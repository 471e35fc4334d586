/**
 * Numbers as published in table cells: "21", "7730.28", "1,234", full-width "２１", "-8" (2019
 * 本年增/减), "251000元", and the marks some sites print for "none" ("—", "/", "无").
 */

export interface ParsedNumber {
  /** null: a blank or a "none" mark. */
  value: number | null;
  /** The cell held a mark (—, /, 无) rather than being empty. */
  mark?: boolean;
  /** Unit printed after the number (元, 万元, 件 …). */
  unit?: string;
  /** Too many digits for one number (digits run together). */
  long?: boolean;
}

const BLANK_MARKS = new Set([
  '-',
  '--',
  '—',
  '——',
  '－',
  '–',
  '/',
  '／',
  '\\',
  '无',
  '空',
  '—-',
  'x',
  'X',
  '×',
  '*',
  '/ ',
  'N/A',
  'n/a',
]);
const UNIT = /(万元|亿元|元|件|条|个|项|次|人次|人|家|份|篇|期|场|户)$/;

export function parseNumber(raw: string): ParsedNumber | null {
  const s = raw.normalize('NFKC').replace(/\s+/g, '');
  if (s === '') return { value: null };
  if (BLANK_MARKS.has(s)) return { value: null, mark: true };
  // A long run of digits is several numbers stuck together: a token, read by the glued-row logic.
  if (/^\d{16,40}$/.test(s)) return { value: null, long: true };
  if (s.length > 24) return null;
  const u = UNIT.exec(s);
  const body = u ? s.slice(0, -u[0].length) : s;
  if (!/^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/.test(body)) return null;
  const value = Number(body.replace(/,/g, ''));
  if (!Number.isFinite(value) || Math.abs(value) > 1e15) return null;
  return u ? { value, unit: u[1]! } : { value };
}

/** True when a token reads as a number or a blank mark (not for empty text). */
export const isNumberToken = (raw: string): boolean => raw.trim() !== '' && parseNumber(raw) !== null;
