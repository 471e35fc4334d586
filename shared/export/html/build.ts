import type { Report } from '../../model/types';
import { buildPrintDocument, type PrintParagraph } from '../print-model';
import type { PrintTable } from '../table-layout';
import { printableText } from '../text';
import type { PageNumberPlacement } from '../gbt9704';
import { CSS, sheetExtras, type StyleName } from './styles';
import { keepUnits, keepWithNext, splitLongMerges, type PrintPiece } from '../pagination';

export interface HtmlOptions {
  /**
   * true: a complete UTF-8 page (one <style>, print rules with A4 and "— 1 —" page numbers);
   * false: the "copy for the website" fragment — one <article>, styles inline, no <html>/<head>.
   */
  standalone: boolean;
  /** Print the title as <h1>; default: yes in the standalone page, no in the fragment (the website's page shows its own title). */
  includeTitle?: boolean;
  /** Printed page numbers (standalone only): odd right / even left (default) or centred. */
  pageNumbers?: PageNumberPlacement;
  /**
   * For the PDF (standalone only): long merged labels split where the table may break across pages
   * (pagination.ts splitLongMerges), because Chromium never breaks a table inside a rowspan.
   */
  forPrint?: boolean;
}

const esc = (s: string): string =>
  printableText(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Line breaks inside a paragraph become <br>. */
const textHtml = (s: string): string => esc(s).split(/\r?\n/).join('<br>');

/** The fragment lives in a website's article column: screen sizes instead of the printed page. */
function fragmentCss(name: StyleName): string {
  const css: string = CSS[name];
  if (name === 'report')
    return 'max-width:100%;color:#000;background:#fff;font-family:' + css.split('font-family:')[1]!.split(';')[0];
  return css
    .replace('font-size:16pt;line-height:28.95pt', 'font-size:17px;line-height:1.9')
    .replace('font-size:22pt;line-height:35pt', 'font-size:24px;line-height:1.5')
    .replace('margin:0 0 28.95pt', 'margin:0 0 1em')
    .replace('margin:57.9pt 0 0', 'margin:2em 0 0');
}

interface Ctx {
  standalone: boolean;
  forPrint: boolean;
  /** Extra style sheet rules (standalone: column widths, which would otherwise be inline). */
  rules: string[];
  /** class="nb-…" in the standalone page, style="…" in the fragment. */
  attr(name: StyleName): string;
}

function makeCtx(standalone: boolean, forPrint = false): Ctx {
  return {
    standalone,
    forPrint: standalone && forPrint,
    rules: [],
    attr: (name) => (standalone ? `class="nb-${name}"` : `style="${esc(fragmentCss(name))}"`),
  };
}

function cellHtml(ctx: Ctx, cell: PrintPiece): string {
  const span = `${cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : ''}${cell.colspan > 1 ? ` colspan="${cell.colspan}"` : ''}`;
  const text = textHtml(cell.text);
  const join = `${cell.joinTop ? ' nb-jt' : ''}${cell.joinBottom ? ' nb-jb' : ''}`;
  const attr = (name: StyleName) => (join ? `class="nb-${name}${join}"` : ctx.attr(name));
  if (cell.scope) {
    const style: StyleName = cell.align === 'left' ? 'thLeft' : 'th';
    return `<th scope="${cell.scope}"${span} ${attr(style)}>${text}</th>`;
  }
  return `<td${span} ${attr(cell.role === 'note' ? 'note' : 'td')}>${text}</td>`;
}

function tableHtml(ctx: Ctx, table: PrintTable, id: string): string {
  const total = table.colWidths.reduce((a, b) => a + b, 0);
  const width = (w: number) => `width:${((w / total) * 100).toFixed(2)}%`;
  const cols = table.colWidths
    .map((w, i) => {
      if (!ctx.standalone) return `<col style="${width(w)}">`;
      ctx.rules.push(`.nb-col-${table.id}-${i}{${width(w)}}`);
      return `<col class="nb-col-${table.id}-${i}">`;
    })
    .join('');
  // Wide tables keep a usable width on a phone and scroll sideways inside their wrapper.
  const wide = table.gridCols >= 15 ? 'tableWidest' : table.gridCols >= 10 ? 'tableWide' : null;
  const tableAttr = ctx.standalone
    ? `class="nb-table${wide ? ` nb-${wide}` : ''}"`
    : `style="${esc(fragmentCss('table') + (wide ? `;${CSS[wide]}` : ''))}"`;
  // Where the table may break in print (pagination.ts): rows kept with the next one avoid a break
  // after them; Table 2's blocks are <tbody> units (no merge crosses them). Other tables stay one
  // <tbody>: Table 3's 三、本年度办理结果 spans 22 rows, and a rowspan cannot cross a row group.
  const keep = keepWithNext(table);
  const printed: PrintPiece[][] = ctx.forPrint ? splitLongMerges(table, keep) : table.rows;
  const row = (cells: PrintPiece[], r: number) =>
    `<tr${ctx.standalone && keep[r] && r >= table.headerRows ? ' class="nb-kn"' : ''}>${cells
      .map((c) => cellHtml(ctx, c))
      .join('')}</tr>`;
  const head = printed.slice(0, table.headerRows);
  const units = table.id === 't2' ? keepUnits(table, keep) : [[table.headerRows, table.gridRows] as [number, number]];
  const keepUnit = ctx.standalone && table.id === 't2' ? ' class="nb-keep"' : '';
  // A small table (Table 4: one body row) is kept whole; a long one breaks between rows.
  const small = table.gridRows - table.headerRows <= 3;
  const wrapAttr = ctx.standalone ? `class="nb-wrap${small ? ' nb-keep' : ''}"` : ctx.attr('wrap');
  return [
    `<div ${wrapAttr} role="group" aria-labelledby="${id}" tabindex="0">`,
    `<table ${tableAttr}>`,
    `<caption id="${id}" ${ctx.attr('caption')}>${esc(table.caption)}</caption>`,
    `<colgroup>${cols}</colgroup>`,
    head.length ? `<thead>${head.map((cells, r) => row(cells, r)).join('')}</thead>` : '',
    units
      .map(
        ([start, end]) =>
          `<tbody${keepUnit}>${printed
            .slice(start, end)
            .map((cells, i) => row(cells, start + i))
            .join('')}</tbody>`,
      )
      .join(''),
    '</table>',
    '</div>',
  ].join('');
}

function paragraphHtml(ctx: Ctx, p: PrintParagraph, headingLevel: number, keepNext = false): string {
  const text = textHtml(p.text);
  const attr = (name: StyleName) => (keepNext ? `class="nb-${name} nb-kn"` : ctx.attr(name));
  switch (p.kind) {
    case 'heading2':
    case 'heading3':
      return `<h${headingLevel} ${attr(p.kind === 'heading2' ? 'h2' : 'h3')}>${text}</h${headingLevel}>`;
    default:
      return `<p ${attr('p')}>${text}</p>`;
  }
}

/** The report as HTML: the same content and tables as the .docx (template grids, merges, labels). */
export function buildHtml(report: Report, options: HtmlOptions): string {
  const ctx = makeCtx(options.standalone, options.forPrint);
  const doc = buildPrintDocument(report);
  const includeTitle = options.includeTitle ?? options.standalone;
  const parts: string[] = [];
  // Heading levels never skip: h1 title (or the website's own), h2 parts, h3/h4 sub-headings.
  const top = 2;
  if (includeTitle) {
    parts.push(
      `<h1 ${ctx.attr('title')}>${doc.title.lines.map((l) => `<span ${ctx.attr('titleLine')}>${esc(l)}</span>`).join('')}</h1>`,
    );
  }
  for (const p of doc.preamble) parts.push(paragraphHtml(ctx, p, top + 1));
  doc.sections.forEach((section) => {
    const hid = `nb-part-${section.id}`;
    const inner: string[] = [`<h${top} id="${hid}" ${ctx.attr('h1')}>${esc(section.heading)}</h${top}>`];
    let seenLevel2 = false;
    const printed = section.blocks.filter((b) => printableText(b.text).trim() !== ''); // an empty block prints nothing (and an empty heading is invalid)
    printed.forEach((block, i) => {
      if (block.kind === 'heading2') seenLevel2 = true;
      const level = block.kind === 'heading3' && seenLevel2 ? top + 2 : top + 1;
      // The last paragraph before a table stays on the table's page.
      const beforeTable = ctx.standalone && section.table !== undefined && i === printed.length - 1;
      inner.push(paragraphHtml(ctx, block, level, beforeTable));
    });
    if (section.table) inner.push(tableHtml(ctx, section.table, `nb-table-${section.table.id}`));
    if (section.id === 'other' && doc.legacyTable) inner.push(tableHtml(ctx, doc.legacyTable, 'nb-table-legacy'));
    parts.push(`<section ${ctx.attr('part')} aria-labelledby="${hid}">${inner.join('')}</section>`);
  });
  if (doc.signature.length) {
    const lines = doc.signature.map((p, i) => {
      const indent = `padding-right:${(p.rightIndent ?? 0).toFixed(2)}em`;
      if (!ctx.standalone) return `<p style="${esc(`${fragmentCss('sigLine')};${indent}`)}">${textHtml(p.text)}</p>`;
      ctx.rules.push(`.nb-sig-${i}{${indent}}`);
      return `<p class="nb-sigLine nb-sig-${i}">${textHtml(p.text)}</p>`;
    });
    parts.push(`<div ${ctx.attr('signature')}>${lines.join('')}</div>`);
  }
  const article = `<article ${ctx.attr('report')} lang="zh-CN">\n${parts.join('\n')}\n</article>`;
  if (!options.standalone) return `${article}\n`;

  const sheet = [...(Object.keys(CSS) as StyleName[]).map((name) => `.nb-${name}{${CSS[name]}}`), ...ctx.rules].join(
    '\n',
  );
  const title = printableText(report.title).trim() || '政府信息公开工作年度报告';
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="年报编制助手">',
    // html-validate's long-title: keep the <title> within 70 characters.
    `<title>${esc(title.length > 70 ? `${title.slice(0, 69)}…` : title)}</title>`,
    `<style>\n${sheet}\n${sheetExtras(options.pageNumbers ?? 'outside')}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    article,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The "copy for the website" fragment (no <html>/<head>/<style>/<script>; styles inline). */
export const buildHtmlFragment = (report: Report, options: Omit<HtmlOptions, 'standalone'> = {}): string =>
  buildHtml(report, { ...options, standalone: false });
