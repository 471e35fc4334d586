import type { SectionId } from '../../../templates/types';
import type { CheckContext } from '../context';
import type { TextBlock } from '../text/blocks';
import { formatCell } from '../../model/format';
import { GOV_2019, GOV_2021 } from '../../../templates/index';

/** FNV-1a, base 36: short stable ids for fingerprints of longer texts. */
export function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** Human path of a cell: 三（一）予以公开 · 自然人. */
export function labelOf(ctx: CheckContext, key: string): string {
  return (
    ctx.layout?.fields[key]?.label ??
    ctx.template?.fields[key]?.label ??
    GOV_2021.fields[key]?.label ??
    GOV_2019.fields[key]?.label ??
    key
  );
}

/** A figure as printed (no grouping, decimals as entered). */
export const fmt = (n: number | null | undefined): string => (n === null || n === undefined ? '空白' : formatCell(n));

/** “表三” etc. */
export const TABLE_NAMES: Record<string, string> = {
  t2: '表二（主动公开）',
  t3: '表三（依申请公开）',
  t4: '表四（复议诉讼）',
};

/** Section headings by id, for messages. */
export function sectionHeadings(ctx: CheckContext): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of (ctx.template ?? GOV_2021).sections) out[s.id] = s.heading;
  return out;
}

export const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The text blocks of one section. */
export const sectionBlocks = (ctx: CheckContext, id: SectionId): TextBlock[] =>
  ctx.blocks.filter((b) => b.section === id);
export const meaningful = (text: string) => text.replace(/[\s\p{P}\p{S}]/gu, '');
/** The paragraphs' words without punctuation, cut short once longer than `enough` (all any rule needs). */
export function paragraphWords(blocks: TextBlock[], enough = 40): string {
  let out = '';
  for (const b of blocks) {
    if (b.kind !== 'paragraph') continue;
    out += meaningful(b.norm.text.length > enough * 4 ? b.norm.text.slice(0, enough * 4) : b.norm.text);
    if (out.length > enough) break;
  }
  return out;
}
