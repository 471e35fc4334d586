import type { SectionId } from '../../../templates/types';
import type { Report } from '../../model/types';
import type { TextLocation, TextSpan } from '../types';
import { normalizeText, originalRange, type NormalizedText } from './normalize';
import { memo, weakMemo } from './cache';

/** One piece of text of a report, with where it lives and its normalised form (computed once). */
export interface TextBlock {
  loc: TextLocation;
  /** Section id for section blocks, else null (title, preamble, signature). */
  section: SectionId | null;
  kind: 'heading' | 'paragraph' | 'title' | 'preamble' | 'signature';
  /** Index among all text blocks of the report (stable order: title, preamble, sections, signature). */
  index: number;
  original: string;
  norm: NormalizedText;
}

const normalized = memo<NormalizedText>(200);
const normalizedBlocks = weakMemo<object, { text: string; norm: NormalizedText }>();

/** The normalised form of a text, computed once per distinct text. */
export function normalizedCached(text: string): NormalizedText {
  return normalized(text, () => normalizeText(text));
}

/** The normalised text of a paragraph block, computed once per block object. */
function normalizedBlock(block: object, text: string): NormalizedText {
  return normalizedBlocks(
    block,
    () => ({ text, norm: normalizeText(text) }),
    (v) => v.text === text,
  ).norm;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Every text of the report in reading order. Tolerates missing or odd parts (imported files). */
export function collectBlocks(report: Report): TextBlock[] {
  const out: TextBlock[] = [];
  const push = (
    loc: TextLocation,
    kind: TextBlock['kind'],
    section: SectionId | null,
    text: string,
    owner?: object,
  ) => {
    out.push({
      loc,
      kind,
      section,
      index: out.length,
      original: text,
      norm: owner ? normalizedBlock(owner, text) : normalizedCached(text),
    });
  };
  push({ where: 'title' }, 'title', null, str(report.title));
  push({ where: 'preamble' }, 'preamble', null, str(report.preamble));
  const sections = Array.isArray(report.sections) ? report.sections : [];
  for (const section of sections) {
    if (!section || typeof section !== 'object' || !Array.isArray(section.blocks)) continue;
    section.blocks.forEach((block, i) => {
      if (!block || typeof block !== 'object') return;
      const kind = block.type === 'heading' ? 'heading' : 'paragraph';
      push({ where: 'section', section: section.id, block: i }, kind, section.id, str(block.text), block);
    });
  }
  push({ where: 'signature' }, 'signature', null, str(report.signature?.name));
  return out;
}

/** A span over normalised offsets [start, end) of a block, in original offsets. */
export function spanOf(block: TextBlock, start: number, end: number): TextSpan {
  const r = originalRange(block.norm, start, end);
  return { ...block.loc, start: r.start, end: r.end } as TextSpan;
}

/** A span covering the whole block. */
export function wholeSpan(block: TextBlock): TextSpan {
  return { ...block.loc, start: 0, end: block.original.length } as TextSpan;
}
