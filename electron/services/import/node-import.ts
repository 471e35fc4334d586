import { existsSync, writeSync } from 'node:fs';
import { ensureDomMatrix } from './dom-matrix';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import type { ImportOptions, ImportResult } from '../../../shared/import/index';
import { keepingBuiltins, pdfjsExtractor, type PdfTextExtractor } from '../../../shared/import/pdf/pdfjs';
import type { Inflate } from '../../../shared/import/pdf/fast/extract';
import { loadWithCodeCache, type CachedScript } from '../code-cache';

/**
 * Node side of the importers: where pdf.js keeps its CMaps and standard fonts (PDFs whose
 * Chinese fonts are not embedded need the CMaps to give text), and reading a file from disk.
 */

/** This module's file: its path in a CommonJS bundle, its URL in an ES module (bundle or source). */
const HERE = typeof __filename === 'string' ? __filename : import.meta.url;

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
  const require = createRequire(HERE);
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

type FastReader = typeof import('../../../shared/import/pdf/fast/extract');

/** The CLI bundle's name for the reader's script with a code cache (build/scripts/cli-build.mjs); none elsewhere. */
declare const __NB_PDF_READER_SCRIPT__: string | undefined;

/** A script of the CLI bundle with its code cache (services/code-cache.ts); none with NIANBAO_CODE_CACHE=0. */
function cachedScript<T>(name: string | undefined): CachedScript<T> | undefined {
  if (!name || process.env.NIANBAO_CODE_CACHE === '0') return undefined;
  // Beside the bundle that runs this (the CLI's main bundle or its import worker, both in dist/cli).
  const script = loadWithCodeCache<T>(join(dirname(fileURLToPath(HERE)), name));
  if (process.env.NIANBAO_DEBUG_CODE_CACHE) {
    // Straight to fd 2: an import worker's process.stderr reaches it through the main thread, and
    // may be cut short when the command exits.
    writeSync(2, `[nianbao] ${name}: ${script.cacheUsed ? 'code cache used' : 'no code cache'}\n`);
  }
  return script;
}

/**
 * The fast reader, loaded with the first PDF. The CLI bundle has it as a CommonJS script with the
 * V8 code cache made at build time (services/code-cache.ts): run cold, the reader's ~170 functions
 * would each be parsed and compiled on their first call. Elsewhere (the app's bundle, tests, tsx),
 * and with NIANBAO_CODE_CACHE=0, it is a module loaded as any other.
 */
async function loadFastReader(): Promise<{ reader: FastReader; script?: CachedScript<FastReader> }> {
  const script = cachedScript<FastReader>(
    typeof __NB_PDF_READER_SCRIPT__ === 'string' ? __NB_PDF_READER_SCRIPT__ : undefined,
  );
  if (script) return { reader: script.exports, script };
  return { reader: await import('../../../shared/import/pdf/fast/extract') };
}

type Importer = typeof import('./importer-script');

/** The CLI bundle's name for the script of the other importers (build/scripts/cli-build.mjs); none elsewhere. */
declare const __NB_IMPORTER_SCRIPT__: string | undefined;

/**
 * The importers but the fast reader (importer-script.ts). The CLI bundle has them as a CommonJS
 * script with the code cache made at build time, loaded with this module — where its ES import of
 * them was evaluated before (in the CLI's import worker: with the first import, read-report.ts
 * loads this module then) — so that a PDF import's layout, tables, headings and sections do not
 * parse and compile their functions one by one. Elsewhere, and with NIANBAO_CODE_CACHE=0, a module
 * loaded with the first import.
 */
const importerScript = cachedScript<Importer>(
  typeof __NB_IMPORTER_SCRIPT__ === 'string' ? __NB_IMPORTER_SCRIPT__ : undefined,
);
/** Its cache is written after the first import, if it had none (the build's training run, or a refused cache). */
let importerUnsaved = importerScript;

/**
 * The PDF reader of the app and the CLI: our fast reader (shared/import/pdf/fast, a few
 * milliseconds and nothing to load), and pdf.js — loaded only then — for every file it does not
 * fully understand. Both give the same items (test/unit/import/pdf-fast-sameness.test.ts).
 */
export function nodePdfExtractor(): PdfTextExtractor {
  if (extractor) return extractor;
  // The reader is loaded with the first PDF (as pdf.js was).
  const fast = loadFastReader();
  let script: CachedScript<FastReader> | undefined;
  const read = fast.then((m) => {
    script = m.script;
    return m.reader.withFallback(zlibInflate, (bytes) => nodePdfjsExtractor()(bytes));
  });
  extractor = async (bytes) => {
    try {
      return await (
        await read
      )(bytes);
    } finally {
      // After the first file the reader's compiled functions go into its cache, if it had none
      // (the build's training run, or a cache V8 refused); once only.
      script?.saveCache();
      script = undefined;
    }
  };
  return extractor;
}

/** importReport with the Node PDF setup. */
export async function importBytes(
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const { importReport } = importerScript?.exports ?? (await import('./importer-script'));
  try {
    return await importReport(bytes, fileName, { pdf: nodePdfExtractor(), ...options });
  } finally {
    importerUnsaved?.saveCache();
    importerUnsaved = undefined;
  }
}

/** Reads and imports a file; file-system errors are not caught here (callers word them). */
export async function importFile(path: string, options: ImportOptions = {}): Promise<ImportResult> {
  const bytes = await readFile(path);
  return importBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), basename(path), options);
}

export const fileUrl = (p: string) => pathToFileURL(p).href;
