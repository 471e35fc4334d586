import { existsSync } from 'node:fs';
import { ensureDomMatrix } from './dom-matrix';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import {
  importReport,
  keepingBuiltins,
  pdfjsExtractor,
  type ImportOptions,
  type ImportResult,
  type PdfTextExtractor,
} from '../../../shared/import/index';

/**
 * Node side of the importers: where pdf.js keeps its CMaps and standard fonts (PDFs whose
 * Chinese fonts are not embedded need the CMaps to give text), and reading a file from disk.
 */

let extractor: PdfTextExtractor | null = null;

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

export function nodePdfExtractor(): PdfTextExtractor {
  if (extractor) return extractor;
  const root = pdfjsAssetRoot();
  // pdf.js' Node readers take plain paths ending in a separator.
  const extract = pdfjsExtractor({
    cMapUrl: `${join(root, 'cmaps')}/`,
    standardFontDataUrl: `${join(root, 'standard_fonts')}/`,
  });
  extractor = async (bytes) => {
    await ensurePdfjsWorker();
    return extract(bytes);
  };
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
