import { sharedImportPool } from './isolated-import';
import type { LoadedReport } from './load-error';

export { LoadError, type LoadedReport } from './load-error';

/** Extensions the importers read (content decides; these are what `batch` picks from a folder). */
export const IMPORTABLE_EXTENSIONS = ['.docx', '.html', '.htm', '.shtml', '.xhtml', '.txt', '.text', '.pdf'] as const;
export const REPORT_EXTENSIONS = ['.json', '.nianbao'] as const;

/**
 * Reads a report from a path. Report files (.json, .nianbao) are validated; published reports
 * (.docx, .html/.htm, .txt, .pdf, or content that sniffs as one of them) go through the importers,
 * and carry `meta.source` so that the checks run in import mode. The reading runs in an import
 * worker (isolated-import.ts): a file over the time or memory limit is refused like a damaged one.
 * Throws LoadError with a message naming the file.
 */
export function loadReportFile(path: string): Promise<LoadedReport> {
  return sharedImportPool().loadFile(path);
}
