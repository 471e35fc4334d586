import { type FastFont, FONT_IDENTITY_MATRIX } from './fonts';
import { Unsupported } from './objects';
import { transform } from '../items';

/**
 * The text state of a content stream and the glyphs of a string, as pdf.js' getTextContent keeps
 * them (TextState, Font.charsToGlyphs, getCharUnicodeCategory, normalizeUnicode), and the
 * operators the reader knows.
 */

export interface RawItem {
  str: string;
  width: number;
  height: number;
  transform: number[];
}

export { FONT_IDENTITY_MATRIX };
export type M = number[];
export const IDENTITY: M = [1, 0, 0, 1, 0, 0];
/** pdf.js' Util.transform: the same product (and rounding) the items of pdf.js' path are placed with. */
export const mul: (m1: M, m2: M) => M = transform;

export class TextState {
  ctm: M;
  fontName: string | null;
  fontSize: number;
  font: FastFont | null;
  textMatrix: M;
  textLineMatrix: M;
  charSpacing: number;
  wordSpacing: number;
  leading: number;
  textHScale: number;
  textRise: number;
  /**
   * A fresh state, or a copy of `from` (as pdf.js' clone: its own text matrices, the rest shared).
   * Copied field by field: `q` clones the state once per cell of a Word table, and a fresh state's
   * three matrices (thrown away) and an Object.assign over it came with each.
   */
  constructor(from?: TextState) {
    this.ctm = from ? from.ctm : IDENTITY.slice();
    this.fontName = from ? from.fontName : null;
    this.fontSize = from ? from.fontSize : 0;
    this.font = from ? from.font : null;
    this.textMatrix = (from ?? IDENTITY_STATE).textMatrix.slice();
    this.textLineMatrix = (from ?? IDENTITY_STATE).textLineMatrix.slice();
    this.charSpacing = from ? from.charSpacing : 0;
    this.wordSpacing = from ? from.wordSpacing : 0;
    this.leading = from ? from.leading : 0;
    this.textHScale = from ? from.textHScale : 1;
    this.textRise = from ? from.textRise : 0;
  }
  translateTextMatrix(x: number, y: number) {
    const m = this.textMatrix;
    m[4] = m[0]! * x + m[2]! * y + m[4]!;
    m[5] = m[1]! * x + m[3]! * y + m[5]!;
  }
  translateTextLineMatrix(x: number, y: number) {
    const m = this.textLineMatrix;
    m[4] = m[0]! * x + m[2]! * y + m[4]!;
    m[5] = m[1]! * x + m[3]! * y + m[5]!;
  }
  carriageReturn() {
    this.translateTextLineMatrix(0, -this.leading);
    this.textMatrix = this.textLineMatrix.slice();
  }
  clone(): TextState {
    return new TextState(this);
  }
}

/** Where a fresh state's text matrices are copied from. */
const IDENTITY_STATE = { textMatrix: IDENTITY, textLineMatrix: IDENTITY };

// pdf.js' character categories (getCharUnicodeCategory) and normalisation (normalizeUnicode).
const SPECIAL = /^(\s)|(\p{Mn})|(\p{Cf})$/u;
export const NORMALIZE =
  /([\u00a0\u00b5\u037e\u0eb3\u2000-\u200a\u202f\u2126\ufb00-\ufb04\ufb06\ufb20-\ufb36\ufb38-\ufb3c\ufb3e\ufb40-\ufb41\ufb43-\ufb44\ufb46-\ufba1\ufba4-\ufba9\ufbae-\ufbb1\ufbd3-\ufbdc\ufbde-\ufbe7\ufbea-\ufbf8\ufbfc-\ufbfd\ufc00-\ufc5d\ufc64-\ufcf1\ufcf5-\ufd3d\ufd88\ufdf4\ufdfa-\ufdfb\ufe71\ufe77\ufe79\ufe7b\ufe7d]+)|(\ufb05+)/gu;
/** Right-to-left or Arabic-number characters: pdf.js' bidi would reorder the item. */
export const BIDI = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]|\ud802[\udc00-\udfff]|\ud803[\udc00-\udcff]|\ud83a/;

interface Glyph {
  unicode: string;
  width: number;
  code: number;
  isWhitespace: boolean;
  isZeroWidthDiacritic: boolean;
  isInvisibleFormatMark: boolean;
}

const glyphCache = new WeakMap<FastFont, Map<number, Glyph>>();
export function glyphsOf(font: FastFont, chars: string): Glyph[] {
  let cache = glyphCache.get(font);
  if (!cache) glyphCache.set(font, (cache = new Map()));
  if (font.bytes === 2 && chars.length % 2 !== 0) throw new Unsupported('odd byte count for a 2-byte font');
  const out: Glyph[] = [];
  for (let i = 0; i < chars.length; i += font.bytes) {
    const code = font.bytes === 2 ? (chars.charCodeAt(i) << 8) | chars.charCodeAt(i + 1) : chars.charCodeAt(i);
    let g = cache.get(code);
    if (!g) {
      const unicode = font.toUnicode.get(code);
      if (!unicode) throw new Unsupported(`code ${code} missing from ToUnicode`);
      const m = SPECIAL.exec(unicode);
      const width = font.widths.get(code);
      g = {
        unicode,
        width: width ?? font.defaultWidth,
        code,
        isWhitespace: !!m?.[1],
        isZeroWidthDiacritic: !!m?.[2],
        isInvisibleFormatMark: !!m?.[3],
      };
      cache.set(code, g);
    }
    out.push(g);
  }
  return out;
}

/** Operators and their argument counts (pdf.js' OPS table); anything else is Unsupported. */
export const ARGS: Record<string, number> = {
  w: 1, J: 1, j: 1, M: 1, d: 2, ri: 1, i: 1, gs: 1, q: 0, Q: 0, cm: 6,
  m: 2, l: 2, c: 6, v: 4, y: 4, h: 0, re: 4, S: 0, s: 0, f: 0, F: 0, 'f*': 0, B: 0, 'B*': 0, b: 0, 'b*': 0, n: 0,
  W: 0, 'W*': 0, BT: 0, ET: 0, Tc: 1, Tw: 1, Tz: 1, TL: 1, Tf: 2, Tr: 1, Ts: 1, Td: 2, TD: 2, Tm: 6, 'T*': 0,
  Tj: 1, TJ: 1, "'": 1, '"': 3, d0: 2, d1: 6, CS: 1, cs: 1, G: 1, g: 1, RG: 3, rg: 3, K: 4, k: 4,
  sh: 1, Do: 1, MP: 1, DP: 2, BMC: 1, BDC: 2, EMC: 0, BX: 0, EX: 0,
}; // prettier-ignore
export const VARIADIC = new Set(['SC', 'SCN', 'sc', 'scn']);

export const TRACKING_SPACE_FACTOR = 0.102;
export const NOT_A_SPACE_FACTOR = 0.03;
export const NEGATIVE_SPACE_FACTOR = -0.2;
export const SPACE_IN_FLOW_MIN_FACTOR = 0.102;
export const SPACE_IN_FLOW_MAX_FACTOR = 0.6;
export const VERTICAL_SHIFT_RATIO = 0.25;
