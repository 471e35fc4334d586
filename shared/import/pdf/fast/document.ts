import { LIMITS } from '../../errors';
import {
  Cmd,
  type Dict,
  isDict,
  isName,
  Lexer,
  latin1,
  Name,
  type PdfObj,
  Ref,
  StreamObj,
  Unsupported,
} from './objects';

/**
 * A PDF file's objects for the fast text reader: the cross-reference tables and streams (with
 * /Prev chains and hybrid /XRefStm), object streams, and Flate streams with PNG predictors. Any
 * damage (an offset that does not point at its object, a /Length that does not end at
 * "endstream", an unknown filter, encryption) throws Unsupported: pdf.js repairs such files, and
 * it reads them instead.
 */

/** zlib inflate (with header), as Node's zlib.inflateSync; injected so that shared/ needs no Node built-ins. */
export type Inflate = (data: Uint8Array, maxOutput: number) => Uint8Array;

type Entry = { type: 1; offset: number } | { type: 2; stream: number; index: number };

export class PdfDocument {
  private readonly entries = new Map<number, Entry>();
  private readonly cache = new Map<number, PdfObj>();
  private readonly objStreams = new Map<number, { offsets: [number, number][]; data: Uint8Array; first: number }>();
  trailer: Dict = new Map();
  private decoded = 0;

  constructor(
    readonly bytes: Uint8Array,
    private readonly inflate: Inflate,
  ) {
    this.readXref();
    if (this.trailer.has('Encrypt')) throw new Unsupported('encrypted');
  }

  private readXref(): void {
    const b = this.bytes;
    const tail = latin1(b, Math.max(0, b.length - 1024), b.length);
    const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
    if (!m) throw new Unsupported('no startxref at the end');
    let at: number | null = Number(m[1]);
    const seen = new Set<number>();
    while (at !== null) {
      if (seen.has(at) || at >= b.length) throw new Unsupported('xref loop or out of range');
      seen.add(at);
      const lx = new Lexer(b, at);
      const first = lx.object();
      let dict: Dict;
      if (first instanceof Cmd && first.cmd === 'xref') {
        const table: [number, Entry | null][] = [];
        dict = this.xrefTable(lx, table);
        // A hybrid file: the stream's entries come before the table's (which lists those objects as free).
        const stm = dict.get('XRefStm');
        if (typeof stm === 'number') this.xrefStream(stm);
        for (const [num, e] of table) this.setEntry(num, e);
      } else dict = this.xrefStream(at);
      if (!this.trailer.size) this.trailer = dict;
      const prev = dict.get('Prev');
      at = typeof prev === 'number' ? prev : null;
    }
  }

  private setEntry(num: number, e: Entry | null): void {
    // The newest section is read first: older ones never replace its entries.
    if (this.entries.has(num)) return;
    this.entries.set(num, e ?? { type: 1, offset: -1 });
  }

  private xrefTable(lx: Lexer, table: [number, Entry | null][]): Dict {
    for (;;) {
      const t = lx.object();
      if (t instanceof Cmd && t.cmd === 'trailer') break;
      const count = lx.object();
      if (typeof t !== 'number' || typeof count !== 'number') throw new Unsupported('bad xref subsection');
      lx.skipSpace();
      for (let i = 0; i < count; i++) {
        const line = latin1(this.bytes, lx.pos, lx.pos + 20);
        const e = /^(\d{10}) (\d{5}) ([nf])/.exec(line);
        if (!e) throw new Unsupported('bad xref entry');
        table.push([t + i, e[3] === 'n' ? { type: 1, offset: Number(e[1]) } : null]);
        lx.pos += 18;
        lx.skipSpace();
      }
    }
    const trailer = lx.object();
    if (!isDict(trailer)) throw new Unsupported('bad trailer');
    return trailer;
  }

  private xrefStream(at: number): Dict {
    const s = this.parseIndirect(at, null);
    if (!(s instanceof StreamObj) || !isName(s.dict.get('Type'), 'XRef')) throw new Unsupported('bad xref stream');
    const w = s.dict.get('W');
    if (!Array.isArray(w) || w.length !== 3 || !w.every((x) => typeof x === 'number')) throw new Unsupported('bad /W');
    const [w0, w1, w2] = w as number[];
    const size = s.dict.get('Size');
    const index = (s.dict.get('Index') as number[] | undefined) ?? [0, size as number];
    const data = this.decode(s);
    let p = 0;
    const read = (n: number) => {
      let v = 0;
      for (let k = 0; k < n; k++) v = v * 256 + data[p++]!;
      return v;
    };
    for (let i = 0; i + 1 < index.length; i += 2) {
      const start = index[i]!,
        count = index[i + 1]!;
      if (typeof start !== 'number' || typeof count !== 'number') throw new Unsupported('bad /Index');
      for (let k = 0; k < count; k++) {
        if (p + w0! + w1! + w2! > data.length) throw new Unsupported('xref stream too short');
        const type = w0 ? read(w0) : 1;
        const f1 = read(w1!),
          f2 = read(w2!);
        if (type === 1) this.setEntry(start + k, { type: 1, offset: f1 });
        else if (type === 2) this.setEntry(start + k, { type: 2, stream: f1, index: f2 });
        else this.setEntry(start + k, null);
      }
    }
    return s.dict;
  }

  /** `n g obj … endobj` at `at`; checks the object number when one is expected. */
  private parseIndirect(at: number, num: number | null): PdfObj {
    const lx = new Lexer(this.bytes, at);
    const n = lx.object(),
      g = lx.object(),
      kw = lx.object();
    if (typeof n !== 'number' || typeof g !== 'number' || !(kw instanceof Cmd) || kw.cmd !== 'obj')
      throw new Unsupported('xref offset does not point at an object');
    if (num !== null && n !== num) throw new Unsupported('xref offset points at another object');
    const obj = lx.object();
    if (obj instanceof Cmd) throw new Unsupported(`object is a keyword (${obj.cmd})`);
    lx.skipSpace();
    if (isDict(obj) && latin1(this.bytes, lx.pos, lx.pos + 6) === 'stream') {
      let start = lx.pos + 6;
      if (this.bytes[start] === 0x0d) start++;
      if (this.bytes[start] !== 0x0a) throw new Unsupported('stream keyword without end of line');
      start++;
      const length = this.resolve(obj.get('Length'));
      if (typeof length !== 'number' || length < 0 || start + length > this.bytes.length)
        throw new Unsupported('bad stream /Length');
      const after = new Lexer(this.bytes, start + length);
      const end = after.object();
      if (!(end instanceof Cmd) || end.cmd !== 'endstream') throw new Unsupported('/Length does not end at endstream');
      return new StreamObj(obj, start, start + length);
    }
    return obj;
  }

  fetch(ref: Ref): PdfObj {
    const hit = this.cache.get(ref.num);
    if (hit !== undefined) return hit;
    const e = this.entries.get(ref.num);
    if (!e) throw new Unsupported(`object ${ref.num} not in xref`);
    let obj: PdfObj;
    if (e.type === 1) {
      if (e.offset < 0) obj = null;
      else {
        this.cache.set(ref.num, null); // a reference loop reads as null while being parsed
        obj = this.parseIndirect(e.offset, ref.num);
      }
    } else obj = this.fromObjStream(e.stream, e.index, ref.num);
    this.cache.set(ref.num, obj);
    return obj;
  }

  resolve(o: PdfObj | undefined): PdfObj | undefined {
    let depth = 0;
    while (o instanceof Ref) {
      if (++depth > 32) throw new Unsupported('reference chain');
      o = this.fetch(o);
    }
    return o;
  }

  /** A dictionary entry, references followed. */
  get(d: Dict, key: string): PdfObj | undefined {
    return this.resolve(d.get(key));
  }

  private fromObjStream(stream: number, index: number, num: number): PdfObj {
    let os = this.objStreams.get(stream);
    if (!os) {
      const s = this.fetch(new Ref(stream, 0));
      if (!(s instanceof StreamObj) || !isName(s.dict.get('Type'), 'ObjStm'))
        throw new Unsupported('bad object stream');
      const n = this.get(s.dict, 'N'),
        first = this.get(s.dict, 'First');
      if (typeof n !== 'number' || typeof first !== 'number') throw new Unsupported('bad object stream header');
      const data = this.decode(s);
      const lx = new Lexer(data, 0, first);
      const offsets: [number, number][] = [];
      for (let i = 0; i < n; i++) {
        const a = lx.object(),
          o = lx.object();
        if (typeof a !== 'number' || typeof o !== 'number') throw new Unsupported('bad object stream offsets');
        offsets.push([a, o]);
      }
      os = { offsets, data, first };
      this.objStreams.set(stream, os);
    }
    const entry = os.offsets[index];
    if (!entry || entry[0] !== num) throw new Unsupported('object stream index mismatch');
    const lx = new Lexer(os.data, os.first + entry[1]);
    const obj = lx.object();
    if (obj instanceof Cmd) throw new Unsupported('keyword in object stream');
    return obj;
  }

  /** A stream's data, decoded (Flate with optional PNG predictor; nothing else). */
  decode(s: StreamObj): Uint8Array {
    let filter = this.get(s.dict, 'Filter');
    let parms = this.get(s.dict, 'DecodeParms');
    if (Array.isArray(filter)) {
      if (filter.length > 1) throw new Unsupported('chained filters');
      filter = this.resolve(filter[0]);
      parms = Array.isArray(parms) ? this.resolve(parms[0]) : parms;
    }
    const raw = this.bytes.subarray(s.start, s.end);
    if (filter === undefined || filter === null) return raw;
    if (!(filter instanceof Name) || (filter.name !== 'FlateDecode' && filter.name !== 'Fl'))
      throw new Unsupported(`filter ${String((filter as Name)?.name)}`);
    const budget = LIMITS.pdfTotalStreamBytes - this.decoded;
    let out: Uint8Array;
    try {
      out = this.inflate(raw, Math.min(LIMITS.pdfStreamBytes, budget));
    } catch {
      throw new Unsupported('damaged or oversized Flate stream');
    }
    this.decoded += out.length;
    if (isDict(parms)) {
      const predictor = this.get(parms, 'Predictor') ?? 1;
      if (predictor !== 1) {
        if (typeof predictor !== 'number' || predictor < 10) throw new Unsupported('TIFF predictor');
        out = unpredictPng(out, parms, this);
      }
    }
    return out;
  }
}

function unpredictPng(data: Uint8Array, parms: Dict, doc: PdfDocument): Uint8Array {
  const num = (k: string, d: number) => {
    const v = doc.get(parms, k);
    return typeof v === 'number' ? v : d;
  };
  const colors = num('Colors', 1),
    bits = num('BitsPerComponent', 8),
    columns = num('Columns', 1);
  const bpp = Math.max(1, Math.ceil((colors * bits) / 8));
  const rowLen = Math.ceil((colors * bits * columns) / 8);
  const rows = Math.floor(data.length / (rowLen + 1));
  const out = new Uint8Array(rows * rowLen);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLen + 1)]!;
    const src = r * (rowLen + 1) + 1;
    const dst = r * rowLen;
    for (let i = 0; i < rowLen; i++) {
      const x = data[src + i]!;
      const a = i >= bpp ? out[dst + i - bpp]! : 0;
      const up = r > 0 ? out[dst - rowLen + i]! : 0;
      const c = r > 0 && i >= bpp ? out[dst - rowLen + i - bpp]! : 0;
      let v: number;
      switch (type) {
        case 0:
          v = x;
          break;
        case 1:
          v = x + a;
          break;
        case 2:
          v = x + up;
          break;
        case 3:
          v = x + ((a + up) >> 1);
          break;
        case 4: {
          const p = a + up - c;
          const pa = Math.abs(p - a),
            pb = Math.abs(p - up),
            pc = Math.abs(p - c);
          v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? up : c);
          break;
        }
        default:
          throw new Unsupported('bad PNG predictor row');
      }
      out[dst + i] = v & 0xff;
    }
  }
  return out;
}
