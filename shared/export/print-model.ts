import type { SectionId, TableId } from '../../templates/types';
import { SECTIONS } from '../../templates/index';
import { formatChineseDate } from '../model/format';
import { TITLE_SUFFIX } from '../model/blank';
import type { Report } from '../model/types';
import { layoutLegacyTable, layoutTable, tableDefFor, type PrintTable } from './table-layout';

/**
 * The report as a sequence of printed paragraphs and tables, in document order. The .docx and
 * the HTML are rendered from it, and reading an exported .docx back compares the visible text
 * with it, so every paragraph carries the place in the report it came from.
 */

export type PrintLocation =
  | { where: 'title' }
  | { where: 'preamble'; paragraph: number }
  | { where: 'section'; section: SectionId; block: number }
  | { where: 'signature'; field: 'name' | 'date' };

export type ParagraphKind = 'title' | 'preamble' | 'section-heading' | 'heading2' | 'heading3' | 'body' | 'signature';

export interface PrintParagraph {
  kind: ParagraphKind;
  text: string;
  /** Signature lines: right indent in 3号 characters. */
  rightIndent?: number;
  /** Where the text lives in the report; absent for the fixed section headings (一、…六、). */
  loc?: PrintLocation;
}

export interface PrintSection {
  id: SectionId;
  heading: string;
  blocks: PrintParagraph[];
  /** Printed after the section's paragraphs. */
  table?: PrintTable;
}

export interface PrintDocument {
  title: { text: string; lines: string[] };
  preamble: PrintParagraph[];
  sections: PrintSection[];
  /** Pre-2019 statistics, printed after section 六. */
  legacyTable?: PrintTable;
  signature: PrintParagraph[];
}

/**
 * 2号 characters fit about 20 to a line of the type area. The title is broken after the agency
 * name (agency / year + 政府信息公开工作年度报告), the usual arrangement of published reports.
 */
export function titleLines(title: string, agency: string): string[] {
  const text = title.trim();
  if (text.includes('\n'))
    return text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  const name = agency.trim();
  if (name && text.startsWith(name) && text.length > name.length) return [name, text.slice(name.length)];
  const m = /^(.+?)((?:19|20)\d{2}年.*)$/.exec(text);
  if (m) return [m[1]!, m[2]!];
  if (text.endsWith(TITLE_SUFFIX) && text.length > TITLE_SUFFIX.length) {
    return [text.slice(0, -TITLE_SUFFIX.length), TITLE_SUFFIX];
  }
  return [text];
}

/** Paragraphs of a multi-paragraph text field (the preamble): one per line, blank lines kept as positions. */
export function splitParagraphs(text: string | undefined): string[] {
  if (!text) return [];
  return text.split(/\r?\n/);
}

export function buildPrintDocument(report: Report): PrintDocument {
  const preamble: PrintParagraph[] = [];
  splitParagraphs(report.preamble).forEach((text, paragraph) => {
    if (text.trim() !== '') preamble.push({ kind: 'preamble', text, loc: { where: 'preamble', paragraph } });
  });

  const sections: PrintSection[] = SECTIONS.map((def) => {
    const section = report.sections.find((s) => s.id === def.id);
    const blocks: PrintParagraph[] = (section?.blocks ?? []).map((block, index) => ({
      kind: block.type === 'heading' ? (block.level === 3 ? 'heading3' : 'heading2') : 'body',
      text: block.text,
      loc: { where: 'section', section: def.id, block: index },
    }));
    const printed: PrintSection = { id: def.id, heading: def.heading, blocks };
    if (def.table) {
      const table = tableDefFor(report, def.table as TableId);
      if (table) printed.table = layoutTable(table, report.cells);
    }
    return printed;
  });

  const signature: PrintParagraph[] = [];
  if (report.signature.name.trim())
    signature.push({ kind: 'signature', text: report.signature.name, loc: { where: 'signature', field: 'name' } });
  const date = formatChineseDate(report.signature.date);
  if (date) signature.push({ kind: 'signature', text: date, loc: { where: 'signature', field: 'date' } });

  placeSignature(signature);

  const doc: PrintDocument = {
    title: { text: report.title, lines: titleLines(report.title, report.agency.name) },
    preamble,
    sections,
    signature,
  };
  const legacy = report.format === 'pre-2019' ? layoutLegacyTable(report) : null;
  if (legacy) doc.legacyTable = legacy;
  return doc;
}

/** Width of a text in 3号 characters: Latin letters and digits in Times New Roman are about half. */
const charWidth = (text: string): number => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0);

/**
 * 成文日期 右空四字, and the 署名 centred above the date (GB/T 9704 §7.3.5): the name's right
 * indent is the date's plus half the difference of their widths.
 */
function placeSignature(lines: PrintParagraph[]): void {
  const DATE_INDENT = 4;
  const name = lines.find((p) => p.loc?.where === 'signature' && p.loc.field === 'name');
  const date = lines.find((p) => p.loc?.where === 'signature' && p.loc.field === 'date');
  if (date) date.rightIndent = DATE_INDENT;
  if (name)
    name.rightIndent = date
      ? Math.max(0, DATE_INDENT + (charWidth(date.text) - charWidth(name.text)) / 2)
      : DATE_INDENT;
}

/** Chinese name of a place in the report, for lists of differences: “一、总体情况 第3段”. */
export function describeLocation(loc: PrintLocation): string {
  switch (loc.where) {
    case 'title':
      return '标题';
    case 'preamble':
      return `引言 第${loc.paragraph + 1}段`;
    case 'signature':
      return loc.field === 'name' ? '落款署名' : '落款日期';
    case 'section': {
      const heading = SECTIONS.find((s) => s.id === loc.section)?.heading ?? loc.section;
      return `${heading} 第${loc.block + 1}段`;
    }
  }
}
