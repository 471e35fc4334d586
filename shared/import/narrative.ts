import type { Block } from '../model/types';
import type { SrcBlock, SrcLine, SrcTable } from './source-doc';
import { cleanText, displayWidth, enumeratorOf } from './text-utils';
import { isPageNumber } from './pdf/layout';

/**
 * The text of a section as blocks: paragraphs (visual lines of a PDF joined again) and
 * sub-headings — （一） level 2, 1. level 3 — when they stand alone on a short line.
 */

const joinLines = (a: string, b: string) => (/[A-Za-z]$/.test(a) && /^[A-Za-z]/.test(b) ? `${a} ${b}` : a + b);

/**
 * Run-in sub-sections that a website flattened into one line: “… (二)依申请公开情况。…”, also
 * without a blank after a full stop (“…日常监管。（二）依申请公开…”).
 */
function splitRunIn(text: string): string[] {
  if (text.length < 120) return [text];
  return text.split(/(?:\s+|(?<=[。；！？]))(?=[（(][一二三四五六七八九十]{1,2}[)）]\S)/).filter((p) => p.trim());
}

export function headingLevel(text: string): 2 | 3 | null {
  const en = enumeratorOf(text);
  if (!en) return null;
  if (displayWidth(text) > 36) return null;
  const inner = text.slice(0, -1);
  if (/[。；;！？!?]/.test(inner)) return null;
  if (en.kind === 'paren') return 2;
  if (en.kind === 'arabic' || en.kind === 'paren-arabic') return 3;
  return en.kind === 'chinese' ? 2 : null;
}

export function tableAsText(t: SrcTable): string[] {
  return t.rows
    .map((r) =>
      r
        .map((c) => c.text.trim())
        .filter(Boolean)
        .join(' | '),
    )
    .filter(Boolean);
}

export function buildBlocks(blocks: SrcBlock[], opts: { wrapped: boolean; skip: Set<SrcBlock> }): Block[] {
  const paras: string[] = [];
  let cur: string | null = null;
  const push = () => {
    if (cur !== null && cur.trim()) paras.push(cur);
    cur = null;
  };
  for (const b of blocks) {
    if (opts.skip.has(b)) continue;
    if (b.type === 'image') continue;
    if (b.type === 'table') {
      push();
      paras.push(...tableAsText(b));
      continue;
    }
    const text = b.text.trim();
    if (!text) continue;
    if (opts.wrapped && isPageNumber(text) && /[-－—–第]/.test(text)) continue;
    const line = b as SrcLine;
    // A line that starts with （四） / 1. after a finished sentence starts a new paragraph even
    // when the previous line happened to fill the width.
    const startsNew = enumeratorOf(text) !== null && (cur === null || /[。；：:！？!?]$/.test(cur));
    if (opts.wrapped && line.para === 'cont' && cur !== null && !startsNew) {
      cur = joinLines(cur, text);
      continue;
    }
    push();
    cur = text;
  }
  push();

  const out: Block[] = [];
  for (const p of paras) {
    for (const piece of opts.wrapped ? [p] : splitRunIn(p)) {
      const text = cleanText(piece);
      if (!text) continue;
      const level = headingLevel(text);
      out.push(level ? { type: 'heading', level, text } : { type: 'paragraph', text });
    }
  }
  return out;
}
