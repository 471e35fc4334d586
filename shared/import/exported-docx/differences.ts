import type { Block, Report } from '../../model/types';
import type { PrintLocation } from '../../export/print-model';
import { splitParagraphs } from '../../export/print-model';

/**
 * One place where the visible text of an exported .docx (edited in Word/WPS during sign-off)
 * differs from the report embedded in it. The UI lists them and lets the clerk take each one;
 * `applyDifferences` writes the taken ones into the report.
 */
export type DifferenceLocation = PrintLocation | { where: 'cell'; key: string };

export interface ParagraphDifference {
  /** Unique within one read-back (d1, d2 …): what `applyDifferences` is told to take. */
  id: string;
  /**
   * `changed`: the text (or cell value) differs; `removed`: deleted in the document;
   * `added`: new in the document. For `added` paragraphs the location's `block` (sections) or
   * `paragraph` (preamble) is the position the paragraph takes: it goes before the embedded
   * paragraph now at that index (or at the end).
   */
  kind: 'changed' | 'added' | 'removed';
  location: DifferenceLocation;
  /** Where, in Chinese: “一、总体情况 第3段”, “表三：三（三）1.属于国家秘密 · 自然人”. */
  label: string;
  /** Text in the embedded report (null when added). */
  embedded: string | null;
  /** Text seen in the document (null when removed). */
  visible: string | null;
  /** Cells: the values on both sides (null = blank). */
  embeddedValue?: number | null;
  visibleValue?: number | null;
  /** Added paragraphs: the block to insert (type from the paragraph style). */
  block?: Block;
  /** False when the visible text cannot be taken as it is (e.g. a cell that is not a number). */
  applicable: boolean;
  /** Why it cannot be taken, or what taking it means (Chinese). */
  note?: string;
}

/** Reports are plain JSON: a JSON round trip is a faithful deep copy (and needs no DOM or Node API). */
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

type Accepted = Iterable<string> | ((d: ParagraphDifference) => boolean);

function acceptor(accepted: Accepted): (d: ParagraphDifference) => boolean {
  if (typeof accepted === 'function') return accepted;
  const ids = new Set(accepted);
  return (d) => ids.has(d.id);
}

/** Applies edits to a list of items by index: removals, replacements, insertions before an index. */
function edit<T>(
  items: T[],
  diffs: ParagraphDifference[],
  indexOf: (d: ParagraphDifference) => number,
  change: (item: T, d: ParagraphDifference) => T,
  create: (d: ParagraphDifference) => T | null,
): T[] {
  const out: T[] = [];
  const insertAt = (i: number) => {
    for (const d of diffs) {
      if (d.kind !== 'added' || indexOf(d) !== i) continue;
      const item = create(d);
      if (item !== null) out.push(item);
    }
  };
  items.forEach((item, i) => {
    insertAt(i);
    const mine = diffs.filter((d) => d.kind !== 'added' && indexOf(d) === i);
    if (mine.some((d) => d.kind === 'removed')) return;
    const changed = mine.find((d) => d.kind === 'changed');
    out.push(changed ? change(item, changed) : item);
  });
  // Additions past the end (and any beyond it, in order).
  const tail = diffs
    .filter((d) => d.kind === 'added' && indexOf(d) >= items.length)
    .sort((a, b) => indexOf(a) - indexOf(b));
  for (const d of tail) {
    const item = create(d);
    if (item !== null) out.push(item);
  }
  return out;
}

/** 2025年1月20日 (also with full-width digits or spaces) → 2025-01-20; null when not a real date. */
export function parseChineseDate(text: string): string | null {
  const t = text.replace(/[０-９]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\s+/g, '');
  const m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(t);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Returns a copy of the report with the accepted differences taken from the document (by id,
 * or by a predicate). Differences that are not applicable are skipped. Totals are not
 * recomputed: the report keeps the figures as the document shows them, and the checks point out
 * any sum that no longer adds up.
 */
export function applyDifferences(
  report: Report,
  differences: readonly ParagraphDifference[],
  accepted: Accepted,
): Report {
  const take = acceptor(accepted);
  const chosen = differences.filter((d) => d.applicable && take(d));
  const out: Report = clone(report);

  for (const d of chosen) {
    const loc = d.location;
    if (loc.where === 'title') out.title = d.visible ?? '';
    else if (loc.where === 'cell') out.cells[loc.key] = d.visibleValue ?? null;
    else if (loc.where === 'signature') {
      if (loc.field === 'name') out.signature.name = d.visible ?? '';
      else out.signature.date = d.visible ? (parseChineseDate(d.visible) ?? out.signature.date) : '';
    }
  }

  const preambleDiffs = chosen.filter((d) => d.location.where === 'preamble');
  if (preambleDiffs.length) {
    const lines = edit(
      splitParagraphs(report.preamble),
      preambleDiffs,
      (d) => (d.location.where === 'preamble' ? d.location.paragraph : -1),
      (_line, d) => d.visible ?? '',
      (d) => d.visible ?? null,
    );
    out.preamble = lines.join('\n');
  }

  for (const section of out.sections) {
    const diffs = chosen.filter((d) => d.location.where === 'section' && d.location.section === section.id);
    if (!diffs.length) continue;
    section.blocks = edit(
      section.blocks,
      diffs,
      (d) => (d.location.where === 'section' ? d.location.block : -1),
      (block, d) => {
        const next = { ...block, text: d.visible ?? '' } as Block;
        // Taking the signed-off wording counts as reviewing a paragraph carried from last year.
        if (next.type === 'paragraph') delete next.carried;
        return next;
      },
      (d) => (d.block ? clone(d.block) : null),
    );
  }
  return out;
}
