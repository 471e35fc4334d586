import type { TemplateDef, SectionId } from '../../../templates/types';
import type { Block, Cells, Report } from '../../../shared/model/types';
import { recomputeTotals } from './totals-edit';

/** Pure edits of a report. */

/** A cell edit, with the totals that follow it (see recomputeTotals: a published total that does not add up is kept). */
export function applyCells(report: Report, patch: Cells, template: TemplateDef | null): Report {
  const cells = { ...report.cells, ...patch };
  return { ...report, cells: template ? recomputeTotals(report.cells, cells, template, patch) : cells };
}

export function blocksOf(report: Report, section: SectionId): Block[] {
  return report.sections.find((s) => s.id === section)?.blocks ?? [];
}

export function setBlocks(report: Report, section: SectionId, blocks: Block[]): Report {
  const exists = report.sections.some((s) => s.id === section);
  const sections = exists
    ? report.sections.map((s) => (s.id === section ? { ...s, blocks } : s))
    : [...report.sections, { id: section, blocks }];
  return { ...report, sections };
}

/** Typing in a paragraph clears its 沿用上年 mark: the clerk has looked at it. */
export function editBlockText(blocks: Block[], index: number, text: string): Block[] {
  return blocks.map((b, i) => {
    if (i !== index) return b;
    if (b.type === 'paragraph' && b.carried) {
      const { carried: _carried, ...rest } = b;
      return { ...rest, text };
    }
    return { ...b, text };
  });
}

export function confirmCarried(blocks: Block[], index: number): Block[] {
  return blocks.map((b, i) => {
    if (i !== index || b.type !== 'paragraph' || !b.carried) return b;
    const { carried: _carried, ...rest } = b;
    return rest;
  });
}

export function insertBlock(blocks: Block[], index: number, block: Block): Block[] {
  const at = Math.max(0, Math.min(index, blocks.length));
  return [...blocks.slice(0, at), block, ...blocks.slice(at)];
}

export function removeBlock(blocks: Block[], index: number): Block[] {
  return blocks.filter((_, i) => i !== index);
}

export function moveBlock(blocks: Block[], index: number, delta: -1 | 1): Block[] {
  const to = index + delta;
  if (to < 0 || to >= blocks.length) return blocks;
  const out = [...blocks];
  [out[index], out[to]] = [out[to]!, out[index]!];
  return out;
}

/** Headings compared without their numbering: “（一）主动公开方面” covers “（一）主动公开”. */
const bare = (s: string) =>
  s
    .replace(/^\s*[（(][一二三四五六七八九十]+[)）]\s*/, '')
    .replace(/^\s*\d+[.．、]\s*/, '')
    .trim();

export function hasHeading(blocks: Block[], heading: string): boolean {
  const want = bare(heading);
  return blocks.some((b) => b.type === 'heading' && bare(b.text).startsWith(want));
}

/**
 * Where a standard sub-heading goes: after the block run of the standard sub-heading before it
 * (so the five topics of 一 keep their order), or at the end.
 */
export function insertSubheading(
  blocks: Block[],
  subheadings: readonly string[],
  heading: string,
): { blocks: Block[]; index: number } {
  const order = subheadings.indexOf(heading);
  let at = blocks.length;
  // The first present standard heading that comes later in the standard order: insert before it.
  for (let i = order + 1; i < subheadings.length && order >= 0; i++) {
    const idx = blocks.findIndex((b) => b.type === 'heading' && bare(b.text).startsWith(bare(subheadings[i]!)));
    if (idx >= 0) {
      at = idx;
      break;
    }
  }
  const next = insertBlock(blocks, at, { type: 'heading', level: 2, text: heading });
  const withPara = insertBlock(next, at + 1, { type: 'paragraph', text: '' });
  return { blocks: withPara, index: at + 1 };
}

export const FEE_SENTENCE = '本年度未收取信息处理费。';

export function mentionsFee(blocks: Block[]): boolean {
  return blocks.some((b) => b.text.includes('信息处理费'));
}
