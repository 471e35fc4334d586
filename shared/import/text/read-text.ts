import { decodeText } from '../bytes';
import { ImportError, LIMITS } from '../errors';
import type { SourceDoc, SrcCell, SrcLine } from '../source-doc';
import { collapseBlanks, countCjk, displayWidth } from '../text-utils';
import { isPageNumber } from '../pdf/layout';
import { emptyCellLines } from './bar-cells';

/**
 * Plain text as websites and copies flatten a report: one paragraph per line, one table cell per
 * line, `|` or tab separated cells, or visual lines of a PDF (pdftotext / pdfplumber / copy from a
 * PDF viewer) whose paragraphs must be joined again.
 */
export function readText(bytes: Uint8Array): SourceDoc {
  const { text } = decodeText(bytes);
  return readPlainText(text);
}

export function readPlainText(text: string): SourceDoc {
  if (text.length > LIMITS.textChars) throw new ImportError('too-large', '文本文件过大（超过 800 万字符），无法导入。');
  const raw = text
    .replace(/\r\n?/g, '\n')
    .split('\n', LIMITS.lines + 1)
    .slice(0, LIMITS.lines);
  const lines: SrcLine[] = [];
  const emptyCells = emptyCellLines(raw);
  // A document with Markdown tables (a PDF converted to Markdown): a `| | 37 | |` row that kept one
  // value is still a table row, with its label on another row — not a cell of a one-per-line copy.
  let gridRows = 0;
  for (let i = 0; i < raw.length && gridRows < 5; i++) if (/^\s*\|.*\|.*\|.*\|/.test(raw[i]!)) gridRows++;
  const grid = gridRows >= 5;
  for (const [i, r] of raw.entries()) {
    const s = unmark(r.length > LIMITS.lineChars ? r.slice(0, LIMITS.lineChars) : r);
    if (emptyCells.has(i)) {
      lines.push({ type: 'line', text: '', emptyCell: true });
      continue;
    }
    // Markdown-like or scraped rows: | a | b | c |, or tab separated.
    const bars = (s.match(/\|/g) ?? []).length;
    const stripped = s.replace(/^[\s|]+|[\s|]+$/g, '');
    if (!stripped.replace(/[-:|\s]/g, '')) continue; // separator lines (|---|---| or a row of bars)
    let cells: SrcCell[] | undefined;
    if (bars >= 2 || (bars === 1 && /\d\s*\|\s*\d/.test(s)))
      cells = stripped.split('|').map((c) => ({ text: collapseBlanks(c) }));
    else if (s.includes('\t')) cells = stripped.split('\t').map((c) => ({ text: collapseBlanks(c) }));
    const t = cells ? cells.map((c) => c.text).join(' ') : collapseBlanks(bars ? stripped : s);
    if (!t) continue;
    // Page numbers of a copied PDF (“- 3 -”, “第 3 页”); a bare number may be a table cell.
    if (/^[-－—–]\s*\d{1,3}\s*[-－—–]$|^第\s*\d{1,3}\s*页/.test(t) && isPageNumber(t)) continue;
    const row = grid && cells && bars >= 2;
    lines.push({
      type: 'line',
      text: t,
      ...(cells && (cells.length > 1 || row) ? { cells } : {}),
      ...(row ? { barRow: true as const } : {}),
    });
  }
  const wrapped = looksWrapped(lines);
  if (wrapped) markParagraphs(lines);
  return { kind: 'text', blocks: lines, warnings: [], wrapped };
}

/** Markdown marks of a converted document: “## 一、总体情况”, “**（一）主动公开**”, “> 引文”. */
function unmark(s: string): string {
  if (!/^\s*(#{1,6}\s|>\s|\*\*|__)/.test(s) && !/(\*\*|__)\s*$/.test(s)) return s;
  return s
    .replace(/^\s*(?:#{1,6}|>)\s+/, '')
    .replace(/^\s*(\*\*|__)(.*)\1\s*$/, '$2')
    .replace(/^\s*(\*\*|__)/, '');
}

/**
 * Text copied from a PDF has visual lines of nearly equal width (28 characters on a GB/T 9704
 * page); web text has one paragraph per line, of any length.
 */
function looksWrapped(lines: SrcLine[]): boolean {
  const prose = lines.filter((l) => {
    const w = displayWidth(l.text);
    return w >= 12 && countCjk(l.text) >= l.text.length * 0.5 && !/\d\s*$/.test(l.text);
  });
  if (prose.length < 10) return false;
  const widths = prose.map((l) => displayWidth(l.text)).sort((a, b) => a - b);
  const full = widths[Math.floor(widths.length * 0.8)]!;
  if (full < 15 || full > 70) return false;
  const near = prose.filter((l) => Math.abs(displayWidth(l.text) - full) <= 2.5);
  const tooLong = widths.filter((w) => w > full + 6).length;
  // Full lines of a wrapped text mostly stop in the middle of a sentence.
  const midSentence = near.filter((l) => !/[。；：！？!?”」]$/.test(l.text)).length;
  return (
    near.length >= 6 &&
    near.length / prose.length >= 0.25 &&
    midSentence / near.length >= 0.6 &&
    tooLong / widths.length < 0.05
  );
}

/** A line starts a paragraph when the previous one is clearly shorter than a full line. */
function markParagraphs(lines: SrcLine[]): void {
  const widths = lines
    .map((l) => displayWidth(l.text))
    .filter((w) => w >= 8)
    .sort((a, b) => a - b);
  const full = widths[Math.floor(widths.length * 0.8)] ?? 28;
  let prevWidth = 0;
  lines.forEach((l, i) => {
    const w = displayWidth(l.text);
    l.para = i === 0 || prevWidth < full - 2.5 ? 'start' : 'cont';
    prevWidth = w;
  });
}
