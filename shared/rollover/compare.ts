import { templateFor } from '../../templates/index';
import type { FieldDef } from '../../templates/types';
import type { Report, SectionId } from '../model/types';
import { diceOfTexts as similarity } from '../checks/text/similarity';
import { normalizeText } from '../checks/text/normalize';

const normaliseText = (text: string) => normalizeText(text).text;

/** This year beside last year: cell by cell and paragraph by paragraph. */

export interface CellComparison {
  key: string;
  label: string;
  table: string;
  current: number | null;
  last: number | null;
  changed: boolean;
}

export type ParagraphStatus = 'unchanged' | 'changed' | 'added' | 'removed';

export interface ParagraphComparison {
  section: SectionId | 'preamble';
  status: ParagraphStatus;
  /** Block index in this year's section (absent for removed paragraphs). */
  block?: number;
  current?: string;
  last?: string;
  /** 0..1, for changed pairs. */
  similarity?: number;
}

export function compareCells(current: Report, last: Report): CellComparison[] {
  if (current.format === 'pre-2019') return [];
  const fields: FieldDef[] = Object.values(templateFor(current.format).fields);
  return fields.map((f) => {
    const a = current.cells[f.key] ?? null;
    const b = last.cells[f.key] ?? null;
    return { key: f.key, label: f.label, table: f.table, current: a, last: b, changed: a !== b };
  });
}

const PAIR_THRESHOLD = 0.5;

/**
 * Aligns two lists of paragraphs: identical ones by longest common subsequence, then the
 * paragraphs left between two anchors are paired when similar enough (changed), the rest are
 * added or removed.
 */
export function alignParagraphs(
  current: string[],
  last: string[],
): { status: ParagraphStatus; current?: number; last?: number; similarity?: number }[] {
  const a = current.map(normaliseText);
  const b = last.map(normaliseText);
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: { status: ParagraphStatus; current?: number; last?: number; similarity?: number }[] = [];
  let pendingA: number[] = [];
  let pendingB: number[] = [];
  const flush = () => {
    const usedB = new Set<number>();
    for (const i of pendingA) {
      let best = -1;
      let bestScore = PAIR_THRESHOLD;
      for (const j of pendingB) {
        if (usedB.has(j)) continue;
        const s = similarity(a[i]!, b[j]!);
        if (s >= bestScore) {
          best = j;
          bestScore = s;
        }
      }
      if (best >= 0) {
        usedB.add(best);
        out.push({ status: 'changed', current: i, last: best, similarity: bestScore });
      } else out.push({ status: 'added', current: i });
    }
    for (const j of pendingB) if (!usedB.has(j)) out.push({ status: 'removed', last: j });
    pendingA = [];
    pendingB = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flush();
      out.push({ status: 'unchanged', current: i, last: j });
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) pendingA.push(i++);
    else pendingB.push(j++);
  }
  flush();
  return out;
}

export function compareParagraphs(current: Report, last: Report): ParagraphComparison[] {
  const out: ParagraphComparison[] = [];
  const pre = alignParagraphs(current.preamble ? [current.preamble] : [], last.preamble ? [last.preamble] : []);
  for (const p of pre) {
    out.push({
      section: 'preamble',
      status: p.status,
      current: p.current === undefined ? undefined : current.preamble,
      last: p.last === undefined ? undefined : last.preamble,
      similarity: p.similarity,
    });
  }
  for (const section of current.sections) {
    const lastSection = last.sections.find((s) => s.id === section.id);
    const cur = section.blocks.map((b, k) => ({ b, k })).filter((x) => x.b.type === 'paragraph' && x.b.text.trim());
    const old = (lastSection?.blocks ?? []).filter((b) => b.type === 'paragraph' && b.text.trim());
    for (const p of alignParagraphs(
      cur.map((x) => x.b.text),
      old.map((b) => b.text),
    )) {
      out.push({
        section: section.id,
        status: p.status,
        block: p.current === undefined ? undefined : cur[p.current]!.k,
        current: p.current === undefined ? undefined : cur[p.current]!.b.text,
        last: p.last === undefined ? undefined : old[p.last]!.text,
        similarity: p.similarity,
      });
    }
  }
  return out;
}

/**
 * Share (0..1) of this year's narrative, by characters, that is carried over unchanged from last
 * year's report: paragraphs identical to one of last year's, or still marked as carried.
 */
export function carriedShare(current: Pick<Report, 'sections'>, last: Report | null): number {
  const lastSet = new Set(
    last
      ? last.sections.flatMap((s) => s.blocks.filter((b) => b.type === 'paragraph').map((b) => normaliseText(b.text)))
      : [],
  );
  let total = 0;
  let carried = 0;
  for (const s of current.sections) {
    for (const b of s.blocks) {
      if (b.type !== 'paragraph') continue;
      const t = normaliseText(b.text);
      if (!t) continue;
      total += t.length;
      if (b.carried || lastSet.has(t)) carried += t.length;
    }
  }
  return total ? carried / total : 0;
}
