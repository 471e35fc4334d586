// Length: one matching pass of an edited export against its report over every kind of block; split,
// its state would be passed around.
import { GOV_2019, SECTIONS, templateFor } from '../../../templates/index';
import type { Block, Report } from '../../model/types';
import { formatChineseDate } from '../../model/format';
import {
  buildPrintDocument,
  describeLocation,
  type PrintLocation,
  type PrintParagraph,
} from '../../export/print-model';
import type { PrintTable } from '../../export/table-layout';
import { comparableText } from '../../export/text';
import { align } from './align';
import { parseChineseDate, type DifferenceLocation, type ParagraphDifference } from './differences';
import { resolveGrid, type DocxBodyItem, type DocxParagraph, type DocxTable } from './ooxml';

/**
 * Compares the visible content of an exported .docx with the report embedded in it. The fixed
 * section headings (一、…六、) anchor the comparison; inside each part paragraphs are aligned
 * by similarity, so that added, deleted and reworded paragraphs are told apart.
 */

export interface Comparison {
  differences: ParagraphDifference[];
  /** Things the read-back could not map (Chinese), e.g. a section heading that was deleted. */
  warnings: string[];
}

const NUMERALS = ['一', '二', '三', '四', '五', '六'];

const normHeading = (s: string) => s.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）').replace(/,/g, '，');

const styleKey = (p: DocxParagraph) => `${p.styleId ?? ''}|${p.styleName ?? ''}`.toLowerCase();
const isStyle = (p: DocxParagraph, id: string, name: string) => {
  const k = styleKey(p);
  return k.startsWith(`${id.toLowerCase()}|`) || k.endsWith(`|${name.toLowerCase()}`);
};
const isTitleStyle = (p: DocxParagraph) => isStyle(p, 'Title', 'title');
const isHeading = (p: DocxParagraph, level: number) => isStyle(p, `Heading${level}`, `heading ${level}`);
const isSignatureStyle = (p: DocxParagraph) =>
  isStyle(p, 'NbSignature', '落款') || p.align === 'right' || p.align === 'end';

/** What kind of block a paragraph found in the document is: its style first, then its wording. */
export function classify(p: DocxParagraph): 'heading2' | 'heading3' | 'body' {
  if (isHeading(p, 2)) return 'heading2';
  if (isHeading(p, 3)) return 'heading3';
  const t = comparableText(p.text);
  const short = t.length <= 40 && !/[。；;]/.test(t);
  if (short && /^[（(][一二三四五六七八九十]+[）)]/.test(t)) return 'heading2';
  if (short && /^\d{1,2}[.．、]/.test(t)) return 'heading3';
  return 'body';
}

function blockOf(p: DocxParagraph, text: string): Block {
  const kind = classify(p);
  if (kind === 'heading2') return { type: 'heading', level: 2, text };
  if (kind === 'heading3') return { type: 'heading', level: 3, text };
  return { type: 'paragraph', text };
}

/** Where each section heading is in the body (index into items), in order; -1 when not found. */
function findAnchors(items: DocxBodyItem[], warnings: string[]): number[] {
  const anchors: number[] = [];
  let from = 0;
  SECTIONS.forEach((def, k) => {
    const names = [def.heading, ...(def.aliases ?? [])].map(normHeading);
    let found = -1;
    for (let i = from; i < items.length; i++) {
      const item = items[i]!;
      if (item.type !== 'p') continue;
      const text = normHeading(item.text);
      if (names.includes(text)) {
        found = i;
        break;
      }
      // A reworded heading still anchors its part when it keeps the heading style and numeral.
      if (isHeading(item, 1) && text.startsWith(`${NUMERALS[k]}、`)) {
        found = i;
        warnings.push(
          `第${NUMERALS[k]}部分的标题在文档中改为“${comparableText(item.text)}”。标题由格式规定，仍按“${def.heading}”处理。`,
        );
        break;
      }
    }
    if (found < 0) warnings.push(`文档中找不到“${def.heading}”这一标题，这一部分的内容可能被归入了相邻部分，请核对。`);
    else from = found + 1;
    anchors.push(found);
  });
  return anchors;
}

const parseCell = (text: string): { value: number | null } | null => {
  const t = text
    .replace(/[０-９．－]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s,，]/g, '');
  if (t === '') return { value: null };
  if (/^-?\d+(\.\d+)?$/.test(t)) return { value: Number(t) };
  return null;
};

class Collector {
  differences: ParagraphDifference[] = [];
  add(d: Omit<ParagraphDifference, 'id'>) {
    this.differences.push({ id: `d${this.differences.length + 1}`, ...d });
  }
}

/**
 * Aligns printed paragraphs (each with its index in the report) with found ones and records
 * what changed. `insertIndex` says where an added paragraph goes.
 */
function compareParagraphs(
  out: Collector,
  expected: PrintParagraph[],
  found: DocxParagraph[],
  indexOf: (p: PrintParagraph) => number,
  end: number,
  locate: (index: number) => PrintLocation,
  asBlock: boolean,
) {
  const exp = expected.map((p) => ({ p, text: comparableText(p.text) })).filter((e) => e.text !== '');
  const fnd = found.map((p) => ({ p, text: comparableText(p.text) })).filter((f) => f.text !== '');
  const pairs = align(
    exp.map((e) => ({ text: e.text, kind: e.p.kind === 'heading2' || e.p.kind === 'heading3' ? e.p.kind : 'body' })),
    fnd.map((f) => ({ text: f.text, kind: asBlock ? classify(f.p) : 'body' })),
  );
  const pairedE = new Map(pairs.map(([i, j]) => [i, j]));
  const pairedF = new Map(pairs.map(([i, j]) => [j, i]));
  // Walk both sequences in document order so the differences come out in reading order.
  let i = 0;
  let j = 0;
  const emitAdded = (jj: number) => {
    // Goes before the next printed paragraph that was kept, or at the end.
    let next = end;
    for (let k = jj + 1; k < fnd.length; k++) {
      const e = pairedF.get(k);
      if (e !== undefined) {
        next = indexOf(exp[e]!.p);
        break;
      }
    }
    const loc = locate(next);
    const f = fnd[jj]!;
    out.add({
      kind: 'added',
      location: loc,
      label:
        next >= end
          ? `${describeLocation(locate(Math.max(0, end - 1))).replace(/ 第\d+段$/, '')} 末尾（新增）`
          : `${describeLocation(loc)}之前（新增）`,
      embedded: null,
      visible: f.text,
      ...(asBlock ? { block: blockOf(f.p, f.text) } : {}),
      applicable: true,
    });
  };
  while (i < exp.length || j < fnd.length) {
    if (j < fnd.length && !pairedF.has(j)) {
      emitAdded(j++);
      continue;
    }
    if (i < exp.length && !pairedE.has(i)) {
      const e = exp[i++]!;
      const loc = locate(indexOf(e.p));
      out.add({
        kind: 'removed',
        location: loc,
        label: describeLocation(loc),
        embedded: e.text,
        visible: null,
        applicable: true,
      });
      continue;
    }
    if (i < exp.length && j < fnd.length) {
      const e = exp[i++]!;
      const f = fnd[j++]!;
      if (e.text !== f.text) {
        const loc = locate(indexOf(e.p));
        out.add({
          kind: 'changed',
          location: loc,
          label: describeLocation(loc),
          embedded: e.text,
          visible: f.text,
          applicable: true,
        });
      }
      continue;
    }
    break;
  }
}

function fieldLabel(report: Report, key: string): string {
  if (key.startsWith('legacy.')) return key.slice('legacy.'.length);
  const fields = report.format === 'pre-2019' ? {} : templateFor(report.format).fields;
  return fields[key]?.label ?? GOV_2019.fields[key]?.label ?? key;
}

function compareTable(
  out: Collector,
  warnings: string[],
  report: Report,
  expected: PrintTable,
  found: DocxTable | undefined,
) {
  const name = expected.id === 'legacy' ? '统计数据表' : `“${expected.caption}”表`;
  if (!found) {
    warnings.push(`文档中找不到${name}，表格数字未读回。`);
    return;
  }
  const grid = resolveGrid(found);
  if (grid.cols !== expected.gridCols) {
    warnings.push(
      `${name}的列数在文档中被改动（应为 ${expected.gridCols} 列，实为 ${grid.cols} 列），表格数字未读回，请在表格中核对。`,
    );
    return;
  }
  // Rows: by position when the table kept its shape, otherwise by row label (rows inserted or deleted).
  const rowOf = new Map<number, number>();
  if (grid.rows === expected.gridRows) {
    for (let r = 0; r < grid.rows; r++) rowOf.set(r, r);
  } else {
    const foundLabels = Array.from({ length: grid.rows }, (_, r) =>
      normHeading(
        grid.cells
          .filter((c) => c.r === r && parseCell(c.text) === null)
          .map((c) => c.text)
          .join(''),
      ),
    );
    expected.rowLabels.forEach((label, r) => {
      if (!label) {
        // Unlabelled rows (Table 4's figures) are found counting from the end.
        const fr = grid.rows - (expected.gridRows - r);
        if (r >= expected.headerRows && fr >= 0) rowOf.set(r, fr);
        return;
      }
      const want = normHeading(label);
      const fr = foundLabels.findIndex((l) => l.endsWith(want));
      if (fr >= 0) rowOf.set(r, fr);
    });
    warnings.push(
      `${name}的行数在文档中被改动（应为 ${expected.gridRows} 行，实为 ${grid.rows} 行），已按行标题对应读回数字，请核对。`,
    );
  }
  for (const row of expected.rows) {
    for (const cell of row) {
      if (cell.role !== 'data' || !cell.key) continue;
      const fr = rowOf.get(cell.r);
      const origin = fr === undefined ? undefined : grid.at(fr, cell.c);
      const label = `${name}：${fieldLabel(report, cell.key)}`;
      if (!origin || origin.r !== fr || origin.c !== cell.c) {
        warnings.push(`${label}：在文档中找不到这一格，未读回。`);
        continue;
      }
      const embeddedValue = report.cells[cell.key] ?? null;
      const parsed = parseCell(origin.text);
      const location: DifferenceLocation = { where: 'cell', key: cell.key };
      if (!parsed) {
        out.add({
          kind: 'changed',
          location,
          label,
          embedded: cell.text,
          visible: comparableText(origin.text),
          embeddedValue,
          applicable: false,
          note: '文档中这一格不是数字，不能直接采用，请在表格中改正。',
        });
        continue;
      }
      if (parsed.value !== embeddedValue) {
        out.add({
          kind: 'changed',
          location,
          label,
          embedded: cell.text,
          visible: comparableText(origin.text),
          embeddedValue,
          visibleValue: parsed.value,
          applicable: true,
          ...(parsed.value === null ? { note: '文档中这一格被清空；采用后为空白（未填写）。' } : {}),
        });
      }
    }
  }
}

function compareSignature(out: Collector, report: Report, expected: PrintParagraph[], found: DocxParagraph[]) {
  const texts = found.map((p) => comparableText(p.text)).filter(Boolean);
  let name: string | undefined;
  let date: string | undefined;
  if (texts.length >= 2) {
    date = texts[texts.length - 1];
    name = texts.slice(0, -1).join('');
  } else if (texts.length === 1) {
    const only = texts[0]!;
    if (parseChineseDate(only) || (!report.signature.name.trim() && formatChineseDate(report.signature.date)))
      date = only;
    else name = only;
  }
  const expName = expected.find((p) => p.loc?.where === 'signature' && p.loc.field === 'name');
  const expDate = expected.find((p) => p.loc?.where === 'signature' && p.loc.field === 'date');
  const nameText = expName ? comparableText(expName.text) : '';
  if ((name ?? '') !== nameText) {
    const location: DifferenceLocation = { where: 'signature', field: 'name' };
    out.add({
      kind: !nameText ? 'added' : name === undefined ? 'removed' : 'changed',
      location,
      label: '落款署名',
      embedded: nameText || null,
      visible: name ?? null,
      applicable: true,
    });
  }
  const dateText = expDate ? comparableText(expDate.text) : '';
  const squash = (s: string) => s.replace(/\s+/g, '');
  if (squash(date ?? '') !== squash(dateText)) {
    const location: DifferenceLocation = { where: 'signature', field: 'date' };
    const parsed = date === undefined ? null : parseChineseDate(date);
    out.add({
      kind: !dateText ? 'added' : date === undefined ? 'removed' : 'changed',
      location,
      label: '落款日期',
      embedded: dateText || null,
      visible: date ?? null,
      applicable: date === undefined || parsed !== null,
      ...(date !== undefined && parsed === null
        ? { note: '文档中的日期无法识别，请按“2025年1月20日”的写法在落款中填写。' }
        : {}),
    });
  }
}

export function compareWithDocument(report: Report, items: DocxBodyItem[]): Comparison {
  const warnings: string[] = [];
  const out = new Collector();
  const print = buildPrintDocument(report);
  const anchors = findAnchors(items, warnings);
  const found = anchors.filter((a) => a >= 0);
  const firstAnchor = found.length ? found[0]! : items.length;

  // Title and preamble: everything before the first section heading.
  const head = items
    .slice(0, firstAnchor)
    .filter((x): x is DocxParagraph => x.type === 'p' && comparableText(x.text) !== '');
  const titleIndex = Math.max(0, head.findIndex(isTitleStyle));
  const titlePara = head[titleIndex];
  if (titlePara) {
    const visible = comparableText(titlePara.text).replace(/\n/g, '');
    const embedded = comparableText(print.title.text).replace(/\n/g, '');
    if (visible !== embedded) {
      out.add({ kind: 'changed', location: { where: 'title' }, label: '标题', embedded, visible, applicable: true });
    }
  } else if (comparableText(print.title.text)) warnings.push('文档中找不到标题。');
  const preambleFound = head.filter((_, i) => i !== titleIndex);
  const preambleLines = (report.preamble ?? '').split(/\r?\n/).length;
  compareParagraphs(
    out,
    print.preamble,
    preambleFound,
    (p) => (p.loc?.where === 'preamble' ? p.loc.paragraph : 0),
    report.preamble ? preambleLines : 0,
    (paragraph) => ({ where: 'preamble', paragraph }),
    false,
  );

  // Each section: from its heading to the next heading found (the last one to the signature).
  let signature: DocxParagraph[] = [];
  print.sections.forEach((section, k) => {
    const start = anchors[k]!;
    if (start < 0) {
      compareParagraphs(
        out,
        section.blocks,
        [],
        () => 0,
        0,
        (block) => ({ where: 'section', section: section.id, block }),
        true,
      );
      return;
    }
    const nextAnchor = anchors.slice(k + 1).find((a) => a >= 0);
    let region = items.slice(start + 1, nextAnchor ?? items.length);
    if (nextAnchor === undefined) {
      // The signature: the trailing right-aligned (落款-styled) paragraphs.
      let cut = region.length;
      for (let i = region.length - 1; i >= 0; i--) {
        const item = region[i]!;
        if (item.type !== 'p') break;
        if (comparableText(item.text) === '') {
          cut = i;
          continue;
        }
        if (!isSignatureStyle(item)) break;
        cut = i;
      }
      signature = region.slice(cut).filter((x): x is DocxParagraph => x.type === 'p');
      region = region.slice(0, cut);
    }
    const paragraphs = region.filter((x): x is DocxParagraph => x.type === 'p');
    const tables = region.filter((x): x is DocxTable => x.type === 'table');
    const blocks = report.sections.find((s) => s.id === section.id)?.blocks ?? [];
    compareParagraphs(
      out,
      section.blocks,
      paragraphs,
      (p) => (p.loc?.where === 'section' ? p.loc.block : 0),
      blocks.length,
      (block) => ({ where: 'section', section: section.id, block }),
      true,
    );
    const expectedTables: PrintTable[] = [];
    if (section.table) expectedTables.push(section.table);
    if (section.id === 'other' && print.legacyTable) expectedTables.push(print.legacyTable);
    expectedTables.forEach((t, n) => compareTable(out, warnings, report, t, tables[n]));
    if (tables.length > expectedTables.length) {
      warnings.push(`“${section.heading}”中有 ${tables.length - expectedTables.length} 个新增的表格，表格内容未读回。`);
    }
  });
  compareSignature(out, report, print.signature, signature);

  return { differences: out.differences, warnings };
}
