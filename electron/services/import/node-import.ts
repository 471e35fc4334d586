import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { importReport, pdfjsExtractor, type ImportOptions, type ImportResult, type PdfTextExtractor } from '../../../shared/import/index';

/**
 * Node side of the importers: where pdf.js keeps its CMaps and standard fonts (PDFs whose
 * Chinese fonts are not embedded need the CMaps to give text), and reading a file from disk.
 */

let extractor: PdfTextExtractor | null = null;

export function nodePdfExtractor(): PdfTextExtractor {
  if (extractor) return extractor;
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  // pdf.js' Node readers take plain paths ending in a separator.
  extractor = pdfjsExtractor({ cMapUrl: `${join(root, 'cmaps')}/`, standardFontDataUrl: `${join(root, 'standard_fonts')}/` });
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
