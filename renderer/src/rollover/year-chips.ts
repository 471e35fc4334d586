import { yearMentions, type YearMention } from '../../../shared/rollover/years';
import type { Block, Report, Section } from '../../../shared/model/types';
import type { SectionId } from '../../../templates/types';

/**
 * Years in paragraphs carried over from last year's report, as chips under each paragraph:
 * pending (a year that means the report year, one click moves it), done (already moved) or kept
 * (a comparison, a document number… left alone, with the reason).
 *
 * Moving a year keeps the 沿用上年 mark (it is not a review of the paragraph), so the text of a
 * carried paragraph may already hold moved years. To avoid offering 2025 → 2026 after 2024 → 2025,
 * the chips are read off last year's paragraph the text came from: years are four digits, so a
 * moved year sits at the same offset, and each mention is pending or done by what is there now.
 * Without last year's text (its report is not in the library), only last year's own year counts as
 * pending and the report year as done.
 */

export type YearChipState = 'pending' | 'done' | 'kept';

export interface YearChip {
  start: number;
  end: number;
  /** The year as the text reads now. */
  year: number;
  /** The year it should read (pending / done), null when kept. */
  target: number | null;
  state: YearChipState;
  /** Why it is kept (Chinese). */
  reason?: string;
}

export interface YearContext {
  /** Year of the report this one was made from. */
  from: number;
  /** Year of this report. */
  to: number;
  /** Last year's paragraphs by section, when the full report is at hand. */
  originals: ReadonlyMap<SectionId, readonly string[]> | null;
  /** Mentions of last year's paragraphs, computed once each. */
  cache: Map<string, YearMention[]>;
}

export function yearContext(
  report: { year: number; meta: { derivedFrom?: { id: string; year: number } } },
  last: Report | null,
): YearContext | null {
  const from = report.meta.derivedFrom?.year;
  if (!from || !Number.isInteger(from) || from >= report.year) return null;
  let originals: Map<SectionId, string[]> | null = null;
  if (last && last.meta.id === report.meta.derivedFrom?.id) {
    originals = new Map();
    for (const s of last.sections) {
      const texts = s.blocks.filter((b) => b.type === 'paragraph' && b.text.trim()).map((b) => b.text);
      if (texts.length) originals.set(s.id, texts);
    }
    if (!originals.size) originals = null;
  }
  return { from, to: report.year, originals, cache: new Map() };
}

function mentionsOf(ctx: YearContext, original: string): YearMention[] {
  let ms = ctx.cache.get(original);
  if (!ms) {
    ms = yearMentions(original, ctx.from, ctx.to);
    ctx.cache.set(original, ms);
  }
  return ms;
}

/** Whether `text` is `original` with some of its suggested years moved (and nothing else changed). */
function derivesFrom(text: string, original: string, mentions: YearMention[]): boolean {
  if (text === original) return true;
  if (text.length !== original.length) return false;
  let pos = 0;
  for (const m of mentions) {
    if (m.suggested === null) continue;
    if (text.slice(pos, m.start) !== original.slice(pos, m.start)) return false;
    const now = text.slice(m.start, m.end);
    if (now !== String(m.year) && now !== String(m.suggested)) return false;
    pos = m.end;
  }
  return text.slice(pos) === original.slice(pos);
}

function findOriginal(text: string, ctx: YearContext, section: SectionId): string | null {
  if (!ctx.originals) return null;
  const own = ctx.originals.get(section) ?? [];
  const others = [...ctx.originals].filter(([id]) => id !== section).flatMap(([, t]) => t);
  for (const list of [own, others]) {
    for (const o of list) if (derivesFrom(text, o, mentionsOf(ctx, o))) return o;
  }
  return null;
}

export function yearChips(text: string, ctx: YearContext, section: SectionId): YearChip[] {
  const original = findOriginal(text, ctx, section);
  if (original !== null) {
    return mentionsOf(ctx, original).map((m) => {
      const now = Number(text.slice(m.start, m.end));
      if (m.suggested === null)
        return { start: m.start, end: m.end, year: now, target: null, state: 'kept', reason: m.reason };
      return {
        start: m.start,
        end: m.end,
        year: now,
        target: m.suggested,
        state: now === m.suggested ? 'done' : 'pending',
      };
    });
  }
  return yearMentions(text, ctx.from, ctx.to).map((m): YearChip => {
    if (m.suggested === null)
      return { start: m.start, end: m.end, year: m.year, target: null, state: 'kept', reason: m.reason };
    if (m.year === ctx.from) return { start: m.start, end: m.end, year: m.year, target: m.suggested, state: 'pending' };
    // The year after last year's: a plan written last year, or a year moved already; without
    // last year's text it cannot be told apart, so it is not offered again.
    return { start: m.start, end: m.end, year: m.year, target: m.year, state: 'done' };
  });
}

/** The text with the pending chips moved (all, or only the one starting at `only`). */
export function applyChips(text: string, chips: YearChip[], only?: number): string {
  let out = '';
  let pos = 0;
  for (const c of chips) {
    if (c.state !== 'pending' || c.target === null || (only !== undefined && c.start !== only)) continue;
    out += text.slice(pos, c.start) + String(c.target);
    pos = c.end;
  }
  return out + text.slice(pos);
}

const isCarried = (b: Block): boolean => b.type === 'paragraph' && b.carried === true;

export const pendingCount = (chips: YearChip[]) => chips.reduce((n, c) => n + (c.state === 'pending' ? 1 : 0), 0);

/** Pending year chips of the carried paragraphs of one section. */
export function sectionPending(blocks: Block[], ctx: YearContext, section: SectionId): number {
  let n = 0;
  for (const b of blocks) if (isCarried(b)) n += pendingCount(yearChips(b.text, ctx, section));
  return n;
}

/** Pending year chips of the whole report. */
export function reportPending(sections: readonly Section[], ctx: YearContext): number {
  return sections.reduce((n, s) => n + sectionPending(s.blocks, ctx, s.id), 0);
}

/** Moves every pending year of the carried paragraphs of a section; the 沿用上年 marks stay. */
export function updateSectionYears(blocks: Block[], ctx: YearContext, section: SectionId): Block[] {
  let changed = false;
  const next = blocks.map((b) => {
    if (!isCarried(b)) return b;
    const text = applyChips(b.text, yearChips(b.text, ctx, section));
    if (text === b.text) return b;
    changed = true;
    return { ...b, text };
  });
  return changed ? next : blocks;
}

/** Moves one chip (or all of a paragraph's when `only` is absent) of block `index`. */
export function updateBlockYears(
  blocks: Block[],
  index: number,
  ctx: YearContext,
  section: SectionId,
  only?: number,
): Block[] {
  const b = blocks[index];
  if (!b || !isCarried(b)) return blocks;
  const text = applyChips(b.text, yearChips(b.text, ctx, section), only);
  if (text === b.text) return blocks;
  return blocks.map((x, i) => (i === index ? { ...x, text } : x));
}

/** A few characters around a mention, for the chip: “…较2023年增长…”. */
export function chipContext(
  text: string,
  chip: Pick<YearChip, 'start' | 'end'>,
  before = 6,
  after = 5,
): { pre: string; mention: string; post: string } {
  const s = Math.max(0, chip.start - before);
  // The mention with its 年 (and 度).
  let end = chip.end;
  while (end < text.length && end < chip.end + 2 && /[年度]/.test(text[end]!)) end++;
  const e = Math.min(text.length, end + after);
  const pre = (s > 0 ? '…' : '') + text.slice(s, chip.start).replace(/\s+/g, ' ');
  const post = text.slice(end, e).replace(/\s+/g, ' ') + (e < text.length ? '…' : '');
  return { pre, mention: text.slice(chip.start, end), post };
}
