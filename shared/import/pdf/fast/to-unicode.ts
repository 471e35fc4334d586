import { Cmd, Lexer, PdfString, Unsupported } from './objects';

/**
 * A font's ToUnicode CMap (bfchar, bfrange with a start string or an array of strings), read as
 * pdf.js reads it: a code is the big-endian integer of its bytes, the target UTF-16BE (surrogate
 * pairs joined; an odd byte count padded in front). The code length comes from the font's
 * encoding (1 byte for simple fonts, 2 for Identity-H), not from the codespace ranges — as in
 * pdf.js. Anything else (usecmap, cidchar, numeric targets) is Unsupported.
 */

const MAX_RANGE = 2 ** 24 - 1;
/** More mappings than any real font has (a hostile map of 16 million codes goes to pdf.js' path and its limits). */
const MAX_ENTRIES = 1 << 17;

const code = (s: string) => {
  let a = 0;
  for (let i = 0; i < s.length; i++) a = (a << 8) | s.charCodeAt(i);
  return a >>> 0;
};

function utf16(token: string): string {
  if (token.length % 2 !== 0) token = '\u0000' + token;
  const cps: number[] = [];
  for (let k = 0; k < token.length; k += 2) {
    const w1 = (token.charCodeAt(k) << 8) | token.charCodeAt(k + 1);
    if ((w1 & 0xf800) !== 0xd800) {
      cps.push(w1);
      continue;
    }
    k += 2;
    const w2 = (token.charCodeAt(k) << 8) | token.charCodeAt(k + 1);
    cps.push(((w1 & 0x3ff) << 10) + (w2 & 0x3ff) + 0x10000);
  }
  return String.fromCodePoint(...cps);
}

export function parseToUnicode(data: Uint8Array): Map<number, string> {
  const raw = new Map<number, string>();
  const lx = new Lexer(data);
  const str = (): string => {
    const o = lx.object();
    if (!(o instanceof PdfString)) throw new Unsupported('ToUnicode: string expected');
    return o.s;
  };
  for (;;) {
    lx.skipSpace();
    if (lx.pos >= data.length) break;
    const o = lx.object();
    if (!(o instanceof Cmd)) continue;
    switch (o.cmd) {
      case 'usecmap':
      case 'begincidchar':
      case 'begincidrange':
      case 'beginnotdefchar':
      case 'beginnotdefrange':
        throw new Unsupported(`ToUnicode: ${o.cmd}`);
      case 'begincodespacerange':
        for (;;) {
          const t = lx.object();
          if (t instanceof Cmd && t.cmd === 'endcodespacerange') break;
          if (!(t instanceof PdfString)) throw new Unsupported('ToUnicode: bad codespace range');
        }
        break;
      case 'beginbfchar':
        for (;;) {
          const t = lx.object();
          if (t instanceof Cmd && t.cmd === 'endbfchar') break;
          if (!(t instanceof PdfString)) throw new Unsupported('ToUnicode: bad bfchar');
          raw.set(code(t.s), str());
          if (raw.size > MAX_ENTRIES) throw new Unsupported('ToUnicode: too many entries');
        }
        break;
      case 'beginbfrange':
        for (;;) {
          const t = lx.object();
          if (t instanceof Cmd && t.cmd === 'endbfrange') break;
          if (!(t instanceof PdfString)) throw new Unsupported('ToUnicode: bad bfrange');
          let low = code(t.s);
          const high = code(str());
          if (high - low > MAX_RANGE || raw.size + high - low > MAX_ENTRIES)
            throw new Unsupported('ToUnicode: range too large');
          const dst = lx.object();
          if (dst instanceof PdfString) {
            let d = dst.s;
            const last = d.length - 1;
            if (last < 0) throw new Unsupported('ToUnicode: empty target');
            while (low <= high) {
              raw.set(low++, d);
              const next = d.charCodeAt(last) + 1;
              d =
                next > 0xff
                  ? d.substring(0, last - 1) + String.fromCharCode(d.charCodeAt(last - 1) + 1) + '\x00'
                  : d.substring(0, last) + String.fromCharCode(next);
            }
          } else if (Array.isArray(dst)) {
            for (const x of dst) {
              if (low > high) break;
              if (!(x instanceof PdfString)) throw new Unsupported('ToUnicode: bad bfrange array');
              raw.set(low++, x.s);
            }
          } else throw new Unsupported('ToUnicode: bad bfrange target');
        }
        break;
    }
  }
  const out = new Map<number, string>();
  for (const [k, v] of raw) out.set(k, utf16(v));
  return out;
}
