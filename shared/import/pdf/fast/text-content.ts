/**
 * A page's text items exactly as pdf.js' getTextContent makes them (pdfjs-dist 5,
 * PartialEvaluator.getTextContent, horizontal writing, no marked content, whitespace not kept):
 * the same rules join glyphs into items, insert spaces, break items at gaps, line changes, font
 * changes, marked content and form XObjects — so that the layout code sees the same input from
 * either reader. The code follows pdf.js' structure on purpose (compare it when pdfjs-dist is
 * updated; test/unit/import/pdf-fast-sameness.test.ts runs both readers on every PDF at hand).
 *
 * Length: one algorithm (pdf.js' text-content builder) whose closures share one state; split, it
 * would no longer read side by side with pdf.js.
 */
import type { PdfDocument } from './document';
import type { FastFont } from './fonts';
import { Cmd, type Dict, Lexer, Name, type PdfObj, PdfString, type StreamObj, Unsupported } from './objects';
import {
  ARGS,
  BIDI,
  FONT_IDENTITY_MATRIX,
  glyphsOf,
  IDENTITY,
  type M,
  mul,
  NEGATIVE_SPACE_FACTOR,
  NORMALIZE,
  NOT_A_SPACE_FACTOR,
  type RawItem,
  SPACE_IN_FLOW_MAX_FACTOR,
  SPACE_IN_FLOW_MIN_FACTOR,
  TextState,
  TRACKING_SPACE_FACTOR,
  VARIADIC,
  VERTICAL_SHIFT_RATIO,
} from './text-state';
import { extGState, fontFor, form } from './xobjects';

export interface TextContext {
  doc: PdfDocument;
  viewBox: number[];
  items: RawItem[];
  fonts: Map<Dict, FastFont>;
  /** Form XObjects being read (a form drawing itself is Unsupported). */
  forms: Set<StreamObj>;
  maxItems: number;
}

const num = (x: unknown): number => {
  if (typeof x !== 'number') throw new Unsupported('number expected');
  return x;
};

export function readTextContent(
  ctx: TextContext,
  content: Uint8Array,
  resources: Dict | undefined,
  initial: TextState | null,
): void {
  const { viewBox, items } = ctx;
  const stack: TextState[] = [];
  let textState = initial ?? new TextState();
  const currentTextState = { s: textState.clone() };
  const item = {
    initialized: false,
    // The item's text so far, appended to (as pdf.js pushes to an array it joins; never an empty piece).
    str: '',
    totalWidth: 0,
    totalHeight: 0,
    width: 0,
    height: 0,
    prevTransform: null as M | null,
    prevTextRise: 0,
    textAdvanceScale: 0,
    spaceInFlowMin: 0,
    spaceInFlowMax: 0,
    trackingSpaceMin: Infinity,
    negativeSpaceMax: -Infinity,
    notASpace: -Infinity,
    transform: null as M | null,
    vertical: false,
  };
  const twoLastChars = [' ', ' '];
  let twoLastCharsPos = 0;
  const saveLastChar = (char: string) => {
    const nextPos = (twoLastCharsPos + 1) % 2;
    const ret = twoLastChars[twoLastCharsPos] !== ' ' && twoLastChars[nextPos] === ' ';
    twoLastChars[twoLastCharsPos] = char;
    twoLastCharsPos = nextPos;
    return ret;
  };
  const shouldAddWhitespace = () =>
    twoLastChars[twoLastCharsPos] !== ' ' && twoLastChars[(twoLastCharsPos + 1) % 2] === ' ';
  const resetLastChars = () => {
    twoLastChars[0] = twoLastChars[1] = ' ';
    twoLastCharsPos = 0;
  };
  const push = (it: RawItem) => {
    if (items.length >= ctx.maxItems) return;
    items.push(it);
  };
  // item.prevTransform is rewritten in place glyph after glyph: an item keeps a copy of it.
  const pushWhitespace = (width: number, height: number, transform: M | null) =>
    push({ str: ' ', width, height, transform: (transform ?? item.prevTransform)?.slice() ?? IDENTITY });
  // pdf.js: Util.transform(ctm, Util.transform(textMatrix, [size·hscale, 0, 0, size, 0, rise])), written
  // out with the same operations in the same order (so the same doubles) but one array instead of three.
  // Written into `out`: the glyph loop asks for it twice per glyph, and an array each time was a
  // good part of what a page allocates (and of the collections during a first import).
  const transformInto = (out: M): M => {
    const s = textState;
    const m = s.textMatrix,
      c = s.ctm;
    const a = s.fontSize * s.textHScale;
    let d = s.fontSize;
    const rise = s.textRise;
    const t3 = s.font?.type3;
    if (t3 && (s.fontSize <= 1 || t3.isCharBBox) && s.font!.fontMatrix.some((x, i) => x !== FONT_IDENTITY_MATRIX[i])) {
      const glyphHeight = t3.bbox[3]! - t3.bbox[1]!;
      if (glyphHeight > 0) d *= glyphHeight * s.font!.fontMatrix[3]!;
    }
    const t0 = m[0]! * a + m[2]! * 0,
      t1 = m[1]! * a + m[3]! * 0,
      t2 = m[0]! * 0 + m[2]! * d,
      t3r = m[1]! * 0 + m[3]! * d,
      t4 = m[0]! * 0 + m[2]! * rise + m[4]!,
      t5 = m[1]! * 0 + m[3]! * rise + m[5]!;
    out[0] = c[0]! * t0 + c[2]! * t1;
    out[1] = c[1]! * t0 + c[3]! * t1;
    out[2] = c[0]! * t2 + c[2]! * t3r;
    out[3] = c[1]! * t2 + c[3]! * t3r;
    out[4] = c[0]! * t4 + c[2]! * t5 + c[4]!;
    out[5] = c[1]! * t4 + c[3]! * t5 + c[5]!;
    return out;
  };
  /** A new array: what an item keeps. */
  const currentTransform = (): M => transformInto([0, 0, 0, 0, 0, 0]);
  /** The position being compared (compareWithLastPosition, not reentrant: read before anything pushes). */
  const position: M = [0, 0, 0, 0, 0, 0];
  const ensureItem = () => {
    if (item.initialized) return item;
    const trm = (item.transform = currentTransform());
    if (!textState.font!.vertical) {
      item.width = item.totalWidth = 0;
      item.height = item.totalHeight = Math.hypot(trm[2]!, trm[3]!);
      item.vertical = false;
    } else {
      item.width = item.totalWidth = Math.hypot(trm[0]!, trm[1]!);
      item.height = item.totalHeight = 0;
      item.vertical = true;
    }
    const scaleLineX = Math.hypot(textState.textLineMatrix[0]!, textState.textLineMatrix[1]!);
    const scaleCtmX = Math.hypot(textState.ctm[0]!, textState.ctm[1]!);
    item.textAdvanceScale = scaleCtmX * scaleLineX;
    const { fontSize } = textState;
    item.trackingSpaceMin = fontSize * TRACKING_SPACE_FACTOR;
    item.notASpace = fontSize * NOT_A_SPACE_FACTOR;
    item.negativeSpaceMax = fontSize * NEGATIVE_SPACE_FACTOR;
    item.spaceInFlowMin = fontSize * SPACE_IN_FLOW_MIN_FACTOR;
    item.spaceInFlowMax = fontSize * SPACE_IN_FLOW_MAX_FACTOR;
    item.initialized = true;
    return item;
  };
  const updateAdvanceScale = () => {
    if (!item.initialized) return;
    const scaleLineX = Math.hypot(textState.textLineMatrix[0]!, textState.textLineMatrix[1]!);
    const scaleCtmX = Math.hypot(textState.ctm[0]!, textState.ctm[1]!);
    const scaleFactor = scaleCtmX * scaleLineX;
    if (scaleFactor === item.textAdvanceScale) return;
    if (!item.vertical) {
      item.totalWidth += item.width * item.textAdvanceScale;
      item.width = 0;
    } else {
      item.totalHeight += item.height * item.textAdvanceScale;
      item.height = 0;
    }
    item.textAdvanceScale = scaleFactor;
  };
  const flush = () => {
    if (!item.initialized) return;
    if (!item.vertical) item.totalWidth += item.width * item.textAdvanceScale;
    else item.totalHeight += item.height * item.textAdvanceScale;
    let text = item.str;
    text = text.replace(NORMALIZE, (_, p1: string | undefined) => (p1 ? p1.normalize('NFKC') : 'ſt'));
    if (BIDI.test(text)) throw new Unsupported('right-to-left text');
    push({
      str: text,
      width: Math.abs(item.totalWidth),
      height: Math.abs(item.totalHeight),
      transform: item.transform!,
    });
    item.initialized = false;
    item.str = '';
  };
  const appendEOL = () => {
    resetLastChars();
    if (item.initialized) flush();
    else push({ str: '', width: 0, height: 0, transform: currentTransform() });
  };
  const addFakeSpaces = (width: number, transf: M | null, orientation: number): boolean => {
    if (orientation * item.spaceInFlowMin <= width && width <= orientation * item.spaceInFlowMax) {
      if (item.initialized) {
        resetLastChars();
        item.str += ' ';
      }
      return false;
    }
    let height = 0;
    if (item.vertical) {
      height = width;
      width = 0;
    }
    flush();
    resetLastChars();
    pushWhitespace(Math.abs(width), Math.abs(height), transf ?? currentTransform());
    return true;
  };
  const compareWithLastPosition = (glyphWidth: number): boolean => {
    const cur = transformInto(position);
    let posX = cur[4]!,
      posY = cur[5]!;
    if (textState.font?.vertical) {
      if (posX < viewBox[0]! || posX > viewBox[2]! || posY + glyphWidth < viewBox[1]! || posY > viewBox[3]!)
        return false;
    } else if (posX + glyphWidth < viewBox[0]! || posX > viewBox[2]! || posY < viewBox[1]! || posY > viewBox[3]!)
      return false;
    if (!textState.font || !item.prevTransform) return true;
    let lastPosX = item.prevTransform[4]!,
      lastPosY = item.prevTransform[5]!;
    if (lastPosX === posX && lastPosY === posY) return true;
    let rotate = -1;
    if (cur[0] && cur[1] === 0 && cur[2] === 0) rotate = cur[0] > 0 ? 0 : 180;
    else if (cur[1] && cur[0] === 0 && cur[3] === 0) rotate = cur[1] > 0 ? 90 : 270;
    switch (rotate) {
      case 0:
        break;
      case 90:
        [posX, posY] = [posY, posX];
        [lastPosX, lastPosY] = [lastPosY, lastPosX];
        break;
      case 180:
        [posX, posY, lastPosX, lastPosY] = [-posX, -posY, -lastPosX, -lastPosY];
        break;
      case 270:
        [posX, posY] = [-posY, -posX];
        [lastPosX, lastPosY] = [-lastPosY, -lastPosX];
        break;
      default: {
        const inv = (x: number, y: number, m: M) => {
          const scale = Math.hypot(m[0]!, m[1]!);
          return [(m[0]! * x + m[1]! * y) / scale, (m[2]! * x + m[3]! * y) / scale] as const;
        };
        [posX, posY] = inv(posX, posY, cur);
        [lastPosX, lastPosY] = inv(lastPosX, lastPosY, item.prevTransform);
      }
    }
    if (textState.font.vertical) return compareVertical(posX, posY, lastPosX, lastPosY);
    const advanceX = (posX - lastPosX) / item.textAdvanceScale;
    const advanceY = posY - lastPosY;
    const orientation = Math.sign(item.width || item.totalWidth);
    if (advanceX < orientation * item.negativeSpaceMax) {
      if (Math.abs(advanceY) > 0.5 * item.height) {
        appendEOL();
        return true;
      }
      resetLastChars();
      flush();
      return true;
    }
    const riseDelta = textState.textRise - item.prevTextRise;
    const advanceYCorrected = riseDelta === 0 ? advanceY : advanceY - (cur[3]! / textState.fontSize) * riseDelta;
    if (Math.abs(advanceYCorrected) > item.height) {
      appendEOL();
      return true;
    }
    if (advanceX <= orientation * item.notASpace) resetLastChars();
    if (advanceX <= orientation * item.trackingSpaceMin) {
      if (shouldAddWhitespace()) {
        resetLastChars();
        flush();
        pushWhitespace(Math.abs(advanceX), 0, null);
      } else item.width += advanceX;
    } else if (!addFakeSpaces(advanceX, item.prevTransform, orientation)) {
      if (item.str === '') {
        resetLastChars();
        pushWhitespace(Math.abs(advanceX), 0, null);
      } else item.width += advanceX;
    }
    if (Math.abs(advanceY) > item.height * VERTICAL_SHIFT_RATIO) flush();
    return true;
  };
  const compareVertical = (posX: number, posY: number, lastPosX: number, lastPosY: number): boolean => {
    const advanceY = (lastPosY - posY) / item.textAdvanceScale;
    const advanceX = posX - lastPosX;
    const orientation = Math.sign(item.height || item.totalHeight);
    if (advanceY < orientation * item.negativeSpaceMax) {
      if (Math.abs(advanceX) > 0.5 * item.width) {
        appendEOL();
        return true;
      }
      resetLastChars();
      flush();
      return true;
    }
    if (Math.abs(advanceX) > item.width) {
      appendEOL();
      return true;
    }
    if (advanceY <= orientation * item.notASpace) resetLastChars();
    if (advanceY <= orientation * item.trackingSpaceMin) {
      if (shouldAddWhitespace()) {
        resetLastChars();
        flush();
        pushWhitespace(0, Math.abs(advanceY), null);
      } else item.height += advanceY;
    } else if (!addFakeSpaces(advanceY, item.prevTransform, orientation)) {
      if (item.str === '') {
        resetLastChars();
        pushWhitespace(0, Math.abs(advanceY), null);
      } else item.height += advanceY;
    }
    if (Math.abs(advanceX) > item.width * VERTICAL_SHIFT_RATIO) flush();
    return true;
  };
  const buildItem = (chars: string, extraSpacing: number) => {
    const cts = currentTextState.s;
    if (
      cts !== textState &&
      (cts.fontSize !== textState.fontSize ||
        (cts.fontName !== textState.fontName &&
          (!cts.font || cts.font.name !== textState.font!.name || cts.font.vertical !== textState.font!.vertical)))
    ) {
      if (!cts.font && cts.fontSize === textState.fontSize) throw new Unsupported('font change from no font');
      flush();
      currentTextState.s = textState.clone();
    }
    const font = textState.font!;
    const vertical = font.vertical;
    const advance = (d: number) =>
      vertical ? textState.translateTextMatrix(0, -d) : textState.translateTextMatrix(d * textState.textHScale, 0);
    const baseCharSpacing = vertical ? -textState.charSpacing : textState.charSpacing;
    if (!chars) {
      const charSpacing = baseCharSpacing + extraSpacing;
      if (charSpacing) advance(charSpacing);
      return;
    }
    const glyphs = glyphsOf(textState.font!, chars);
    const scale = font.fontMatrix[0]! * textState.fontSize;
    for (let i = 0, ii = glyphs.length; i < ii; i++) {
      const glyph = glyphs[i]!;
      if (glyph.isInvisibleFormatMark) continue;
      let charSpacing = baseCharSpacing + (i + 1 === ii ? extraSpacing : 0);
      let scaledDim = (vertical ? (font.vmetrics.get(glyph.code) ?? font.defaultVMetrics)[0]! : glyph.width) * scale;
      // As pdf.js: word spacing for the code 32, whatever the code length.
      if (glyph.code === 0x20) charSpacing += textState.wordSpacing;
      if (glyph.isWhitespace) {
        charSpacing += vertical ? -scaledDim : scaledDim;
        advance(charSpacing);
        saveLastChar(' ');
        continue;
      }
      if (!glyph.isZeroWidthDiacritic && !compareWithLastPosition(scaledDim)) {
        if (vertical) textState.translateTextMatrix(0, scaledDim);
        else textState.translateTextMatrix(scaledDim * textState.textHScale, 0);
        continue;
      }
      const chunk = ensureItem();
      if (glyph.isZeroWidthDiacritic) scaledDim = 0;
      if (!vertical) {
        scaledDim *= textState.textHScale;
        textState.translateTextMatrix(scaledDim, 0);
        chunk.width += scaledDim;
      } else {
        textState.translateTextMatrix(0, scaledDim);
        scaledDim = Math.abs(scaledDim);
        chunk.height += scaledDim;
      }
      if (scaledDim) {
        chunk.prevTransform = transformInto(chunk.prevTransform ?? [0, 0, 0, 0, 0, 0]);
        chunk.prevTextRise = textState.textRise;
      }
      if (saveLastChar(glyph.unicode)) chunk.str += ' ';
      chunk.str += glyph.unicode;
      if (charSpacing) advance(charSpacing);
    }
  };
  const needFont = () => {
    if (!textState.font) throw new Unsupported('text shown without a font');
  };

  const lx = new Lexer(content);
  const args: (PdfObj | Cmd)[] = [];
  for (;;) {
    lx.skipSpace();
    if (lx.pos >= content.length) break;
    const tok = lx.object();
    if (!(tok instanceof Cmd)) {
      args.push(tok);
      if (args.length > 64) throw new Unsupported('too many operands');
      continue;
    }
    const op = tok.cmd;
    const want = ARGS[op];
    if (want === undefined) {
      if (op === 'BI') throw new Unsupported('inline image');
      if (!VARIADIC.has(op)) throw new Unsupported(`operator ${op}`);
      args.length = 0;
      continue;
    }
    if (args.length !== want) throw new Unsupported(`${op} with ${args.length} operands`);
    const a = args; // emptied after the operator
    switch (op) {
      case 'q':
        stack.push(textState);
        textState = textState.clone();
        break;
      case 'Q':
        textState = stack.pop() ?? textState;
        break;
      case 'cm':
        textState.ctm = mul(textState.ctm, a.map(num));
        break;
      case 'Tf': {
        const [nameArg, size] = a;
        if (!(nameArg instanceof Name)) throw new Unsupported('Tf without a font name');
        const fontSize = num(size);
        if (textState.font && nameArg.name === textState.fontName && fontSize === textState.fontSize) break;
        textState.fontName = nameArg.name;
        textState.fontSize = fontSize;
        textState.font = fontFor(ctx, resources, nameArg.name);
        break;
      }
      case 'Ts':
        textState.textRise = num(a[0]);
        break;
      case 'Tz':
        textState.textHScale = num(a[0]) / 100;
        break;
      case 'TL':
        textState.leading = num(a[0]);
        break;
      case 'Td':
        textState.translateTextLineMatrix(num(a[0]), num(a[1]));
        textState.textMatrix = textState.textLineMatrix.slice();
        break;
      case 'TD':
        textState.leading = -num(a[1]);
        textState.translateTextLineMatrix(num(a[0]), num(a[1]));
        textState.textMatrix = textState.textLineMatrix.slice();
        break;
      case 'T*':
        textState.carriageReturn();
        break;
      case 'Tm': {
        const m = a.map(num); // a new array: the text matrix itself
        textState.textMatrix = m;
        textState.textLineMatrix = m.slice();
        updateAdvanceScale();
        break;
      }
      case 'Tc':
        textState.charSpacing = num(a[0]);
        break;
      case 'Tw':
        textState.wordSpacing = num(a[0]);
        break;
      case 'BT':
        textState.textMatrix = IDENTITY.slice();
        textState.textLineMatrix = IDENTITY.slice();
        break;
      case 'TJ': {
        needFont();
        const elements = a[0];
        if (!Array.isArray(elements)) throw new Unsupported('TJ without an array');
        const spaceFactor = ((textState.font!.vertical ? 1 : -1) * textState.fontSize) / 1000;
        let buffer = '';
        for (const el of elements) {
          if (el instanceof PdfString) buffer += el.s;
          else if (typeof el === 'number') {
            if (el !== 0) {
              buildItem(buffer, el * spaceFactor);
              buffer = '';
            }
          } else throw new Unsupported('TJ element');
        }
        if (buffer) buildItem(buffer, 0);
        break;
      }
      case 'Tj':
        needFont();
        buildItem(str(a[0]), 0);
        break;
      case "'":
        needFont();
        textState.carriageReturn();
        buildItem(str(a[0]), 0);
        break;
      case '"':
        needFont();
        textState.wordSpacing = num(a[0]);
        textState.charSpacing = num(a[1]);
        textState.carriageReturn();
        buildItem(str(a[2]), 0);
        break;
      case 'Do':
        flush();
        form(readTextContent, ctx, resources, a[0], textState);
        break;
      case 'gs':
        extGState(ctx, resources, a[0]);
        break;
      case 'BMC':
      case 'BDC':
      case 'EMC':
        flush();
        break;
      case 'd0':
      case 'd1':
        throw new Unsupported('glyph procedure');
    }
    args.length = 0;
  }
  flush();
}

const str = (x: unknown): string => {
  if (!(x instanceof PdfString)) throw new Unsupported('string expected');
  return x.s;
};
