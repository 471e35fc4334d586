import { ImportError, LIMITS } from './errors';

/** What a file is, by its first bytes (the extension only breaks ties between HTML and text). */
export type Sniffed = 'pdf' | 'zip' | 'ole' | 'rtf' | 'image' | 'text' | 'html' | 'mht';

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);

export function sniff(bytes: Uint8Array, fileName: string): Sniffed {
  const head = bytes.subarray(0, 1024);
  // %PDF- may follow a few bytes of junk (some servers prepend a BOM or whitespace).
  for (let i = 0; i + 5 <= head.length; i++) {
    if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d], i)) return 'pdf';
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'rtf';
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(bytes, [0xff, 0xd8, 0xff]) ||
    startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) ||
    (startsWith(bytes, [0x42, 0x4d]) && /\.bmp$/i.test(fileName)) ||
    startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])
  )
    return 'image';
  const ascii = asciiHead(head).toLowerCase();
  if (/^mime-version:|content-type:\s*multipart\/related/m.test(ascii) || /\.mht(ml)?$/i.test(fileName)) return 'mht';
  if (/<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s|table[\s>]|p[\s>]|div[\s>]|title>)/.test(ascii))
    return 'html';
  if (/\.(html?|xhtml|shtml)$/i.test(fileName) && ascii.includes('<')) return 'html';
  return 'text';
}

function asciiHead(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    s += c < 0x80 ? String.fromCharCode(c) : ' ';
  }
  return s;
}

interface Decoder {
  decode(input: Uint8Array): string;
}
type DecoderCtor = new (label: string, options?: { fatal?: boolean }) => Decoder;

/** TextDecoder exists in Node and every browser, but not in the ES library the shared code compiles against. */
function decoder(label: string, fatal: boolean): Decoder | null {
  const Ctor = (globalThis as unknown as { TextDecoder?: DecoderCtor }).TextDecoder;
  if (!Ctor) return null;
  try {
    return new Ctor(label, { fatal });
  } catch {
    return null;
  }
}

/**
 * Decodes a text or HTML file: BOMs, then UTF-8, then the charset an HTML page declares, then
 * GB18030 (a superset of GBK/GB2312, the usual encoding of older government sites and of files
 * saved by Windows Notepad). Returns the encoding used, for the warnings.
 */
export function decodeText(bytes: Uint8Array, declared?: string): { text: string; encoding: string } {
  if (bytes.length > LIMITS.bytes) throw new ImportError('too-large', '文件过大，无法导入。');
  const bom = (sig: number[]) => startsWith(bytes, sig);
  if (bom([0xef, 0xbb, 0xbf])) return { text: decodeWith('utf-8', bytes.subarray(3)), encoding: 'UTF-8' };
  if (bom([0xff, 0xfe])) return { text: decodeWith('utf-16le', bytes.subarray(2)), encoding: 'UTF-16' };
  if (bom([0xfe, 0xff])) return { text: decodeWith('utf-16be', bytes.subarray(2)), encoding: 'UTF-16' };
  const strict = decoder('utf-8', true);
  if (strict) {
    try {
      return { text: strict.decode(bytes), encoding: 'UTF-8' };
    } catch {
      // not UTF-8: fall through
    }
  }
  const label = declared && /^(gb2312|gbk|gb18030|big5|utf-?8)$/i.test(declared) ? declared.toLowerCase() : 'gb18030';
  const chosen = label === 'gb2312' || label === 'gbk' ? 'gb18030' : label;
  return { text: decodeWith(chosen, bytes), encoding: chosen.toUpperCase() };
}

function decodeWith(label: string, bytes: Uint8Array): string {
  const d = decoder(label, false) ?? decoder('utf-8', false);
  if (d) return d.decode(bytes);
  // No TextDecoder at all: Latin-1 is the only safe fallback.
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

/** The charset an HTML page declares in its first 2 KB, if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = asciiHead(bytes.subarray(0, 2048)).toLowerCase();
  const m = /charset\s*=\s*["']?([a-z0-9_-]+)/.exec(head);
  return m?.[1];
}
