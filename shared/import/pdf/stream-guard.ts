import { ImportError, LIMITS } from '../errors';

/**
 * A PDF's compressed streams measured before pdf.js reads the file. pdf.js inflates a page's
 * content stream whole and keeps it in memory (outside the JavaScript heap, so the worker's heap
 * cap does not see it): a 1.5 MB file whose content stream inflates to 1 GB would take minutes and
 * the memory of the machine. Here every Flate stream pdf.js may inflate for text (contents, forms,
 * fonts, object streams; not images) that *could* pass the caps is inflated through a counter
 * that stops at the cap; deflate cannot expand more than ~1032 times, so small streams are let
 * through unread and an ordinary report costs a few milliseconds.
 *
 * Needs DecompressionStream (Node ≥ 18, Electron, every current browser); without it nothing is
 * checked here and the worker's time limit is the only bound.
 */

/** Deflate's largest expansion (a stream of zeros): 1032:1. */
const MAX_RATIO = 1032;

interface StreamSpan {
  start: number;
  end: number;
}

type Decompressor = new (format: 'deflate') => {
  readable: { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> } };
  writable: { getWriter(): { write(chunk: Uint8Array): Promise<void>; close(): Promise<void> } };
};

const latin1 = (b: Uint8Array, from: number, to: number) => {
  let s = '';
  for (let i = Math.max(0, from); i < to; i++) s += String.fromCharCode(b[i]!);
  return s;
};

/** The Flate streams (not images, not chained with other filters) and where their data lies. */
export function flateStreams(bytes: Uint8Array): StreamSpan[] {
  const spans: StreamSpan[] = [];
  const n = bytes.length;
  // "stream" = 73 74 72 65 61 6d, followed by CRLF or LF.
  for (let i = 0; i + 8 < n; i++) {
    if (bytes[i] !== 0x73 || bytes[i + 1] !== 0x74 || bytes[i + 2] !== 0x72) continue;
    if (bytes[i + 3] !== 0x65 || bytes[i + 4] !== 0x61 || bytes[i + 5] !== 0x6d) continue;
    let start = i + 6;
    if (bytes[start] === 0x0d) start++;
    if (bytes[start] !== 0x0a) continue;
    start++;
    // The dictionary ends with ">>" just before "stream" (whitespace allowed).
    let j = i - 1;
    while (j > 0 && (bytes[j] === 0x20 || bytes[j] === 0x0d || bytes[j] === 0x0a || bytes[j] === 0x09)) j--;
    if (bytes[j] !== 0x3e || bytes[j - 1] !== 0x3e) continue; // "endstream" and the like
    const dict = latin1(bytes, lastObjStart(bytes, j), j + 1);
    const filter = /\/Filter\s*(\[[^\]]*\]|\/\w+)/.exec(dict)?.[1] ?? '';
    const names = filter.match(/\/\w+/g) ?? [];
    if (names.length !== 1 || (names[0] !== '/FlateDecode' && names[0] !== '/Fl')) continue;
    if (/\/Subtype\s*\/Image\b/.test(dict)) continue;
    // pdf.js trusts /Length only when "endstream" follows it; so do we.
    const direct = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    const byLength = direct ? start + Number(direct[1]) : -1;
    const end =
      byLength > start && byLength <= n && endstream(bytes, byLength, 16) === byLength + skipBlank(bytes, byLength)
        ? byLength
        : endstream(bytes, start);
    spans.push({ start, end });
    i = Math.max(i, end - 1);
  }
  return spans;
}

/** Where the object whose dictionary ends at `j` begins ("obj"), looked for in the 4 KB before. */
function lastObjStart(bytes: Uint8Array, j: number): number {
  const from = Math.max(0, j - 4096);
  for (let k = j - 3; k >= from; k--) {
    if (bytes[k] === 0x6f && bytes[k + 1] === 0x62 && bytes[k + 2] === 0x6a) return k + 3;
  }
  return from;
}

function skipBlank(bytes: Uint8Array, at: number): number {
  let k = 0;
  while (at + k < bytes.length && (bytes[at + k] === 0x20 || bytes[at + k] === 0x0d || bytes[at + k] === 0x0a)) k++;
  return k;
}

/** Where "endstr…" next occurs from `from` (looking at most `within` bytes), else the end of the file. */
function endstream(bytes: Uint8Array, from: number, within = Infinity): number {
  const n = Math.min(bytes.length, from + within);
  for (let i = from; i + 6 <= n; i++) {
    if (
      bytes[i] === 0x65 &&
      bytes[i + 1] === 0x6e &&
      bytes[i + 2] === 0x64 &&
      bytes[i + 3] === 0x73 &&
      bytes[i + 4] === 0x74 &&
      bytes[i + 5] === 0x72
    )
      return i;
  }
  return bytes.length;
}

/** Bytes a zlib stream inflates to, counting no further than `cap` (a damaged stream counts what came out). */
async function inflatedSize(Ctor: Decompressor, data: Uint8Array, cap: number): Promise<number> {
  const ds = new Ctor('deflate');
  const writer = ds.writable.getWriter();
  writer.write(data).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = ds.readable.getReader();
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value?.byteLength ?? 0;
      if (size > cap) {
        await reader.cancel().catch(() => undefined);
        break;
      }
    }
  } catch {
    // not zlib data, or damaged: pdf.js decides what to do with it
  }
  return size;
}

export interface StreamLimits {
  perStream: number;
  total: number;
}

/** Throws ImportError('too-large') when a stream, or all of them together, inflate past the limits. */
export async function guardPdfStreams(
  bytes: Uint8Array,
  limits: StreamLimits = { perStream: LIMITS.pdfStreamBytes, total: LIMITS.pdfTotalStreamBytes },
): Promise<void> {
  const Ctor = (globalThis as unknown as { DecompressionStream?: Decompressor }).DecompressionStream;
  if (!Ctor) return;
  const spans = flateStreams(bytes).sort((a, b) => b.end - b.start - (a.end - a.start));
  // What the streams not yet measured could still add, at worst.
  let unmeasured = spans.reduce((sum, s) => sum + Math.min((s.end - s.start) * MAX_RATIO, limits.perStream), 0);
  let measured = 0;
  for (const s of spans) {
    if (measured + unmeasured <= limits.total && (s.end - s.start) * MAX_RATIO <= limits.perStream) return;
    unmeasured -= Math.min((s.end - s.start) * MAX_RATIO, limits.perStream);
    const size = await inflatedSize(Ctor, bytes.subarray(s.start, s.end), limits.perStream);
    if (size > limits.perStream) throw tooLarge(limits.perStream, '其中一段内容');
    measured += size;
    if (measured > limits.total) throw tooLarge(limits.total, '全部内容');
  }
}

const tooLarge = (limit: number, what: string) =>
  new ImportError(
    'too-large',
    `这个 PDF 文件${what}解压后超过 ${Math.round(limit / 1048576)} MB，远超正常年报（可能是特意构造的“压缩炸弹”），已停止读取，无法导入。请改用网页版或 Word 版再试。`,
  );
