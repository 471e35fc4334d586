import { stat } from 'node:fs/promises';
import { sharedImportPool } from './isolated-import';
import { LoadError, type LoadedReport } from './load-error';
import { readReportFile } from './read-report';

export { LoadError, type LoadedReport } from './load-error';

/** Extensions the importers read (content decides; these are what `batch` picks from a folder). */
export const IMPORTABLE_EXTENSIONS = ['.docx', '.html', '.htm', '.shtml', '.xhtml', '.txt', '.text', '.pdf'] as const;
export const REPORT_EXTENSIONS = ['.json', '.nianbao'] as const;

/**
 * Report files up to this size are read on the calling thread: parsing and validating one is
 * linear and takes milliseconds (a real report file is 10–200 KB), while starting an import worker
 * costs a fresh V8 isolate and the importers' code — most of a `nianbao check` or `export`.
 */
export const INLINE_REPORT_FILE_BYTES = 1024 * 1024;

/**
 * Reads a report from a path. Report files (.json, .nianbao) are validated; published reports
 * (.docx, .html/.htm, .txt, .pdf, or content that sniffs as one of them) go through the importers,
 * and carry `meta.source` so that the checks run in import mode. Imports, and report files larger
 * than INLINE_REPORT_FILE_BYTES, are read in an import worker (isolated-import.ts): a file over the
 * time or memory limit is refused like a damaged one. Throws LoadError with a message naming the file.
 */
export async function loadReportFile(path: string): Promise<LoadedReport> {
  if (/\.(json|nianbao)$/i.test(path)) {
    const size = await stat(path).then(
      (s) => (s.isFile() ? s.size : -1),
      () => -1,
    );
    if (size >= 0 && size <= INLINE_REPORT_FILE_BYTES) {
      try {
        return await readReportFile(path);
      } catch (e) {
        if (e instanceof LoadError) throw e;
        // Anything unexpected (a stack overflow on absurd nesting…): read again in a worker, which
        // bounds it and words the message as for any damaged file.
      }
    }
  }
  return sharedImportPool().loadFile(path);
}
