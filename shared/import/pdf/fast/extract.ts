import { LIMITS } from '../../errors';
import { toItems } from '../items';
import type { PdfPage } from '../layout';
import type { PdfText, PdfTextExtractor } from '../pdfjs';
import { type Inflate, PdfDocument } from './document';
import type { FastFont } from './fonts';
import { type Dict, isDict, isName, type PdfObj, StreamObj, Unsupported } from './objects';
import { readTextContent } from './text-content';
import type { RawItem } from './text-state';

/**
 * The fast PDF text reader: what pdf.js' getTextContent gives for the PDFs that reports are
 * usually published as (Word, WPS, LibreOffice, Chromium, cairo), in a few milliseconds and with
 * no library to load. It reads only what it fully understands and throws Unsupported for
 * anything else; `withFallback` then asks pdf.js. The items it makes are pdf.js' items (see
 * text-content.ts), turned into layout items by the same code (items.ts).
 */

export { Unsupported } from './objects';
export type { Inflate } from './document';

const LETTER: number[] = [0, 0, 612, 792];

interface PageInfo {
  dict: Dict;
  /** Resources of the page and its ancestors, nearest first. */
  resources: Dict[];
  mediaBox: PdfObj | undefined;
  cropBox: PdfObj | undefined;
  rotate: PdfObj | undefined;
}

function pageList(doc: PdfDocument, root: Dict, max: number): { pages: PageInfo[]; count: number } {
  const count = doc.get(root, 'Count');
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) throw new Unsupported('bad page count');
  const pages: PageInfo[] = [];
  const seen = new Set<Dict>();
  let total = 0;
  const walk = (node: Dict, inherited: Omit<PageInfo, 'dict'>, depth: number) => {
    if (seen.has(node) || depth > 64) throw new Unsupported('page tree loop');
    seen.add(node);
    const own = (k: string) => doc.get(node, k);
    const res = own('Resources');
    if (res !== undefined && !isDict(res)) throw new Unsupported('bad resources');
    const info = {
      resources: res !== undefined ? [res, ...inherited.resources] : inherited.resources,
      mediaBox: own('MediaBox') ?? inherited.mediaBox,
      cropBox: own('CropBox') ?? inherited.cropBox,
      rotate: own('Rotate') ?? inherited.rotate,
    };
    const type = own('Type');
    const kids = own('Kids');
    if (isName(type, 'Pages') || (type === undefined && Array.isArray(kids))) {
      if (!Array.isArray(kids)) throw new Unsupported('Pages without Kids');
      for (const k of kids) {
        const kid = doc.resolve(k);
        if (!isDict(kid)) throw new Unsupported('page tree kid is not a dictionary');
        walk(kid, info, depth + 1);
      }
      return;
    }
    if (!isName(type, 'Page')) throw new Unsupported('page tree node of unknown type');
    total++;
    if (pages.length < max) pages.push({ dict: node, ...info });
  };
  walk(root, { resources: [], mediaBox: undefined, cropBox: undefined, rotate: undefined }, 0);
  if (total !== count) throw new Unsupported('page count does not match the page tree');
  return { pages, count };
}

/** pdf.js' lookupNormalRect + the positive-area check of getBoundingBox. */
function box(doc: PdfDocument, o: PdfObj | undefined): number[] | null {
  if (!Array.isArray(o) || o.length !== 4) return null;
  const v = o.map((x) => doc.resolve(x));
  if (!v.every((x): x is number => typeof x === 'number')) return null;
  const r = [Math.min(v[0]!, v[2]!), Math.min(v[1]!, v[3]!), Math.max(v[0]!, v[2]!), Math.max(v[1]!, v[3]!)];
  return r[2]! - r[0]! > 0 && r[3]! - r[1]! > 0 ? r : null;
}

/** The page's view box as pdf.js computes it (crop box within the media box). */
function viewBox(doc: PdfDocument, p: PageInfo): number[] {
  const media = box(doc, p.mediaBox) ?? LETTER;
  const crop = box(doc, p.cropBox) ?? media;
  if (crop !== media && crop.some((x, i) => x !== media[i])) {
    const xLow = Math.max(crop[0]!, media[0]!),
      xHigh = Math.min(crop[2]!, media[2]!),
      yLow = Math.max(crop[1]!, media[1]!),
      yHigh = Math.min(crop[3]!, media[3]!);
    if (xLow <= xHigh && yLow <= yHigh && xHigh - xLow > 0 && yHigh - yLow > 0) return [xLow, yLow, xHigh, yHigh];
  }
  return media;
}

/** pdf.js' PageViewport at scale 1: size and transform. */
export function viewport(view: number[], rotation: number): { width: number; height: number; transform: number[] } {
  const cx = (view[2]! + view[0]!) / 2,
    cy = (view[3]! + view[1]!) / 2;
  const [a, b, c, d] =
    rotation === 180
      ? [-1, 0, 0, 1]
      : rotation === 90
        ? [0, 1, 1, 0]
        : rotation === 270
          ? [0, -1, -1, 0]
          : [1, 0, 0, -1];
  let ox: number, oy: number, width: number, height: number;
  if (a === 0) {
    ox = Math.abs(cy - view[1]!);
    oy = Math.abs(cx - view[0]!);
    width = view[3]! - view[1]!;
    height = view[2]! - view[0]!;
  } else {
    ox = Math.abs(cx - view[0]!);
    oy = Math.abs(cy - view[1]!);
    width = view[2]! - view[0]!;
    height = view[3]! - view[1]!;
  }
  return { width, height, transform: [a, b, c, d, ox - a * cx - c * cy, oy - b * cx - d * cy] };
}

function rotation(o: PdfObj | undefined): number {
  let r = typeof o === 'number' ? o : 0;
  if (!Number.isInteger(r)) throw new Unsupported('bad /Rotate');
  if (r % 90 !== 0) r = 0;
  else if (r >= 360) r %= 360;
  else if (r < 0) r = ((r % 360) + 360) % 360;
  return r;
}

/** Resources found at several levels of the page tree, merged as pdf.js does (the nearest entry of each kind wins). */
function mergeResources(list: Dict[]): Dict | undefined {
  if (list.length <= 1) return list[0];
  const out: Dict = new Map();
  for (const d of list) for (const [k, v] of d) if (!out.has(k)) out.set(k, v);
  return out;
}

function contentBytes(doc: PdfDocument, page: Dict): Uint8Array {
  const c = doc.get(page, 'Contents');
  if (c === undefined || c === null) return new Uint8Array(0);
  if (c instanceof StreamObj) return doc.decode(c);
  if (!Array.isArray(c)) throw new Unsupported('bad /Contents');
  const parts = c.map((x) => {
    const s = doc.resolve(x);
    if (!(s instanceof StreamObj)) throw new Unsupported('content part is not a stream');
    return doc.decode(s);
  });
  // Joined without a separator, as pdf.js' StreamsSequenceStream does.
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Reads the text of a PDF, or throws Unsupported. */
export function fastPdfText(bytes: Uint8Array, inflate: Inflate): PdfText {
  if (!/^%PDF-\d\.\d/.test(String.fromCharCode(...bytes.subarray(0, 9)))) throw new Unsupported('no %PDF header');
  const doc = new PdfDocument(bytes, inflate);
  const rootRef = doc.trailer.get('Root');
  const catalog = doc.resolve(rootRef);
  if (!isDict(catalog)) throw new Unsupported('no catalog');
  if (
    catalog.has('AcroForm') &&
    isDict(doc.get(catalog, 'AcroForm')) &&
    doc.get(doc.get(catalog, 'AcroForm') as Dict, 'XFA')
  )
    throw new Unsupported('XFA form');
  const root = doc.get(catalog, 'Pages');
  if (!isDict(root)) throw new Unsupported('no page tree');
  const { pages: infos, count } = pageList(doc, root, LIMITS.pdfPages);
  const fonts = new Map<Dict, FastFont>();
  const pages: PdfPage[] = infos.map((info) => {
    const userUnit = doc.get(info.dict, 'UserUnit');
    if (userUnit !== undefined && userUnit !== 1) throw new Unsupported('UserUnit');
    const view = viewBox(doc, info);
    const vp = viewport(view, rotation(info.rotate));
    const items: RawItem[] = [];
    readTextContent(
      { doc, viewBox: view, items, fonts, forms: new Set(), maxItems: LIMITS.pdfItemsPerPage },
      contentBytes(doc, info.dict),
      mergeResources(info.resources),
      null,
    );
    return { width: vp.width, height: vp.height, items: toItems(items, vp.transform) };
  });
  return { pages, numPages: count };
}

/**
 * The fast reader first; pdf.js for any file it does not fully understand (or any error of its
 * own). The answer is the same either way: only the time differs.
 */
export function withFallback(inflate: Inflate, fallback: PdfTextExtractor): PdfTextExtractor {
  return async (bytes) => {
    try {
      return fastPdfText(bytes, inflate);
    } catch {
      return fallback(bytes);
    }
  };
}
