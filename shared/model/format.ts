import type { FieldDef } from '../../templates/types';

/** 2024-01-30 → 2024年1月30日 (GB/T 9704: Arabic numerals, no zero padding). */
export function formatChineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return '';
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** A cell as printed: blank stays blank, numbers without grouping, decimals as entered (no trailing zeros added). */
export function formatCell(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  // Avoid exponent notation for large or tiny figures.
  return Number.isInteger(value) ? String(value) : value.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
}

export type CellInputResult = { ok: true; value: number | null } | { ok: false; message: string };

/**
 * A number as a Chinese input method types it, in the ASCII it is read from: full-width digits and
 * marks (１５８０、１，２００、３．５、－２), the ideographic full stop typed for a decimal point
 * (3。5) and the ideographic space.
 */
export function numberText(raw: string): string {
  let out = '';
  for (const ch of raw) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (ch === '。' || ch === '｡') out += '.';
    else if (ch === '\u3000') out += ' ';
    else if (ch === '−') out += '-';
    else out += ch;
  }
  return out;
}

/**
 * Parses what a clerk typed or pasted into a cell. Wrong input is refused with a message,
 * never silently changed: letters, negatives where not allowed, decimals where not allowed.
 * Full-width digits and marks (typed with a Chinese input method) and thousands separators are accepted.
 */
export function parseCellInput(
  raw: string,
  field: Pick<FieldDef, 'type' | 'maxDecimals' | 'min' | 'label'>,
): CellInputResult {
  const text = numberText(raw).replace(/[,\s]/g, '');
  if (text === '') return { ok: true, value: null };
  if (!/^-?\d+(\.\d+)?$/.test(text)) {
    return {
      ok: false,
      message: `“${raw.trim()}”不是数字。请只输入阿拉伯数字${field.type === 'decimal' ? '（可带小数点）' : ''}。`,
    };
  }
  const value = Number(text);
  const min = field.min ?? -Infinity;
  if (value < min) return { ok: false, message: `不能为负数。${field.label}应填 0 或正整数。` };
  const decimals = text.includes('.') ? text.split('.')[1]!.length : 0;
  if (field.type === 'integer' && decimals > 0) {
    return { ok: false, message: `${field.label}是件数，只能填整数，不能有小数。` };
  }
  const max = field.maxDecimals ?? 0;
  if (field.type === 'decimal' && decimals > max) {
    return { ok: false, message: `最多保留 ${max} 位小数（单位：万元，精确到分）。` };
  }
  if (!Number.isSafeInteger(Math.trunc(value))) return { ok: false, message: '数字太大，请核对。' };
  return { ok: true, value };
}
