import JSZip from 'jszip';
import { ImportError, LIMITS } from './errors';

/**
 * Zip packages (.docx) read without trusting them: the number of entries is read from the end
 * record before the package is opened, and every entry is inflated through a byte counter that
 * stops at its cap — the uncompressed sizes a zip declares can be faked (a 200 KB file announcing
 * 1 KB that inflates to gigabytes). All parts read from one package share a total budget.
 */

const budgets = new WeakMap<JSZip, { left: number }>();

/** Entries the end-of-central-directory record announces, or null when there is none to read. */
export function zipEntryCount(bytes: Uint8Array): number | null {
  const stop = Math.max(0, bytes.length - 65_557);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      return bytes[i + 10]! | (bytes[i + 11]! << 8);
    }
  }
  return null;
}

/** Opens a package; throws ImportError('corrupt'/'too-large') with `what` naming the file kind. */
export async function openZip(bytes: Uint8Array, what = '这个 .docx 文件'): Promise<JSZip> {
  const entries = zipEntryCount(bytes);
  // 0xFFFF means “see the Zip64 record”: no Word or WPS document has that many parts.
  if (entries !== null && entries > LIMITS.zipEntries)
    throw new ImportError(
      'too-large',
      `${what}包含 ${entries === 0xffff ? '超过 65535' : entries} 个内部文件，远超正常的 Word 文档，无法导入。请在 Word/WPS 中打开后另存为 .docx 再导入。`,
    );
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    throw new ImportError(
      'corrupt',
      `${what}已损坏或不完整（无法解压）。请重新下载或在 Word/WPS 中打开后另存为 .docx 再导入。`,
    );
  }
  budgets.set(zip, { left: LIMITS.zipTotalBytes });
  return zip;
}

export interface ReadOptions {
  /** Bytes this entry may inflate to (default LIMITS.zipPartBytes). */
  cap?: number;
  /** What the entry is, for the message (“Word 文档正文”). */
  what?: string;
}

/**
 * One entry as UTF-8 text, or null when the package has no such entry. Throws ImportError
 * ('too-large') as soon as the entry or the package's total passes its cap, before the rest is
 * inflated; a damaged entry throws ImportError('corrupt').
 */
export async function readZipText(
  zip: JSZip,
  entry: string | JSZip.JSZipObject,
  o: ReadOptions = {},
): Promise<string | null> {
  const file = typeof entry === 'string' ? zip.file(entry) : entry;
  if (!file) return null;
  const bytes = await inflate(zip, file, o);
  return new TextDecoder('utf-8').decode(bytes);
}

function inflate(zip: JSZip, file: JSZip.JSZipObject, o: ReadOptions): Promise<Uint8Array> {
  const cap = o.cap ?? LIMITS.zipPartBytes;
  const budget = budgets.get(zip) ?? { left: LIMITS.zipTotalBytes };
  budgets.set(zip, budget);
  const what = o.what ?? `Word 文档中的 ${file.name}`;
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let done = false;
    const stream = (
      file as unknown as { internalStream(type: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array> }
    ).internalStream('uint8array');
    const fail = (e: ImportError) => {
      if (done) return;
      done = true;
      stream.pause();
      chunks.length = 0;
      reject(e);
    };
    stream
      .on('data', (chunk: Uint8Array) => {
        if (done) return;
        size += chunk.byteLength;
        budget.left -= chunk.byteLength;
        if (size > cap || budget.left < 0) {
          const mb = Math.round((size > cap ? cap : LIMITS.zipTotalBytes) / 1048576);
          fail(
            new ImportError(
              'too-large',
              `${size > cap ? what : '这个 Word 文档的内容'}解压后超过 ${mb} MB，远超正常年报（可能是特意构造的“压缩炸弹”），已停止读取，无法导入。`,
            ),
          );
          return;
        }
        chunks.push(chunk);
      })
      .on('error', () =>
        fail(new ImportError('corrupt', `${what}已损坏，无法解压。请在 Word/WPS 中打开后另存为 .docx 再导入。`)),
      )
      .on('end', () => {
        if (done) return;
        done = true;
        const out = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) {
          out.set(c, at);
          at += c.byteLength;
        }
        resolve(out);
      })
      .resume();
  });
}
