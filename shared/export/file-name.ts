import type { Report } from '../model/types';
import { TITLE_SUFFIX } from '../model/title';

export type ExportFormat = 'docx' | 'html' | 'pdf';

/** Windows device names: a file called so (with any extension) cannot be made or opened there. */
const RESERVED = /^(con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3]|conin\$|conout\$)$/i;

/**
 * Whether the last part of a path is a name Windows reserves for a device (CON, NUL, COM1,
 * LPT1…, also with an extension or trailing dots and spaces: “nul.txt”, “CON .json”).
 */
export function isReservedFileName(path: string): boolean {
  const base = path.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\..*$/, '').replace(/[ .]+$/, '');
  return RESERVED.test(stem);
}

/** The reserved name in a path, if any part of it is one (for the message). */
export function reservedPart(path: string): string | null {
  for (const part of path.split(/[\\/]/)) if (part && isReservedFileName(part)) return part;
  return null;
}

/**
 * A file name that Windows, macOS and Linux all accept: no \ / : * ? " < > | or control
 * characters (replaced by their full-width forms where the text reads on, else dropped), no
 * trailing dot or space, not a reserved device name, and short enough for deep folders.
 */
export function safeFileName(name: string, maxLength = 120): string {
  const fullWidth: Record<string, string> = {
    ':': '：',
    '?': '？',
    '*': '＊',
    '"': '＂',
    '<': '＜',
    '>': '＞',
    '|': '｜',
    '/': '／',
    '\\': '＼',
  };
  let out = name
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/[:?*"<>|/\\]/g, (ch) => fullWidth[ch] ?? '_')
    .replace(/\s+/g, ' ')
    .trim();
  out = [...out]
    .slice(0, maxLength)
    .join('')
    .replace(/[. ]+$/, '');
  if (!out) out = TITLE_SUFFIX;
  if (isReservedFileName(out)) out = `_${out}`;
  return out;
}

/** 云溪县市场监督管理局2024年政府信息公开工作年度报告.docx */
export function exportFileName(
  report: Pick<Report, 'agency' | 'year'>,
  format: ExportFormat | 'fragment.html',
): string {
  const base = safeFileName(`${report.agency.name.trim()}${report.year}年${TITLE_SUFFIX}`);
  return format === 'fragment.html' ? `${base}（网站版）.html` : `${base}.${format}`;
}
