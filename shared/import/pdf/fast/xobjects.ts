import { type FastFont, loadFont } from './fonts';
import { type Cmd, type Dict, isDict, isName, Name, type PdfObj, StreamObj, Unsupported } from './objects';
import { mul, type TextState } from './text-state';
import type { TextContext } from './text-content';

/** What a content stream refers to by name in its resources: fonts, graphics states, forms. */

export type ReadContent = (
  ctx: TextContext,
  content: Uint8Array,
  resources: Dict | undefined,
  initial: TextState | null,
) => void;

function resource(ctx: TextContext, resources: Dict | undefined, kind: string, name: string): PdfObj | undefined {
  if (!resources) return undefined;
  const group = ctx.doc.get(resources, kind);
  return isDict(group) ? group.get(name) : undefined;
}

export function fontFor(ctx: TextContext, resources: Dict | undefined, name: string): FastFont {
  const dict = ctx.doc.resolve(resource(ctx, resources, 'Font', name));
  if (!isDict(dict)) throw new Unsupported(`font ${name} not found`);
  let font = ctx.fonts.get(dict);
  if (!font) ctx.fonts.set(dict, (font = loadFont(ctx.doc, dict)));
  return font;
}

export function extGState(ctx: TextContext, resources: Dict | undefined, nameArg: PdfObj | Cmd | undefined): void {
  if (!(nameArg instanceof Name)) throw new Unsupported('gs without a name');
  const gs = ctx.doc.resolve(resource(ctx, resources, 'ExtGState', nameArg.name));
  if (!isDict(gs)) throw new Unsupported('ExtGState not found');
  if (gs.has('Font')) throw new Unsupported('font set by ExtGState');
}

/** Do: a Form XObject's text read with a copy of the state (its own items, as pdf.js reads it). */
export function form(
  read: ReadContent,
  ctx: TextContext,
  resources: Dict | undefined,
  nameArg: PdfObj | Cmd | undefined,
  state: TextState,
): void {
  if (!(nameArg instanceof Name)) throw new Unsupported('Do without a name');
  const raw = resource(ctx, resources, 'XObject', nameArg.name);
  const xobj = ctx.doc.resolve(raw);
  if (!(xobj instanceof StreamObj)) throw new Unsupported('XObject is not a stream');
  const subtype = ctx.doc.get(xobj.dict, 'Subtype');
  if (!isName(subtype)) throw new Unsupported('XObject without a subtype');
  if (subtype.name !== 'Form') return;
  if (ctx.forms.has(xobj) || ctx.forms.size > 16) throw new Unsupported('form nesting');
  ctx.forms.add(xobj);
  const s = state.clone();
  const matrix = ctx.doc.get(xobj.dict, 'Matrix');
  if (Array.isArray(matrix)) {
    if (matrix.length !== 6 || !matrix.every((x) => typeof x === 'number')) throw new Unsupported('bad form matrix');
    s.ctm = mul(s.ctm, matrix as number[]);
  }
  const own = ctx.doc.get(xobj.dict, 'Resources');
  read(ctx, ctx.doc.decode(xobj), isDict(own) ? own : resources, s);
  ctx.forms.delete(xobj);
}
