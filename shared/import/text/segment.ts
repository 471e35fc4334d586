import { isChrome, isEndMarker } from '../chrome';
import { matchHeading, mayBeHeading } from '../headings';
import type { SourceDoc, SrcBlock, SrcLine } from '../source-doc';
import { scanRuns, type ScanRun } from '../tables/scan';
import { takeCrawlerHeader } from './crawler-header';
import { END_MARK, furnitureSpans } from './furniture';

/**
 * Reading that does not depend on line breaks. Pages saved by crawlers or copied from CMS views
 * often hold the whole article in one line; others break it at random places. Before the parts
 * of a report are looked for, every line is cut where a new part starts inside it — website
 * furniture, a section heading, a statistical table, the title at the top, the signature at the
 * end, a footer — so that the steps after see the same lines as in a well-formed copy. Lines that
 * hold one part only are left as they are.
 */

/** “- 3 -”, “— 3 —” left in a table by a copy of a PDF. */
const PAGE_NUMBER = /(?:^|(?<=[\s\d\u4e00-\u9fff）)]))([-－—–]\s*\d{1,3}\s*[-－—–])(?=\s*(?:$|[\u4e00-\u9fff（(]))/g;
/** Words every printed table has (a line without any holds no table to cut out). */
const TABLE_HINT =
  /第二十条|信息内容|规章|行政许可|行政处罚|申请人情况|自然人|予以公开|不予公开|本年新收|结转|行政复议|行政诉讼|结果维持/;
const HEADING_START = /[一二三四五六]\s*[、.．]/g;
/** What may stand right before a heading run into the text before it. */
const BEFORE_HEADING = /[\s。；;！!？?：:”’）)\]】\d]$/;
const TITLE =
  /^(.{0,60}?(?:政府信息公开|政务公开|信息公开).{0,30}?(?:年度报告|工作报告|年报))(?:\s*[（(](?:全文|正文)[)）])?/;
const SIGNATURE =
  /(?<=[。！？；.!?]|^)\s*([^。！？；，,：:\s]{2,40}?(?:人民政府|政府|办公室|办公厅|管理委员会|管委会|委员会|局|委|办|厅|中心|院|镇|乡|街道|街道办事处|市|县|区|州|旗|盟))\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*$/;

interface Cut {
  at: number;
  /** The piece from here on is furniture (up to the next cut). */
  chrome?: boolean;
}

export function segmentDoc(doc: SourceDoc): SourceDoc {
  const blocks = doc.blocks.slice();
  const header = takeCrawlerHeader(blocks);
  const hints = { ...doc.hints };
  if (header?.title && !hints.title) hints.title = header.title;
  if (header?.publishedAt) hints.publishedAt = header.publishedAt;
  if (header?.agency && !hints.agency) hints.agency = header.agency;
  // Visual lines of a PDF copy are joined by the paragraph logic; a one-line text is never wrapped.
  const out: SrcBlock[] = doc.wrapped ? blocks : [];
  if (!doc.wrapped) {
    let first = true;
    for (const b of blocks) {
      if (b.type !== 'line' || b.cells || b.emptyCell || b.text.trim().length < 2) {
        out.push(b);
        if (b.type !== 'line' || b.text.trim()) first = false;
        continue;
      }
      const pieces = cutLine(b, first);
      out.push(...pieces);
      if (pieces.some((p) => !(p as SrcLine).chrome)) first = false;
    }
  }
  const changed = header !== null || out.length !== doc.blocks.length;
  return changed ? { ...doc, blocks: out, hints } : doc;
}

function cutLine(b: SrcLine, atTop: boolean): SrcLine[] {
  const text = b.text;
  // A line that is furniture as a whole is left to the structure step (it reads the date from it).
  if (isChrome(text) || isEndMarker(text)) return [b];
  const cuts: Cut[] = [];
  const furniture = furnitureSpans(text);
  for (const s of furniture) cuts.push({ at: s.start, chrome: true }, { at: s.end });
  const inFurniture = (i: number) => furniture.some((s) => i >= s.start && i < s.end);

  END_MARK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = END_MARK.exec(text))) if (m.index > 0 && !inFurniture(m.index)) cuts.push({ at: m.index });

  // Section headings run into the text before them.
  const headings: { start: number; end: number }[] = [];
  if (text.length >= 12) {
    HEADING_START.lastIndex = 0;
    let tries = 0;
    while ((m = HEADING_START.exec(text)) && ++tries < 400) {
      const at = m.index;
      if (inFurniture(at)) continue;
      const before = text.slice(Math.max(0, at - 1), at);
      if (at > 0 && !BEFORE_HEADING.test(before) && text.length < 200) continue;
      if (!mayBeHeading(text, at)) continue;
      const window = text.slice(at, at + 300);
      const h = matchHeading(window);
      if (h && h.how === 'exact') {
        if (at > 0) cuts.push({ at });
        headings.push({ start: at, end: at + window.indexOf(h.heading) + h.heading.length });
      }
    }
  }

  // Tables printed inside the line: each label with its numbers on a line of its own, as in a
  // line-per-row copy (the table reader takes it from there); page numbers inside are furniture.
  const span = /\d/.test(text) && text.length >= 12 ? tableSpan(text) : null;
  if (span) {
    for (const found of scanRuns(text.slice(span.from, span.to))) {
      const run = shift(found, span.from);
      if (run.matches.length < 2 && run.start === 0 && run.end >= text.length - 1) continue;
      let prev: ScanRun['matches'][number] | undefined;
      for (const mt of run.matches) {
        const after = prev;
        prev = mt;
        if (headings.some((h) => mt.start >= h.start && mt.start < h.end)) continue;
        // Header words follow each other on one line, as in a line-per-row copy (fewer lines to read).
        if (after && !after.material && isHeader(after) && isHeader(mt)) continue;
        cuts.push({ at: mt.start });
        // Stray text after a row's numbers (a wrapped label's end) is not part of the row.
        if (mt.material) cuts.push({ at: mt.end });
      }
      if (run.end < text.length) cuts.push({ at: run.end });
      PAGE_NUMBER.lastIndex = run.start;
      const footers = /[-－—–]\s*\d{1,3}\s*[-－—–]/.test(text.slice(run.start, run.end));
      while (footers && (m = PAGE_NUMBER.exec(text)) && m.index < run.end)
        cuts.push({ at: m.index + m[0].indexOf(m[1]!), chrome: true }, { at: m.index + m[0].length });
    }
  }

  const pieces = assemble(text, cuts);
  if (pieces.length === 1 && !pieces[0]!.chrome && !atTop && !SIGNATURE.test(text)) return [b];
  const lines: SrcLine[] = [];
  let top = atTop;
  for (const p of pieces) {
    if (p.chrome || isChrome(p.text)) {
      lines.push({ type: 'line', text: p.text, chrome: true });
      continue;
    }
    const parts: string[] = [];
    let rest = p.text;
    // The title at the top of a one-line page: “某某区2023年政府信息公开工作年度报告根据《条例》…”.
    if (top) {
      const t = TITLE.exec(rest);
      // Only when the text goes on after it (a one-line page), not after a short addition (“格式模板”).
      if (
        t &&
        rest.length - t[0].length >= 30 &&
        !/^(根据|依据|按照|本报告|现将|关于印发)/.test(rest) &&
        !/[。；《》]/.test(t[0])
      ) {
        parts.push(t[0]);
        rest = rest.slice(t[0].length);
      }
      top = false;
    }
    // The signature at the end of the last paragraph: “…。某某新区管委会办公室 2024年3月5日”.
    // (Only the end of a piece is looked at: a name and a date are short.)
    let from = Math.max(0, rest.length - 90);
    if (from > 0) {
      // From a sentence end, as the whole piece would be read (none near the end: no signature).
      const stop = rest.slice(from).search(/[。！？；.!?]/);
      from = stop < 0 ? -1 : from + stop;
    }
    const sig = from >= 0 && /日\s*$/.test(rest) ? SIGNATURE.exec(rest.slice(from)) : null;
    if (sig && from + sig.index > 0) {
      parts.push(rest.slice(0, from + sig.index), sig[1]!, sig[2]!);
      rest = '';
    }
    if (rest) parts.push(rest);
    for (const t of parts) if (t.trim()) lines.push({ ...b, text: t.trim(), ...(b.para ? { para: 'start' } : {}) });
  }
  return lines.length ? lines : [b];
}

/**
 * The stretch of a line where tables may stand: around the first and last table words (a long
 * line's overview before them is not searched).
 */
function tableSpan(text: string): { from: number; to: number } | null {
  const re = new RegExp(TABLE_HINT.source, 'g');
  let first = -1;
  let last = -1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (first < 0) first = m.index;
    last = m.index + m[0].length;
  }
  return first < 0 ? null : { from: Math.max(0, first - 200), to: Math.min(text.length, last + 1500) };
}

const isHeader = (mt: ScanRun['matches'][number]) => mt.kinds.every((k) => k === 'header');

const shift = (run: ScanRun, by: number): ScanRun =>
  by === 0
    ? run
    : {
        ...run,
        start: run.start + by,
        end: run.end + by,
        matches: run.matches.map((mt) => ({ ...mt, start: mt.start + by, end: mt.end + by })),
      };

function assemble(text: string, cuts: Cut[]): { text: string; chrome: boolean }[] {
  if (!cuts.length) return [{ text, chrome: false }];
  // At one position a furniture start wins over a plain cut.
  const byAt = new Map<number, boolean>();
  for (const c of cuts) if (c.at > 0 && c.at < text.length) byAt.set(c.at, (byAt.get(c.at) ?? false) || !!c.chrome);
  const starts = [...byAt.keys()].sort((a, b) => a - b);
  const first = cuts.find((c) => c.at === 0);
  const out: { text: string; chrome: boolean }[] = [];
  let from = 0;
  let chrome = !!first?.chrome;
  for (const at of [...starts, text.length]) {
    const piece = text.slice(from, at);
    if (piece.trim()) out.push({ text: piece.trim(), chrome });
    chrome = byAt.get(at) ?? false;
    from = at;
  }
  return out;
}
