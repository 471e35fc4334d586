/**
 * The PDF object model of the fast text reader (see extract.ts), and Unsupported: what it throws
 * for anything it does not fully understand, so that the caller hands the file to pdf.js instead —
 * a slower answer, never a wrong one.
 */

export class Unsupported extends Error {
  constructor(what: string) {
    super(`fast PDF reader: ${what}`);
    this.name = 'Unsupported';
  }
}

export class Name {
  constructor(readonly name: string) {}
}
export class Ref {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}
/** A content-stream operator (or a bare keyword in a file: obj, endobj, R, stream…). */
export class Cmd {
  constructor(readonly cmd: string) {}
}
/** A string's bytes, one char per byte (latin1), as pdf.js keeps them. */
export class PdfString {
  constructor(readonly s: string) {}
}
export type Dict = Map<string, PdfObj>;
export interface Stream {
  dict: Dict;
  /** Raw (still encoded) data. */
  start: number;
  end: number;
}
export type PdfObj = number | boolean | null | Name | Ref | PdfString | PdfObj[] | Dict | StreamObj;
export class StreamObj {
  constructor(
    readonly dict: Dict,
    readonly start: number,
    readonly end: number,
  ) {}
}

export function latin1(b: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i += 8192) s += String.fromCharCode(...b.subarray(i, Math.min(to, i + 8192)));
  return s;
}

export const isName = (o: unknown, name?: string): o is Name =>
  o instanceof Name && (name === undefined || o.name === name);
export const isDict = (o: unknown): o is Dict => o instanceof Map;
