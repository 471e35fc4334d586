import { decodeText, declaredCharset } from '../bytes';
import { ImportError, LIMITS } from '../errors';
import { parseMarkup } from '../markup';
import { placeOnGrid, type RawCell } from '../tables/grid';
import { collapseBlanks } from '../text-utils';
import type { SourceDoc, SrcBlock } from '../source-doc';

/**
 * HTML pages as government sites publish them: headings as <p>, tables as real <table> with
 * rowspan/colspan, &nbsp; in blank cells, <br> inside labels, often the whole page laid out with
 * nested tables. Data tables become grids; layout tables are read as text.
 */

interface Node {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: Node[];
}

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'button',
  'select',
  'option',
  'textarea',
  'input',
  'nav',
  'aside',
  'map',
  'canvas',
  'video',
  'audio',
]);
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'center',
  'form',
  'fieldset',
  'address',
  'figure',
  'figcaption',
  'hr',
  'body',
  'html',
  'caption',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'td',
  'th',
]);
const MAX_DEPTH = 250;

export function readHtml(bytes: Uint8Array): SourceDoc {
  const { text } = decodeText(bytes, declaredCharset(bytes));
  return readHtmlText(text);
}

export function readHtmlText(html: string): SourceDoc {
  if (html.length > LIMITS.textChars)
    throw new ImportError('too-large', '网页文件过大（超过 800 万字符），无法导入。请只保存年报正文页面。');
  const doc = parseMarkup(html, { xml: false, what: '网页' }) as Node;
  const blocks: SrcBlock[] = [];
  const hints: NonNullable<SourceDoc['hints']> = {};
  let buf = '';
  let level: number | undefined;

  const flush = () => {
    const t = collapseBlanks(buf);
    if (t && blocks.length < LIMITS.lines)
      blocks.push({ type: 'line', text: t.slice(0, LIMITS.lineChars), ...(level ? { level } : {}) });
    buf = '';
  };

  const readMeta = (n: Node) => {
    const a = n.attribs ?? {};
    const name = (a.name ?? a.property ?? '').toLowerCase();
    const content = a.content ?? '';
    if (!content) return;
    if (name === 'articletitle' || name === 'og:title') hints.title ??= collapseBlanks(content);
    if (
      name === 'pubdate' ||
      name === 'firstpublishedtime' ||
      name === 'publishdate' ||
      name === 'article:published_time'
    )
      hints.publishedAt ??= content;
    if (name === 'contentsource' || name === 'author') hints.agency ??= collapseBlanks(content);
  };

  const walk = (n: Node, depth: number): void => {
    if (n.type === 'text') {
      buf += n.data ?? '';
      return;
    }
    if (n.type !== 'tag' && n.type !== 'root') return;
    const name = n.name ?? '';
    if (name === 'meta') return readMeta(n);
    if (name === 'title') {
      hints.title ??= collapseBlanks(textOf(n));
      return;
    }
    if (name === 'head') {
      for (const c of n.children ?? [])
        if (c.type === 'tag' && (c.name === 'meta' || c.name === 'title')) walk(c, depth + 1);
      return;
    }
    if (SKIP.has(name) || (n.type !== 'tag' && n.type !== 'root')) return;
    if (name === 'br') {
      flush();
      return;
    }
    if (name === 'a' || name === 'embed' || name === 'iframe' || name === 'object') {
      // Reports published as an attachment (附件：2023年年报.pdf) or an embedded viewer.
      const href = n.attribs?.href ?? n.attribs?.src ?? n.attribs?.data ?? '';
      const file = /([^/\\?#]+\.(?:pdf|docx?|wps|xlsx?))(?:[?#].*)?$/i.exec(href)?.[1];
      if (file && (hints.attachments ??= []).length < 20) {
        const label = collapseBlanks(textOf(n));
        hints.attachments.push(/\.(pdf|docx?|wps|xlsx?)$/i.test(label) ? label : safeDecode(file));
      }
      if (name !== 'a') return;
    }
    if (name === 'img') {
      flush();
      const a = n.attribs ?? {};
      blocks.push({ type: 'image', alt: collapseBlanks(a.alt ?? a.title ?? ''), src: (a.src ?? '').slice(0, 300) });
      return;
    }
    if (name === 'table') {
      flush();
      readTable(n, depth);
      return;
    }
    if (depth > MAX_DEPTH) {
      buf += ` ${textOf(n)} `;
      return;
    }
    const block = BLOCK.has(name);
    if (block) flush();
    const heading = /^h([1-6])$/.exec(name);
    const before = level;
    if (heading) level = Number(heading[1]);
    for (const c of n.children ?? []) walk(c, depth + 1);
    if (block) flush();
    level = before;
  };

  const readTable = (table: Node, depth: number) => {
    const rows = tableRows(table);
    const nested = rows.some((r) => r.some((c) => hasTable(c, 0)));
    const texts = rows.map((r) => r.map((c) => collapseBlanks(textOf(c))));
    const longest = Math.max(0, ...texts.flat().map((t) => t.length));
    // Layout tables (a whole page, or an article in one cell): read their content as text.
    if (nested || longest > 300 || rows.length === 0) {
      for (const r of rows) for (const c of r) for (const k of c.children ?? []) walk(k, depth + 1);
      flush();
      return;
    }
    const raw: RawCell[][] = rows.map((r, i) =>
      r.map((c, j) => ({
        text: texts[i]![j]!,
        colSpan: Number(c.attribs?.colspan ?? 1),
        rowSpan: Number(c.attribs?.rowspan ?? 1),
      })),
    );
    // Images inside a table (a table published as a picture, pasted in a layout cell).
    for (const r of rows) for (const c of r) collectImages(c, blocks, 0);
    blocks.push({ type: 'table', rows: placeOnGrid(raw) });
  };

  walk(doc, 0);
  flush();
  return { kind: 'html', blocks, warnings: [], hints };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The rows (td/th lists) of a table, looking through thead/tbody/tfoot but not into nested tables. */
function tableRows(table: Node): Node[][] {
  const rows: Node[][] = [];
  const visit = (n: Node, depth: number) => {
    for (const c of n.children ?? []) {
      if (c.type !== 'tag') continue;
      if (c.name === 'tr') {
        if (rows.length < LIMITS.tableRows)
          rows.push((c.children ?? []).filter((x) => x.type === 'tag' && (x.name === 'td' || x.name === 'th')));
      } else if (c.name !== 'table' && depth < 4) visit(c, depth + 1);
    }
  };
  visit(table, 0);
  return rows;
}

function hasTable(n: Node, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  for (const c of n.children ?? []) {
    if (c.type === 'tag' && (c.name === 'table' || hasTable(c, depth + 1))) return true;
  }
  return false;
}

function collectImages(n: Node, out: SrcBlock[], depth: number) {
  if (depth > MAX_DEPTH) return;
  for (const c of n.children ?? []) {
    if (c.type !== 'tag') continue;
    if (c.name === 'img')
      out.push({ type: 'image', alt: collapseBlanks(c.attribs?.alt ?? ''), src: (c.attribs?.src ?? '').slice(0, 300) });
    else collectImages(c, out, depth + 1);
  }
}

/** Text of a node; <br> and block boundaries become spaces (labels broken with <br> join up). */
export function textOf(n: Node): string {
  let out = '';
  const stack: Node[] = [n];
  while (stack.length) {
    const cur = stack.pop()!;
    if (cur.type === 'text') out += cur.data ?? '';
    else if (cur.type === 'tag' || cur.type === 'root') {
      if (cur.name && SKIP.has(cur.name)) continue;
      if (cur.name === 'br' || (cur.name && BLOCK.has(cur.name))) out += ' ';
      const kids = cur.children ?? [];
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
    if (out.length > LIMITS.lineChars * 4) break;
  }
  return out;
}
