import { scanMarkup } from '../markup';

/**
 * The visible content of a .docx body as Word shows it: paragraphs (with their style and
 * alignment) and top-level tables (cells with their merges), in document order. Tracked changes
 * are read as if accepted (insertions in, deletions out); hidden text, drawings, text boxes and
 * field codes are left out. Pure: runs in the browser too.
 */

export interface DocxParagraph {
  type: 'p';
  text: string;
  styleId?: string;
  /** Style name from styles.xml (`heading 1`, `Title`, `落款` …), when known. */
  styleName?: string;
  /** w:jc: left/start, center, right/end, both … */
  align?: string;
}

export interface DocxTableCell {
  text: string;
  gridSpan: number;
  /** w:vMerge: `restart` starts a vertical merge, `continue` extends the one above. */
  vMerge?: 'restart' | 'continue';
}

export interface DocxTable {
  type: 'table';
  /** Physical rows with their cells; `gridBefore` empty grid columns before the first cell. */
  rows: { gridBefore: number; cells: DocxTableCell[] }[];
}

export type DocxBodyItem = DocxParagraph | DocxTable;

const W_NS = [
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
];
const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** Elements whose content is not part of the visible running text. */
const SKIP = new Set([
  'del',
  'moveFrom',
  'drawing',
  'pict',
  'object',
  'txbxContent',
  'footnoteReference',
  'endnoteReference',
  'commentReference',
]);

const isOff = (v: string | undefined) => v === '0' || v === 'false' || v === 'off';

/** Style id → style name, from word/styles.xml. */
export function readStyleNames(stylesXml: string): Map<string, string> {
  const names = new Map<string, string>();
  let prefix = 'w';
  let current: string | null = null;
  scanMarkup(
    stylesXml,
    {
      onopentag(name, attrs) {
        if (current === null && name.endsWith(':styles')) {
          for (const [k, v] of Object.entries(attrs))
            if (k.startsWith('xmlns:') && W_NS.includes(v)) prefix = k.slice(6);
        }
        if (name === `${prefix}:style`) current = attrs[`${prefix}:styleId`] ?? null;
        else if (name === `${prefix}:name` && current !== null) {
          const v = attrs[`${prefix}:val`];
          if (v !== undefined) names.set(current, v);
        }
      },
      onclosetag(name) {
        if (name === `${prefix}:style`) current = null;
      },
    },
    { xml: true, what: 'Word 样式表（styles.xml）' },
  );
  return names;
}

export function readBody(documentXml: string, styleNames: Map<string, string> = new Map()): DocxBodyItem[] {
  const items: DocxBodyItem[] = [];
  let w = 'w';
  let mc = 'mc';
  let nsKnown = false;
  const stack: string[] = [];
  let skipDepth = 0;

  // Paragraph state
  let para: DocxParagraph | null = null;
  let runHidden = false;
  let inText = false;
  // Table state: only top-level tables are structure; nested tables add text to the outer cell.
  let tableDepth = 0;
  let table: DocxTable | null = null;
  let cell: (DocxTableCell & { paras: string[] }) | null = null;

  const local = (name: string): string | null => {
    const i = name.indexOf(':');
    if (i < 0) return null;
    return name.slice(0, i) === w ? name.slice(i + 1) : null;
  };
  const parent = () => stack[stack.length - 2];

  scanMarkup(
    documentXml,
    {
      onopentag(name, attrs) {
        if (!nsKnown) {
          for (const [k, v] of Object.entries(attrs)) {
            if (!k.startsWith('xmlns:')) continue;
            if (W_NS.includes(v)) w = k.slice(6);
            if (v === MC_NS) mc = k.slice(6);
          }
          nsKnown = true;
        }
        stack.push(name);
        if (skipDepth > 0) {
          skipDepth++;
          return;
        }
        if (name === `${mc}:Fallback`) {
          skipDepth = 1;
          return;
        }
        const el = local(name);
        if (el === null) return;
        if (SKIP.has(el)) {
          skipDepth = 1;
          return;
        }
        const val = attrs[`${w}:val`];
        switch (el) {
          case 'tbl':
            tableDepth++;
            if (tableDepth === 1) table = { type: 'table', rows: [] };
            break;
          case 'tr':
            if (tableDepth === 1 && table) table.rows.push({ gridBefore: 0, cells: [] });
            break;
          case 'gridBefore':
            if (tableDepth === 1 && table && table.rows.length)
              table.rows[table.rows.length - 1]!.gridBefore = Number(val) || 0;
            break;
          case 'tc':
            if (tableDepth === 1) cell = { text: '', gridSpan: 1, paras: [] };
            break;
          case 'gridSpan':
            if (tableDepth === 1 && cell) cell.gridSpan = Math.max(1, Number(val) || 1);
            break;
          case 'vMerge':
            if (tableDepth === 1 && cell) cell.vMerge = val === 'restart' ? 'restart' : 'continue';
            break;
          case 'hMerge':
            // Old-style horizontal merge: a `continue` cell is folded into the cell before it.
            if (tableDepth === 1 && cell && val !== 'restart')
              (cell as { hMergeContinue?: boolean }).hMergeContinue = true;
            break;
          case 'p':
            if (!para) para = { type: 'p', text: '' };
            break;
          case 'pStyle':
            if (para && parent() === `${w}:pPr` && val) {
              para.styleId = val;
              const n = styleNames.get(val);
              if (n) para.styleName = n;
            }
            break;
          case 'jc':
            if (para && parent() === `${w}:pPr` && val) para.align = val;
            break;
          case 'r':
            runHidden = false;
            break;
          case 'vanish':
            if (parent() === `${w}:rPr` && stack[stack.length - 3] === `${w}:r` && !isOff(val)) runHidden = true;
            break;
          case 't':
            inText = !runHidden;
            break;
          case 'tab':
            if (para && !runHidden && stack.some((s) => s === `${w}:r`)) para.text += '\t';
            break;
          case 'br':
            if (para && !runHidden && (attrs[`${w}:type`] ?? 'textWrapping') === 'textWrapping') para.text += '\n';
            break;
          case 'cr':
            if (para && !runHidden) para.text += '\n';
            break;
          case 'noBreakHyphen':
            if (para && !runHidden) para.text += '-';
            break;
        }
      },
      ontext(data) {
        if (skipDepth === 0 && inText && para) para.text += data;
      },
      onclosetag(name) {
        stack.pop();
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        const el = local(name);
        if (el === null) return;
        switch (el) {
          case 't':
            inText = false;
            break;
          case 'p':
            if (para) {
              // A paragraph in a table cell belongs to the cell; text boxes were skipped above.
              if (tableDepth > 0 && cell) cell.paras.push(para.text);
              else if (tableDepth === 0) items.push(para);
              para = null;
            }
            break;
          case 'tc':
            if (tableDepth === 1 && cell && table && table.rows.length) {
              const row = table.rows[table.rows.length - 1]!;
              const text = cell.paras.join('\n');
              if ((cell as { hMergeContinue?: boolean }).hMergeContinue && row.cells.length) {
                const prev = row.cells[row.cells.length - 1]!;
                prev.gridSpan += cell.gridSpan;
                if (text.trim()) prev.text += text;
              } else {
                const out: DocxTableCell = { text, gridSpan: cell.gridSpan };
                if (cell.vMerge) out.vMerge = cell.vMerge;
                row.cells.push(out);
              }
              cell = null;
            }
            break;
          case 'tbl':
            if (tableDepth === 1 && table) {
              items.push(table);
              table = null;
            }
            tableDepth--;
            break;
        }
      },
    },
    { xml: true, what: 'Word 文档正文（document.xml）' },
  );
  return items;
}

/** An origin cell of a table read back from a .docx, in grid coordinates. */
export interface GridOrigin {
  r: number;
  c: number;
  rowspan: number;
  colspan: number;
  text: string;
}

export interface ResolvedGrid {
  rows: number;
  cols: number;
  cells: GridOrigin[];
  /** at(r, c): the origin cell covering a slot. */
  at(r: number, c: number): GridOrigin | undefined;
}

/** Resolves gridSpan/vMerge into origin cells with rowspan/colspan (the template's terms). */
export function resolveGrid(table: DocxTable): ResolvedGrid {
  const cells: GridOrigin[] = [];
  const slots: (GridOrigin | undefined)[][] = [];
  let cols = 0;
  table.rows.forEach((row, r) => {
    slots[r] = [];
    let c = row.gridBefore;
    for (const tc of row.cells) {
      const above = r > 0 ? slots[r - 1]![c] : undefined;
      if (tc.vMerge === 'continue' && above && above.c === c) {
        above.rowspan = r - above.r + 1;
        for (let k = 0; k < above.colspan; k++) slots[r]![c + k] = above;
        c += Math.max(above.colspan, tc.gridSpan);
        continue;
      }
      const origin: GridOrigin = { r, c, rowspan: 1, colspan: tc.gridSpan, text: tc.text };
      cells.push(origin);
      for (let k = 0; k < tc.gridSpan; k++) slots[r]![c + k] = origin;
      c += tc.gridSpan;
    }
    cols = Math.max(cols, c);
  });
  return { rows: table.rows.length, cols, cells, at: (r, c) => slots[r]?.[c] };
}
