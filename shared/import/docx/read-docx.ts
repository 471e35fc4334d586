// Length: the WordprocessingML reading (paragraphs, automatic numbering, tables with merges) in one pass.
import type JSZip from 'jszip';
import { ImportError, LIMITS } from '../errors';
import { parseMarkup } from '../markup';
import { openZip, readZipText } from '../safe-zip';
import { collapseBlanks } from '../text-utils';
import type { SourceDoc, SrcBlock, SrcCell } from '../source-doc';
import { Numbering } from './numbering';

/**
 * A .docx made in Word or WPS: paragraphs (with the numbering Word adds automatically, so that
 * “一、” typed by a list style is not lost), tables with gridSpan / vMerge, images.
 */

interface Node {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: Node[];
}

const MAX_DEPTH = 200;

export function openDocx(bytes: Uint8Array): Promise<JSZip> {
  return openZip(bytes);
}

export async function readDocx(zip: JSZip): Promise<SourceDoc> {
  const main = zip.file('word/document.xml') ?? zip.file(/^word\/document\d*\.xml$/i)[0] ?? null;
  if (!main) {
    throw new ImportError(
      'unsupported',
      '这个压缩文件不是 Word 文档（找不到 word/document.xml）。请选择 .docx、.pdf、网页或文本文件。',
    );
  }
  // Inflated through a byte counter: a zip bomb stops at the cap, whatever size the zip declares.
  const xml = (await readZipText(zip, main, { cap: LIMITS.zipBodyBytes, what: 'Word 文档正文（document.xml）' }))!;
  if (xml.length > LIMITS.docxXmlChars) throw new ImportError('too-large', 'Word 文档正文过大，无法导入。');
  // Numbering and styles only help to find headings: a damaged part is passed over, an oversized one refused.
  const optional = (name: string, what: string) =>
    readZipText(zip, name, { what }).catch((e: unknown) => {
      if (e instanceof ImportError && e.code === 'too-large') throw e;
      return null;
    });
  const numberingXml = await optional('word/numbering.xml', 'Word 编号定义（numbering.xml）');
  const stylesXml = await optional('word/styles.xml', 'Word 样式表（styles.xml）');
  const numbering = new Numbering(numberingXml ? parseXml(numberingXml, 'Word 编号定义（numbering.xml）') : null);
  const headingStyles = stylesXml
    ? readHeadingStyles(parseXml(stylesXml, 'Word 样式表（styles.xml）'))
    : new Map<string, number>();

  const doc = parseXml(xml, 'Word 文档正文（document.xml）');
  const body = find(doc, 'w:body', 0);
  if (!body) throw new ImportError('corrupt', '这个 .docx 文件没有正文内容。');
  const blocks: SrcBlock[] = [];
  const reader = new BodyReader(blocks, numbering, headingStyles);
  reader.container(body, 0);
  return { kind: 'docx', blocks, warnings: [] };
}

export function parseXml(xml: string, what = 'Word 文档'): Node {
  return parseMarkup(xml, { xml: true, what }) as Node;
}

function find(n: Node, name: string, depth: number): Node | null {
  if (n.name === name) return n;
  if (depth > 6) return null;
  for (const c of n.children ?? []) {
    const f = find(c, name, depth + 1);
    if (f) return f;
  }
  return null;
}

const child = (n: Node, name: string) => (n.children ?? []).find((c) => c.name === name);
const attr = (n: Node | undefined, name: string) => n?.attribs?.[name];

function readHeadingStyles(styles: Node): Map<string, number> {
  const out = new Map<string, number>();
  const root = find(styles, 'w:styles', 0);
  for (const s of root?.children ?? []) {
    if (s.name !== 'w:style') continue;
    const id = attr(s, 'w:styleId');
    if (!id) continue;
    const name = (attr(child(s, 'w:name'), 'w:val') ?? '').toLowerCase();
    const outline = attr(child(child(s, 'w:pPr') ?? { type: 'x' }, 'w:outlineLvl'), 'w:val');
    const m = /^(?:heading|标题)\s*(\d)$/.exec(name);
    if (m) out.set(id, Number(m[1]));
    else if (name === 'title' || name === '标题') out.set(id, 0);
    else if (outline !== undefined && /^\d$/.test(outline)) out.set(id, Number(outline) + 1);
  }
  return out;
}

class BodyReader {
  constructor(
    private blocks: SrcBlock[],
    private numbering: Numbering,
    private headingStyles: Map<string, number>,
  ) {}

  container(n: Node, depth: number): void {
    if (depth > MAX_DEPTH) return;
    for (const c of n.children ?? []) {
      if (this.blocks.length >= LIMITS.lines) return;
      switch (c.name) {
        case 'w:p':
          this.paragraph(c, depth);
          break;
        case 'w:tbl':
          this.table(c, depth);
          break;
        case 'w:sdt':
          this.container(child(c, 'w:sdtContent') ?? c, depth + 1);
          break;
        case 'w:customXml':
        case 'w:sdtContent':
        case 'w:ins':
        case 'w:smartTag':
          this.container(c, depth + 1);
          break;
        default:
          break;
      }
    }
  }

  paragraph(p: Node, depth: number): void {
    const ppr = child(p, 'w:pPr');
    const style = attr(child(ppr ?? { type: 'x' }, 'w:pStyle'), 'w:val');
    const outline = attr(child(ppr ?? { type: 'x' }, 'w:outlineLvl'), 'w:val');
    let level = style ? this.headingStyles.get(style) : undefined;
    if (level === undefined && outline !== undefined && /^\d$/.test(outline)) level = Number(outline) + 1;
    const numPr = child(ppr ?? { type: 'x' }, 'w:numPr');
    const prefix = numPr
      ? this.numbering.next(attr(child(numPr, 'w:numId'), 'w:val'), attr(child(numPr, 'w:ilvl'), 'w:val'))
      : '';
    const pieces: string[] = [''];
    const images: SrcBlock[] = [];
    this.runs(p, pieces, images, depth + 1);
    pieces[0] = prefix + pieces[0];
    for (const piece of pieces) {
      const text = collapseBlanks(piece);
      if (text)
        this.blocks.push({
          type: 'line',
          text: text.slice(0, LIMITS.lineChars),
          ...(level !== undefined ? { level } : {}),
        });
    }
    this.blocks.push(...images);
  }

  /** Collects the text of runs; a soft line break (w:br) starts a new piece. */
  runs(n: Node, pieces: string[], images: SrcBlock[], depth: number): void {
    if (depth > MAX_DEPTH) return;
    for (const c of n.children ?? []) {
      switch (c.name) {
        case 'w:t':
          pieces[pieces.length - 1] += textContent(c);
          break;
        case 'w:tab':
        case 'w:ptab':
          pieces[pieces.length - 1] += ' ';
          break;
        case 'w:br':
        case 'w:cr':
          if (attr(c, 'w:type') !== 'page' && attr(c, 'w:type') !== 'column') pieces.push('');
          break;
        case 'w:noBreakHyphen':
          pieces[pieces.length - 1] += '-';
          break;
        case 'w:sym':
          pieces[pieces.length - 1] += String.fromCharCode(parseInt(attr(c, 'w:char') ?? '20', 16) || 32);
          break;
        case 'w:delText':
        case 'w:instrText':
        case 'w:del':
        case 'mc:Fallback':
        case 'w:pPr':
        case 'w:rPr':
          break;
        case 'w:drawing':
        case 'w:pict':
        case 'w:object': {
          const doc = findAttrNode(c, 'wp:docPr', 0);
          const box = findAttrNode(c, 'w:txbxContent', 0);
          if (box) {
            // Text in a text box: read as its own lines.
            const sub = new BodyReader(images, this.numbering, this.headingStyles);
            sub.container(box, depth + 1);
          } else
            images.push({
              type: 'image',
              alt: collapseBlanks(attr(doc ?? undefined, 'descr') ?? attr(doc ?? undefined, 'title') ?? ''),
              src: '',
            });
          break;
        }
        default:
          this.runs(c, pieces, images, depth + 1);
      }
    }
  }

  table(tbl: Node, depth: number): void {
    interface Cell {
      text: string;
      col: number;
      span: number;
      vmerge?: 'restart' | 'continue';
      nested: boolean;
      node: Node;
    }
    const matrix: Cell[][] = [];
    for (const tr of (tbl.children ?? []).filter((c) => c.name === 'w:tr').slice(0, LIMITS.tableRows)) {
      const trPr = child(tr, 'w:trPr');
      let col = Number(attr(child(trPr ?? { type: 'x' }, 'w:gridBefore'), 'w:val') ?? 0) || 0;
      const row: Cell[] = [];
      const cells = cellsOf(tr);
      for (const tc of cells.slice(0, LIMITS.tableCols)) {
        const tcPr = child(tc, 'w:tcPr');
        const span = Math.max(
          1,
          Math.min(LIMITS.tableCols, Number(attr(child(tcPr ?? { type: 'x' }, 'w:gridSpan'), 'w:val') ?? 1) || 1),
        );
        const vm = child(tcPr ?? { type: 'x' }, 'w:vMerge');
        const hm = child(tcPr ?? { type: 'x' }, 'w:hMerge');
        const vmerge = vm ? (attr(vm, 'w:val') === 'restart' ? 'restart' : 'continue') : undefined;
        if (hm && attr(hm, 'w:val') !== 'restart' && row.length) {
          row[row.length - 1]!.span += span; // legacy horizontal merge
          col += span;
          continue;
        }
        const nested = findAttrNode(tc, 'w:tbl', 0) !== null;
        row.push({
          text: nested ? '' : cellText(tc, this.numbering),
          col,
          span,
          ...(vmerge ? { vmerge } : {}),
          nested,
          node: tc,
        });
        col += span;
      }
      matrix.push(row);
    }
    const longest = Math.max(0, ...matrix.flat().map((c) => c.text.length));
    if (matrix.some((r) => r.some((c) => c.nested)) || longest > 300) {
      // A layout table: read its cells as paragraphs.
      for (const r of matrix) for (const c of r) if (c.vmerge !== 'continue') this.container(c.node, depth + 1);
      return;
    }
    const rows: SrcCell[][] = matrix.map((r, i) =>
      r
        .filter((c) => c.vmerge !== 'continue')
        .map((c) => {
          let rowSpan = 1;
          if (c.vmerge === 'restart') {
            for (let k = i + 1; k < matrix.length; k++) {
              const below = matrix[k]!.find((x) => x.col === c.col);
              if (below?.vmerge === 'continue') rowSpan++;
              else break;
            }
          }
          return { text: c.text, x0: c.col, x1: c.col + c.span, ...(rowSpan > 1 ? { rowSpan } : {}) };
        }),
    );
    this.blocks.push({ type: 'table', rows });
    // Pictures inside table cells (a table pasted as an image).
    for (const r of matrix)
      for (const c of r)
        if (findAttrNode(c.node, 'w:drawing', 0)) this.blocks.push({ type: 'image', alt: '', src: '' });
  }
}

function cellsOf(tr: Node): Node[] {
  const out: Node[] = [];
  for (const c of tr.children ?? []) {
    if (c.name === 'w:tc') out.push(c);
    else if (c.name === 'w:sdt' || c.name === 'w:customXml') {
      const content = child(c, 'w:sdtContent') ?? c;
      for (const k of content.children ?? []) if (k.name === 'w:tc') out.push(k);
    }
  }
  return out;
}

function cellText(tc: Node, numbering: Numbering): string {
  const blocks: SrcBlock[] = [];
  new BodyReader(blocks, numbering, new Map()).container(tc, 0);
  return collapseBlanks(blocks.map((b) => (b.type === 'line' ? b.text : '')).join(' '));
}

function findAttrNode(n: Node, name: string, depth: number): Node | null {
  if (depth > 40) return null;
  for (const c of n.children ?? []) {
    if (c.name === name) return c;
    const f = findAttrNode(c, name, depth + 1);
    if (f) return f;
  }
  return null;
}

function textContent(n: Node): string {
  let s = '';
  for (const c of n.children ?? []) if (c.type === 'text') s += c.data ?? '';
  return s;
}
