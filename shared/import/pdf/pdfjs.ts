import { ImportError, LIMITS } from '../errors';
import { type TextItemLike, toItems } from './items';
import type { PdfPage } from './layout';
import { guardPdfStreams } from './stream-guard';

/**
 * Thin adapter over pdf.js (pdfjs-dist 5, legacy build: runs in Node and in browsers). It only
 * turns a PDF into positioned text; everything else is pure code in layout.ts. Node callers pass
 * file URLs of pdf.js' CMaps and standard fonts (see electron/services/import), needed by PDFs
 * whose Chinese fonts are not embedded.
 *
 * pdf.js is asked for text only (docs/import.md, “PDF”): text content of each page and nothing
 * else — no operator lists, no rendering, no font faces, no images, no XFA, no WebAssembly
 * decoders; errors inside a page are skipped (a damaged page costs its text, not the file). The
 * 14 standard fonts are not loaded from their files (their text needs only their encodings and
 * the built-in metrics); Symbol and ZapfDingbats still are. One pdf.js worker serves every
 * document of the process (in Node a “fake” worker on this thread), so its setup is done once.
 */

export interface PdfjsOptions {
  cMapUrl?: string;
  standardFontDataUrl?: string;
  /** Browser only: where pdf.worker.mjs is served from. */
  workerSrc?: string;
}

export interface PdfText {
  pages: PdfPage[];
  numPages: number;
}

export type PdfTextExtractor = (bytes: Uint8Array) => Promise<PdfText>;

interface PdfjsModule {
  getDocument(src: Record<string, unknown>): { promise: Promise<PdfDoc>; destroy(): Promise<void> };
  GlobalWorkerOptions: { workerSrc: string };
  PDFWorker: new (params: { name?: string; verbosity?: number }) => PdfjsWorker;
}
interface PdfjsWorker {
  destroyed: boolean;
}
interface PdfDoc {
  numPages: number;
  getPage(n: number): Promise<PdfPageProxy>;
  destroy(): Promise<void>;
}
interface PdfPageProxy {
  getViewport(o: { scale: number }): { width: number; height: number; transform: number[] };
  getTextContent(o?: Record<string, unknown>): Promise<{ items: TextItemLike[] }>;
  cleanup(): void;
}

/**
 * The legacy build of pdf.js carries core-js, which on loading replaces some of the engine's own
 * built-ins, process-wide, with JavaScript versions that fix edge cases we never reach (on Node 20:
 * Array.prototype.push for lengths past 2³², JSON.stringify for JSON.rawJSON, JSON.parse for the
 * reviver's source text, Function.prototype.toString). They are several times slower — every push
 * and every JSON.stringify of the importers, the checks and the CLI after the first PDF paid for
 * it. The built-ins pdf.js finds missing (Promise.withResolvers, Uint8Array.fromBase64…) are
 * added and stay; built-ins that were already there are put back once pdf.js has loaded.
 */
export async function keepingBuiltins<T>(load: () => Promise<T>): Promise<T> {
  const holders: object[] = [JSON, Math, Reflect, Object.getPrototypeOf(Uint8Array) as object];
  for (const ctor of [
    Object,
    Function,
    Array,
    String,
    Number,
    Boolean,
    Symbol,
    Date,
    RegExp,
    Error,
    Map,
    Set,
    WeakMap,
    WeakSet,
    Promise,
    ArrayBuffer,
    DataView,
  ])
    holders.push(ctor, ctor.prototype as object);
  const saved: [object, PropertyKey, PropertyDescriptor][] = [];
  for (const holder of holders) {
    for (const key of Reflect.ownKeys(holder)) {
      const d = Object.getOwnPropertyDescriptor(holder, key);
      if (d && typeof d.value === 'function') saved.push([holder, key, d]);
    }
  }
  try {
    return await load();
  } finally {
    for (const [holder, key, d] of saved) {
      if (Object.getOwnPropertyDescriptor(holder, key)?.value !== d.value) Object.defineProperty(holder, key, d);
    }
  }
}

let loaded: Promise<PdfjsModule> | null = null;
const loadPdfjs = () =>
  (loaded ??= keepingBuiltins(() => import('pdfjs-dist/legacy/build/pdf.mjs') as unknown as Promise<PdfjsModule>));

let worker: PdfjsWorker | null = null;
/** The worker every document is loaded on (made again only if pdf.js destroyed it). */
function sharedWorker(pdfjs: PdfjsModule): PdfjsWorker {
  if (!worker || worker.destroyed) worker = new pdfjs.PDFWorker({ name: 'nianbao-text', verbosity: 0 });
  return worker;
}

export function pdfjsExtractor(options: PdfjsOptions = {}): PdfTextExtractor {
  return async (bytes) => {
    // pdf.js inflates whole streams outside the heap's cap: refuse bombs before it reads the file.
    await guardPdfStreams(bytes);
    const pdfjs = await loadPdfjs();
    if (options.workerSrc) pdfjs.GlobalWorkerOptions.workerSrc = options.workerSrc;
    const task = pdfjs.getDocument({
      // pdf.js may detach the buffer it is given: hand it a copy.
      data: bytes.slice(),
      worker: sharedWorker(pdfjs),
      ...(options.cMapUrl ? { cMapUrl: options.cMapUrl, cMapPacked: true } : {}),
      ...(options.standardFontDataUrl ? { standardFontDataUrl: options.standardFontDataUrl } : {}),
      // Standard fonts without their font files (see above); fonts are never turned into faces.
      useSystemFonts: true,
      disableFontFace: true,
      fontExtraProperties: false,
      isEvalSupported: false,
      isOffscreenCanvasSupported: false,
      isImageDecoderSupported: false,
      useWasm: false,
      enableXfa: false,
      stopAtErrors: false,
      verbosity: 0,
    });
    let doc: PdfDoc;
    try {
      doc = await task.promise;
    } catch (e) {
      await task.destroy().catch(() => undefined);
      throw pdfError(e);
    }
    try {
      const pages: PdfPage[] = [];
      const n = Math.min(doc.numPages, LIMITS.pdfPages);
      for (let i = 1; i <= n; i++) {
        let page: PdfPageProxy;
        try {
          page = await doc.getPage(i);
        } catch (e) {
          if (i === 1) throw pdfError(e);
          break; // a truncated file: keep the pages that could be read
        }
        const vp = page.getViewport({ scale: 1 });
        let items: TextItemLike[] = [];
        try {
          items = (await page.getTextContent({ includeMarkedContent: false })).items;
        } catch {
          items = [];
        }
        pages.push({ width: vp.width, height: vp.height, items: toItems(items, vp.transform) });
        page.cleanup();
      }
      return { pages, numPages: doc.numPages };
    } finally {
      await doc.destroy().catch(() => undefined);
    }
  };
}

function pdfError(e: unknown): ImportError {
  const name = (e as { name?: string })?.name ?? '';
  const message = (e as { message?: string })?.message ?? String(e);
  if (name === 'PasswordException' || /password/i.test(message)) {
    return new ImportError(
      'encrypted',
      '这个 PDF 文件设置了密码（已加密），无法读取。请向发布单位索取未加密的版本，或在 PDF 阅读器中输入密码后“另存为”不加密的 PDF 再导入。',
    );
  }
  if (name === 'InvalidPDFException' || /Invalid PDF|Missing PDF|XRef|startxref|structure/i.test(message)) {
    return new ImportError('corrupt', '这个 PDF 文件已损坏或不完整（可能下载中断）。请重新下载完整的文件后再导入。');
  }
  return new ImportError(
    'corrupt',
    `无法读取这个 PDF 文件（${message.slice(0, 120)}）。请确认文件完整，或改用网页版、Word 版年报导入。`,
  );
}
