import { Cmd, type Dict, latin1, Name, type PdfObj, PdfString, Ref, Unsupported } from './types';

/**
 * The lexer and parser of PDF objects for the fast text reader (see extract.ts): file objects,
 * object streams, content streams and CMaps. Strict on purpose: whatever it does not fully
 * understand throws Unsupported.
 */

export * from './types';

const EOF = Symbol('eof');
/** Strings are decoded here first (one buffer for all: the lexer is not reentrant within a string). */
const BUF = new Uint8Array(65536);
const bufString = (n: number) =>
  n <= 8192 ? String.fromCharCode.apply(null, BUF.subarray(0, n) as unknown as number[]) : latin1(BUF, 0, n);
/** Keywords are few: one Cmd object each. */
const COMMANDS = new Map<string, Cmd>();
/**
 * Keywords of one or two characters — nearly every operator of a content stream — by their bytes
 * (c1 | c2 << 8): slot + 1 in SHORT_CMDS, 0 if not met yet. Found without making the word and
 * looking it up, once per operator of every page.
 */
const SHORT = new Uint8Array(65536);
const SHORT_CMDS: Cmd[] = [];
type Token = PdfObj | Cmd | typeof EOF | '[' | ']' | '<<' | '>>';

// Character classes: 1 whitespace, 2 delimiter.
const CLASS = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) CLASS[c] = 1;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = 2;

export class Lexer {
  pos: number;
  constructor(
    readonly b: Uint8Array,
    start = 0,
    readonly end = b.length,
  ) {
    this.pos = start;
  }

  skipSpace(): void {
    const b = this.b;
    while (this.pos < this.end) {
      const c = b[this.pos]!;
      if (CLASS[c] === 1) this.pos++;
      else if (c === 0x25) {
        // comment to end of line
        while (this.pos < this.end && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
      } else break;
    }
  }

  token(): Token {
    this.skipSpace();
    const b = this.b;
    if (this.pos >= this.end) return EOF;
    const c = b[this.pos]!;
    switch (c) {
      case 0x5b: // [
        this.pos++;
        return '[';
      case 0x5d:
        this.pos++;
        return ']';
      case 0x28: // (
        return this.literal();
      case 0x2f: // /
        return this.name();
      case 0x3c: // <
        if (b[this.pos + 1] === 0x3c) {
          this.pos += 2;
          return '<<';
        }
        return this.hex();
      case 0x3e:
        if (b[this.pos + 1] === 0x3e) {
          this.pos += 2;
          return '>>';
        }
        throw new Unsupported('stray >');
      case 0x7b:
      case 0x7d:
        this.pos++;
        return new Cmd(String.fromCharCode(c));
    }
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) return this.number();
    const start = this.pos;
    while (this.pos < this.end && CLASS[b[this.pos]!] === 0) this.pos++;
    const n = this.pos - start;
    if (n === 0) throw new Unsupported('unexpected delimiter');
    const short = n === 1 ? c : n === 2 ? c | (b[start + 1]! << 8) : -1;
    if (short >= 0 && SHORT[short] !== 0) return SHORT_CMDS[SHORT[short]! - 1]!;
    const word =
      n === 1
        ? String.fromCharCode(c)
        : n === 2
          ? String.fromCharCode(c, b[start + 1]!)
          : n === 3
            ? String.fromCharCode(c, b[start + 1]!, b[start + 2]!)
            : latin1(b, start, this.pos);
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    let cmd = COMMANDS.get(word);
    if (!cmd) {
      cmd = new Cmd(word);
      if (COMMANDS.size < 512) COMMANDS.set(word, cmd);
    }
    if (short >= 0 && SHORT_CMDS.length < 255 && COMMANDS.get(word) === cmd) {
      SHORT_CMDS.push(cmd);
      SHORT[short] = SHORT_CMDS.length;
    }
    return cmd;
  }

  /** pdf.js' Lexer.getNumber (same arithmetic, so the same doubles); malformed numbers are Unsupported. */
  private number(): number {
    const b = this.b;
    let ch = b[this.pos]!;
    let divideBy = 0;
    let sign = 1;
    if (ch === 0x2d) {
      sign = -1;
      ch = b[++this.pos]!;
      if (ch === 0x2d) ch = b[++this.pos]!;
    } else if (ch === 0x2b) ch = b[++this.pos]!;
    if (ch === 0x2e) {
      divideBy = 10;
      ch = b[++this.pos]!;
    }
    if (!(ch >= 0x30 && ch <= 0x39) || this.pos >= this.end) throw new Unsupported('malformed number');
    let value = ch - 0x30;
    while (++this.pos < this.end) {
      ch = b[this.pos]!;
      if (ch >= 0x30 && ch <= 0x39) {
        if (divideBy !== 0) divideBy *= 10;
        value = value * 10 + (ch - 0x30);
      } else if (ch === 0x2e && divideBy === 0) divideBy = 1;
      else break;
    }
    if (this.pos < this.end && CLASS[b[this.pos]!] === 0) throw new Unsupported('malformed number');
    if (divideBy !== 0) value /= divideBy;
    return sign * value;
  }

  private name(): Name {
    const b = this.b;
    const start = ++this.pos;
    // Nearly every name has no #xx escape: made from its bytes at once (names come with every text run).
    let end = start;
    while (end < this.end && CLASS[b[end]!] === 0 && b[end] !== 0x23) end++;
    if (end >= this.end || CLASS[b[end]!] !== 0) return new Name(latin1(b, start, (this.pos = end)));
    let s = '';
    while (this.pos < this.end && CLASS[b[this.pos]!] === 0) {
      const c = b[this.pos]!;
      if (c === 0x23) {
        const h = parseInt(latin1(b, this.pos + 1, this.pos + 3), 16);
        if (!Number.isFinite(h)) throw new Unsupported('bad name escape');
        s += String.fromCharCode(h);
        this.pos += 3;
      } else {
        s += String.fromCharCode(c);
        this.pos++;
      }
    }
    return new Name(s);
  }

  private hex(): PdfString {
    const b = this.b;
    this.pos++;
    let n = 0;
    let hi = -1;
    while (this.pos < this.end) {
      const c = b[this.pos++]!;
      if (c === 0x3e) {
        if (hi >= 0) BUF[n++] = hi << 4;
        return new PdfString(bufString(n));
      }
      if (CLASS[c] === 1) continue;
      const v =
        c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 55 : c >= 0x61 && c <= 0x66 ? c - 87 : -1;
      if (v < 0) throw new Unsupported('bad hex string');
      if (hi < 0) hi = v;
      else {
        if (n >= BUF.length) throw new Unsupported('string too long');
        BUF[n++] = (hi << 4) | v;
        hi = -1;
      }
    }
    throw new Unsupported('unterminated hex string');
  }

  private literal(): PdfString {
    const b = this.b;
    this.pos++;
    let depth = 1;
    let n = 0;
    while (this.pos < this.end) {
      let c = b[this.pos++]!;
      if (c === 0x28) depth++;
      else if (c === 0x29) {
        if (--depth === 0) return new PdfString(bufString(n));
      } else if (c === 0x5c) {
        c = b[this.pos++]!;
        switch (c) {
          case 0x6e:
            c = 0x0a;
            break;
          case 0x72:
            c = 0x0d;
            break;
          case 0x74:
            c = 0x09;
            break;
          case 0x62:
            c = 0x08;
            break;
          case 0x66:
            c = 0x0c;
            break;
          case 0x0d:
            if (b[this.pos] === 0x0a) this.pos++;
            continue;
          case 0x0a:
            continue;
          default:
            if (c >= 0x30 && c <= 0x37) {
              let v = c - 0x30;
              for (let k = 0; k < 2 && b[this.pos]! >= 0x30 && b[this.pos]! <= 0x37; k++)
                v = v * 8 + b[this.pos++]! - 0x30;
              c = v & 0xff;
            }
        }
      }
      if (n >= BUF.length) throw new Unsupported('string too long');
      BUF[n++] = c;
    }
    throw new Unsupported('unterminated string');
  }

  /** One object (references `n g R` folded); Cmd for keywords. */
  object(): PdfObj | Cmd {
    const t = this.token();
    return this.finish(t);
  }

  private finish(t: Token): PdfObj | Cmd {
    if (t === EOF) throw new Unsupported('unexpected end of data');
    if (t === '[') {
      const arr: PdfObj[] = [];
      for (;;) {
        const x = this.token();
        if (x === ']') return arr;
        const o = this.finish(x);
        if (o instanceof Cmd) {
          if (o.cmd === 'R' && arr.length >= 2) {
            const gen = arr.pop(),
              num = arr.pop();
            if (typeof num !== 'number' || typeof gen !== 'number') throw new Unsupported('bad reference');
            arr.push(new Ref(num, gen));
            continue;
          }
          throw new Unsupported(`keyword ${o.cmd} in array`);
        }
        arr.push(o);
      }
    }
    if (t === '<<') {
      const d: Dict = new Map();
      for (;;) {
        const k = this.token();
        if (k === '>>') return d;
        if (!(k instanceof Name)) throw new Unsupported('dictionary key is not a name');
        let v = this.finish(this.token());
        if (typeof v === 'number') v = this.maybeRef(v);
        if (v instanceof Cmd) throw new Unsupported(`keyword ${v.cmd} in dictionary`);
        d.set(k.name, v);
      }
    }
    if (t === ']' || t === '>>') throw new Unsupported('unbalanced brackets');
    return t;
  }

  /** After a number: `gen R` makes it a reference. */
  private maybeRef(n: number): PdfObj {
    if (!Number.isInteger(n) || n < 0) return n;
    const save = this.pos;
    const gen = this.token();
    if (typeof gen === 'number' && Number.isInteger(gen) && gen >= 0) {
      const r = this.token();
      if (r instanceof Cmd && r.cmd === 'R') return new Ref(n, gen);
    }
    this.pos = save;
    return n;
  }
}
