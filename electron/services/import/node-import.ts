import { existsSync } from 'node:fs';
import { ensureDomMatrix } from './dom-matrix';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import {
  importReport,
  keepingBuiltins,
  pdfjsExtractor,
  type ImportOptions,
  type ImportResult,
  type PdfTextExtractor,
} from '../../../shared/import/index';
import type { Inflate } from '../../../shared/import/pdf/fast/extract';

/**
 * Node side of the importers: where pdf.js keeps its CMaps and standard fonts (PDFs whose
 * Chinese fonts are not embedded need the CMaps to give text), and reading a file from disk.
 */

let extractor: PdfTextExtractor | null = null;
let pdfjsExtract: PdfTextExtractor | null = null;

/**
 * pdf.js' CMaps and standard fonts: next to the main bundle in the packaged app (copied there by
 * build/scripts/pdfjs-assets.mjs), else in node_modules.
 */
function pdfjsAssetRoot(): string {
  // In the CommonJS bundle __dirname is the bundle's folder and import.meta is empty.
  if (typeof __dirname === 'string') {
    const bundled = join(__dirname, 'pdfjs');
    if (existsSync(join(bundled, 'cmaps'))) return bundled;
  }
  const require = createRequire(typeof __filename === 'string' ? __filename : import.meta.url);
  return dirname(require.resolve('pdfjs-dist/package.json'));
}

/**
 * pdf.js runs its parser on the main thread in Node through `globalThis.pdfjsWorker`; importing the
 * worker module here lets the bundler include it, so no worker file has to be found at run time.
 * Loaded once (the engine's built-ins kept: see keepingBuiltins), before pdf.js itself.
 */
let workerModule: Promise<unknown> | null = null;
async function ensurePdfjsWorker(): Promise<void> {
  ensureDomMatrix();
  const g = globalThis as { pdfjsWorker?: unknown };
  workerModule ??= keepingBuiltins(() => import('pdfjs-dist/legacy/build/pdf.worker.mjs'));
  g.pdfjsWorker ??= await workerModule;
}

/** zlib inflate for the fast PDF reader, capped (a stream past the cap sends the file to pdf.js, whose own caps apply). */
export const zlibInflate: Inflate = (data, maxOutput) => {
  const out = inflateSync(data, { maxOutputLength: Math.max(1, maxOutput) });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
};

/** pdf.js as Node runs it (CMaps, standard fonts, its worker on this thread). */
export function nodePdfjsExtractor(): PdfTextExtractor {
  if (pdfjsExtract) return pdfjsExtract;
  const root = pdfjsAssetRoot();
  // pdf.js' Node readers take plain paths ending in a separator.
  const extract = pdfjsExtractor({
    cMapUrl: `${join(root, 'cmaps')}/`,
    standardFontDataUrl: `${join(root, 'standard_fonts')}/`,
  });
  pdfjsExtract = async (bytes) => {
    await ensurePdfjsWorker();
    return extract(bytes);
  };
  return pdfjsExtract;
}

/**
 * The PDF reader of the app and the CLI: our fast reader (shared/import/pdf/fast, a few
 * milliseconds and nothing to load), and pdf.js — loaded only then — for every file it does not
 * fully understand. Both give the same items (test/unit/import/pdf-fast-sameness.test.ts).
 */
export function nodePdfExtractor(): PdfTextExtractor {
  if (extractor) return extractor;
  // The reader is a chunk of its own in the bundles, loaded with the first PDF (as pdf.js was).
  const fast = import('../../../shared/import/pdf/fast/extract').then((m) =>
    m.withFallback(zlibInflate, (bytes) => nodePdfjsExtractor()(bytes)),
  );
  extractor = async (bytes) => (await fast)(bytes);
  return extractor;
}

/** importReport with the Node PDF setup. */
export function importBytes(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<ImportResult> {
  return importReport(bytes, fileName, { pdf: nodePdfExtractor(), ...options });
}

/** Reads and imports a file; file-system errors are not caught here (callers word them). */
export async function importFile(path: string, options: ImportOptions = {}): Promise<ImportResult> {
  const bytes = await readFile(path);
  return importBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), basename(path), options);
}

export const fileUrl = (p: string) => pathToFileURL(p).href;
