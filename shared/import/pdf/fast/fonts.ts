import type { PdfDocument } from './document';
import { checkCffFontMatrix } from './cff';
import { Cmd, type Dict, isDict, isName, latin1, Lexer, type PdfObj, StreamObj, Unsupported } from './objects';
import { parseToUnicode } from './to-unicode';
import { Widths } from './widths';

/**
 * The fonts the fast reader understands, with what pdf.js' text extraction takes from them:
 * characters (from ToUnicode only), advance widths, and the name it compares to decide whether a
 * font change ends a text item. Only fonts whose text does not depend on the font program:
 *   - Type0 with Identity-H encoding over a CIDFontType2 (TrueType) font: 2-byte codes, CID =
 *     code, widths from /W and /DW (the output of Word, WPS, LibreOffice and Chromium for CJK);
 *   - TrueType simple fonts: 1-byte codes, widths from /Widths, /FirstChar and /MissingWidth.
 * Each must carry a ToUnicode map; a code that the map lacks makes the whole document Unsupported
 * when it is shown (pdf.js would then guess from the font program). Type1/CFF fonts (whose font
 * matrix comes from the program), Type3, vertical writing, predefined CJK CMaps and fonts
 * without ToUnicode are all Unsupported: pdf.js reads those files.
 */

export interface FastFont {
  /** pdf.js' font.name: the descriptor's FontName (else BaseFont). */
  name: string;
  /** Bytes per code: 2 for Identity-H, 1 for simple fonts. */
  bytes: 1 | 2;
  toUnicode: Map<number, string>;
  widths: Widths;
  defaultWidth: number;
  /** Identity-V: written top to bottom; vertical metrics from /W2 and /DW2 ([w1y, vx, vy]). */
  vertical: boolean;
  vmetrics: Map<number, number[]>;
  defaultVMetrics: number[];
  /** Glyph space to text space ([0.001 0 0 0.001 0 0] but for Type3 fonts). */
  fontMatrix: number[];
  /** Type3 only: pdf.js stretches the item height by the glyph box's height (see text-content.ts). */
  type3?: { bbox: number[]; isCharBBox: boolean };
}

export const FONT_IDENTITY_MATRIX = [0.001, 0, 0, 0.001, 0, 0];

const nameOf = (o: PdfObj | undefined) => (isName(o) ? o.name : '');

export function loadFont(doc: PdfDocument, dict: Dict): FastFont {
  const subtype = nameOf(doc.get(dict, 'Subtype'));
  const toUnicodeObj = doc.get(dict, 'ToUnicode');
  if (!(toUnicodeObj instanceof StreamObj)) throw new Unsupported(`font without ToUnicode stream (${subtype})`);
  const toUnicode = parseToUnicode(doc.decode(toUnicodeObj));
  if (toUnicode.size === 0) throw new Unsupported('empty ToUnicode');
  if (subtype === 'Type0') {
    const encoding = nameOf(doc.get(dict, 'Encoding'));
    if (encoding !== 'Identity-H' && encoding !== 'Identity-V') throw new Unsupported(`Type0 encoding ${encoding}`);
    const vertical = encoding === 'Identity-V';
    const kids = doc.get(dict, 'DescendantFonts');
    const cid = Array.isArray(kids) && kids.length === 1 ? doc.resolve(kids[0]) : undefined;
    if (!isDict(cid) || nameOf(doc.get(cid, 'Subtype')) !== 'CIDFontType2')
      throw new Unsupported('descendant font is not CIDFontType2');
    const descriptor = doc.get(cid, 'FontDescriptor');
    embedded(doc, descriptor, 'FontFile2');
    const dw = doc.get(cid, 'DW');
    const widths = new Widths();
    const w = doc.get(cid, 'W');
    if (Array.isArray(w)) {
      // As pdf.js' extractWidths: `c [w…]` and `c1 c2 w`; stops at the first malformed entry.
      for (let i = 0; i < w.length; i++) {
        let start = doc.resolve(w[i++]);
        if (typeof start !== 'number' || !Number.isInteger(start)) break;
        const next = doc.resolve(w[i]);
        if (Array.isArray(next)) {
          for (const c of next) {
            const width = doc.resolve(c);
            if (typeof width === 'number') widths.set(start, width);
            start++;
          }
        } else if (typeof next === 'number' && Number.isInteger(next)) {
          const width = doc.resolve(w[++i]);
          if (typeof width !== 'number') continue;
          if (next - start > 65535 || widths.count > 1 << 17) throw new Unsupported('width range too large');
          widths.setRange(start, next, width);
        } else break;
      }
    }
    const defaultWidth = typeof dw === 'number' ? Math.ceil(dw) : 1000;
    const vmetrics = new Map<number, number[]>();
    let defaultVMetrics: number[] = [];
    if (vertical) {
      // As pdf.js' extractWidths: DW2 [vy w1y] (default [880 -1000]); W2 `c [w1y vx vy …]` and `c1 c2 w1y vx vy`.
      const dw2 = doc.get(cid, 'DW2');
      const v =
        Array.isArray(dw2) && dw2.length === 2 && dw2.every((x) => typeof x === 'number')
          ? (dw2 as number[])
          : [880, -1000];
      defaultVMetrics = [v[1]!, defaultWidth * 0.5, v[0]!];
      const w2 = doc.get(cid, 'W2');
      if (w2 !== undefined) throw new Unsupported('/W2');
    }
    return {
      name: fontName(doc, descriptor, dict),
      bytes: 2,
      toUnicode,
      widths,
      defaultWidth,
      vertical,
      vmetrics,
      defaultVMetrics,
      fontMatrix: FONT_IDENTITY_MATRIX,
    };
  }
  if (subtype === 'TrueType' || subtype === 'Type1' || subtype === 'Type3') {
    const descriptor = doc.get(dict, 'FontDescriptor');
    const w = doc.get(dict, 'Widths');
    if (!Array.isArray(w)) throw new Unsupported('simple font without /Widths');
    if (subtype !== 'Type3' && !isDict(descriptor)) throw new Unsupported('simple font without a descriptor');
    const first = doc.get(dict, 'FirstChar');
    let j = typeof first === 'number' && Number.isInteger(first) ? first : 0;
    const widths = new Widths();
    for (const x of w) {
      const width = doc.resolve(x);
      if (typeof width === 'number') widths.set(j, width);
      j++;
    }
    const missing = isDict(descriptor) ? doc.get(descriptor, 'MissingWidth') : undefined;
    let fontMatrix = FONT_IDENTITY_MATRIX;
    let type3: FastFont['type3'];
    let name: string;
    if (subtype === 'Type3') {
      const m = doc.get(dict, 'FontMatrix');
      if (Array.isArray(m) && m.length === 6 && m.every((x) => typeof x === 'number')) fontMatrix = m as number[];
      type3 = type3Box(doc, dict, descriptor);
      const fn = isDict(descriptor) ? doc.get(descriptor, 'FontName') : undefined;
      name = isName(fn) ? fn.name : 'Type3';
    } else {
      if (dict.has('FontMatrix')) throw new Unsupported('font matrix on a simple font');
      if (subtype === 'Type1') type1Program(doc, descriptor as Dict);
      else embedded(doc, descriptor, 'FontFile2');
      name = fontName(doc, descriptor, dict);
    }
    return {
      name,
      bytes: 1,
      toUnicode,
      widths,
      defaultWidth: typeof missing === 'number' ? missing : 0,
      vertical: false,
      vmetrics: new Map(),
      defaultVMetrics: [],
      fontMatrix,
      ...(type3 ? { type3 } : {}),
    };
  }
  throw new Unsupported(`font subtype ${subtype}`);
}

/**
 * pdf.js reads a font whose program is not embedded (or cannot be parsed) differently — widths
 * re-measured from a system font, vertical forms substituted —: such fonts are left to it.
 */
function embedded(doc: PdfDocument, descriptor: PdfObj | undefined, key: string): void {
  if (!isDict(descriptor) || !(doc.get(descriptor, key) instanceof StreamObj))
    throw new Unsupported(`font program not embedded (${key})`);
}

function fontName(doc: PdfDocument, descriptor: PdfObj | undefined, dict: Dict): string {
  const fromDescriptor = isDict(descriptor) ? doc.get(descriptor, 'FontName') : undefined;
  if (isName(fromDescriptor)) return fromDescriptor.name;
  const base = doc.get(dict, 'BaseFont');
  if (isName(base)) return base.name;
  throw new Unsupported('font without a name');
}

/**
 * An embedded Type1 program (FontFile: its clear-text header) or CFF program (FontFile3 /Type1C),
 * with the default font matrix; non-embedded Type1 fonts (metrics and encodings of their own in
 * pdf.js) are Unsupported.
 */
function type1Program(doc: PdfDocument, descriptor: Dict): void {
  const pfb = doc.get(descriptor, 'FontFile');
  if (pfb instanceof StreamObj) {
    const length1 = doc.get(pfb.dict, 'Length1');
    const data = doc.decode(pfb);
    const header = latin1(data, 0, Math.min(data.length, typeof length1 === 'number' && length1 > 0 ? length1 : 4096));
    const matrices = [...header.matchAll(/\/FontMatrix\s*\[([^\]]*)\]/g)];
    if (matrices.length > 1) throw new Unsupported('Type1: several font matrices');
    const m = matrices[0]?.[1]?.trim().split(/\s+/).map(Number);
    if (m && (m.length !== 6 || m.some((x, i) => x !== FONT_IDENTITY_MATRIX[i])))
      throw new Unsupported('Type1: font matrix other than the default');
    return;
  }
  const file = doc.get(descriptor, 'FontFile3');
  if (!(file instanceof StreamObj) || nameOf(doc.get(file.dict, 'Subtype')) !== 'Type1C')
    throw new Unsupported('Type1 font without an embedded program');
  checkCffFontMatrix(doc.decode(file));
}

const normalRect = (v: number[]) => [
  Math.min(v[0]!, v[2]!),
  Math.min(v[1]!, v[3]!),
  Math.max(v[0]!, v[2]!),
  Math.max(v[1]!, v[3]!),
];
const rect = (o: PdfObj | undefined): number[] | null =>
  Array.isArray(o) && o.length === 4 && o.every((x) => typeof x === 'number') ? normalRect(o as number[]) : null;

/**
 * A Type3 font's box as pdf.js' loadType3Data leaves it: the FontBBox, replaced by the union of
 * the glyphs' own boxes (d1) that are ten times the font box or more (or when the font box is
 * empty) — pdf.js then calls it a “char bbox” font.
 */
function type3Box(
  doc: PdfDocument,
  dict: Dict,
  descriptor: PdfObj | undefined,
): { bbox: number[]; isCharBBox: boolean } {
  const bbox = rect(isDict(descriptor) ? doc.get(descriptor, 'FontBBox') : undefined) ??
    rect(doc.get(dict, 'FontBBox')) ?? [0, 0, 0, 0];
  const fontBBoxSize = Math.hypot(bbox[2]! - bbox[0]!, bbox[3]! - bbox[1]!);
  const procs = doc.get(dict, 'CharProcs');
  if (!isDict(procs)) throw new Unsupported('Type3 font without CharProcs');
  let charBox: number[] | null = null;
  for (const key of procs.keys()) {
    const proc = doc.get(procs, key);
    if (!(proc instanceof StreamObj)) continue;
    const first = firstOperator(doc.decode(proc));
    if (!first) continue;
    if (first.op === 'd0') {
      if (!fontBBoxSize) throw new Unsupported('Type3 glyph box to guess');
      continue;
    }
    if (first.op !== 'd1' || first.args.length !== 6) continue;
    const cb = normalRect(first.args.slice(2));
    const width = cb[2]! - cb[0]!,
      height = cb[3]! - cb[1]!;
    if (width === 0 || height === 0) continue;
    if (fontBBoxSize === 0 || Math.round(Math.hypot(width, height) / fontBBoxSize) >= 10) {
      charBox ??= [Infinity, Infinity, -Infinity, -Infinity];
      charBox = [
        Math.min(charBox[0]!, cb[0]!),
        Math.min(charBox[1]!, cb[1]!),
        Math.max(charBox[2]!, cb[2]!),
        Math.max(charBox[3]!, cb[3]!),
      ];
    }
  }
  return charBox ? { bbox: charBox, isCharBBox: true } : { bbox, isCharBBox: false };
}

function firstOperator(data: Uint8Array): { op: string; args: number[] } | null {
  const lx = new Lexer(data);
  const args: number[] = [];
  for (let k = 0; k < 16; k++) {
    lx.skipSpace();
    if (lx.pos >= data.length) return null;
    const t = lx.object();
    if (t instanceof Cmd) return { op: t.cmd, args };
    if (typeof t !== 'number') return { op: '', args };
    args.push(t);
  }
  return null;
}
