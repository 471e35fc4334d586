import { LIMITS } from '../errors';
import type { SrcCell, SrcLine } from '../source-doc';

/**
 * Rebuilds lines, words and paragraphs from positioned PDF text (pdf.js items). Pure: the pdf.js
 * adapter hands over plain numbers, so this runs and is tested without a PDF library.
 *
 * Coordinates are device space: x to the right, y downwards, in points.
 */

export interface PdfItem {
  str: string;
  /** Left edge and baseline. */
  x: number;
  y: number;
  /** Advance width along the text direction. */
  w: number;
  /** Font size. */
  size: number;
  /** Text written top to bottom (vertical CJK labels). */
  vertical?: boolean;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfItem[];
}

interface Word {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  vertical?: boolean;
}

interface Line {
  words: Word[];
  y: number;
  size: number;
  page: number;
  x0: number;
  x1: number;
  text: string;
}

const PAGE_NUMBER =
  /^(?:[-－—–_ ]*\d{1,3}[-－—–_ ]*|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3}|[—-]\s*[ivxlc]+\s*[—-])$/i;

export const isPageNumber = (text: string): boolean => PAGE_NUMBER.test(text.replace(/\s+/g, ' ').trim());

/** Splits items such as “21 0 0 0 0 0 21” into words, spreading the width over the characters. */
function wordsOf(item: PdfItem): Word[] {
  const str = item.str;
  if (!str.trim()) return [];
  if (item.vertical)
    return [{ text: str.trim(), x0: item.x, x1: item.x + item.size, y: item.y, size: item.size, vertical: true }];
  if (!/\s/.test(str.trim()))
    return [{ text: str.trim(), x0: item.x, x1: item.x + Math.max(item.w, 0), y: item.y, size: item.size }];
  const out: Word[] = [];
  const per = str.length ? Math.max(item.w, 0) / str.length : 0;
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(str))) {
    out.push({
      text: m[0],
      x0: item.x + m.index * per,
      x1: item.x + (m.index + m[0].length) * per,
      y: item.y,
      size: item.size,
    });
  }
  return out;
}

const isAsciiWordChar = (ch: string | undefined) => !!ch && /[0-9A-Za-z.,%@-]/.test(ch);

/** Groups a page's words into lines (same baseline) and merges touching words. */
function pageLines(page: PdfPage, pageNo: number): Line[] {
  const words: Word[] = [];
  for (const item of page.items.slice(0, LIMITS.pdfItemsPerPage)) {
    if (!Number.isFinite(item.x) || !Number.isFinite(item.y)) continue;
    for (const w of wordsOf({ ...item, size: Number.isFinite(item.size) && item.size > 0 ? item.size : 10 }))
      words.push(w);
  }
  words.sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const lines: Line[] = [];
  let cur: Word[] = [];
  let curY = 0;
  let curSize = 0;
  const close = () => {
    if (!cur.length) return;
    cur.sort((a, b) => a.x0 - b.x0);
    const merged: Word[] = [];
    for (const w of cur) {
      const prev = merged[merged.length - 1];
      const gap = prev ? w.x0 - prev.x1 : Infinity;
      const size = Math.min(prev?.size ?? w.size, w.size);
      // Digits side by side are separate numbers unless they touch; Chinese text joins across small gaps.
      const bothAscii = prev && isAsciiWordChar(prev.text[prev.text.length - 1]) && isAsciiWordChar(w.text[0]);
      const limit = bothAscii ? 0.12 * size : 0.25 * size;
      if (prev && !prev.vertical && !w.vertical && gap <= limit) {
        prev.text += w.text;
        prev.x1 = Math.max(prev.x1, w.x1);
        prev.size = Math.max(prev.size, w.size);
      } else merged.push({ ...w });
    }
    const size = Math.max(...merged.map((w) => w.size));
    lines.push({
      words: merged,
      y: curY,
      size,
      page: pageNo,
      x0: merged[0]!.x0,
      x1: Math.max(...merged.map((w) => w.x1)),
      text: merged.map((w) => w.text).join(' '),
    });
    cur = [];
  };
  for (const w of words) {
    if (cur.length && Math.abs(w.y - curY) > 0.45 * Math.min(w.size, curSize)) close();
    if (!cur.length) {
      curY = w.y;
      curSize = w.size;
    }
    cur.push(w);
  }
  close();
  return lines;
}

function percentile(xs: number[], p: number): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.floor(p * (s.length - 1))))]!;
}

/**
 * The document's lines in reading order, without page numbers and running headers/footers,
 * each marked as starting or continuing a paragraph (indent, short previous line).
 */
export function layoutPages(pages: PdfPage[]): { lines: SrcLine[]; emptyPages: number[] } {
  const perPage = pages.map((p, i) => pageLines(p, i + 1));
  const emptyPages = perPage.flatMap((ls, i) => (ls.length === 0 ? [i + 1] : []));

  // Running headers/footers: the same text near the top or bottom edge of most pages.
  const edgeCount = new Map<string, number>();
  perPage.forEach((ls, i) => {
    const h = pages[i]!.height || 842;
    const seen = new Set<string>();
    for (const l of ls)
      if ((l.y < 0.09 * h || l.y > 0.93 * h) && !seen.has(l.text)) {
        seen.add(l.text);
        edgeCount.set(l.text, (edgeCount.get(l.text) ?? 0) + 1);
      }
  });
  const running = new Set(
    [...edgeCount].filter(([, n]) => pages.length >= 3 && n >= Math.max(3, pages.length * 0.5)).map(([t]) => t),
  );

  const out: SrcLine[] = [];
  let prev: { line: Line; right: number } | null = null;
  perPage.forEach((ls, i) => {
    const h = pages[i]!.height || 842;
    const body = ls.filter(
      (l) =>
        !(isPageNumber(l.text) && (l.y > 0.85 * h || l.y < 0.12 * h)) &&
        !(running.has(l.text) && (l.y < 0.09 * h || l.y > 0.93 * h)),
    );
    const prose = body.filter((l) => l.text.length >= 8);
    const left = percentile(
      prose.map((l) => l.x0),
      0.1,
    );
    const right = percentile(
      prose.map((l) => l.x1),
      0.9,
    );
    for (const l of body) {
      const indent = l.x0 - left > 0.8 * l.size;
      const prevShort = prev ? prev.line.x1 < prev.right - 1.5 * prev.line.size : true;
      const sizeChange = prev ? Math.abs(prev.line.size - l.size) > 1.5 : false;
      const cells: SrcCell[] = l.words.map((w) => ({
        text: w.text,
        x0: round(w.x0),
        x1: round(w.x1),
        ...(w.vertical ? { vertical: true } : {}),
      }));
      out.push({
        type: 'line',
        text: l.text.slice(0, LIMITS.lineChars),
        cells,
        para: indent || prevShort || sizeChange ? 'start' : 'cont',
        page: l.page,
        size: round(l.size),
      });
      prev = { line: l, right };
      if (out.length >= LIMITS.lines) return;
    }
  });
  return { lines: out, emptyPages };
}

const round = (n: number) => Math.round(n * 10) / 10;
