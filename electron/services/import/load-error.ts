import type { Report } from '../../../shared/model/types';
import type { ImportResult } from '../../../shared/import/index';

/** A file the CLI could not read: the message names the file and says why (exit code 2). */
export class LoadError extends Error {}

export interface LoadedReport {
  report: Report;
  /** `file`: a report file (.json/.nianbao); `import`: read from a published document. */
  origin: 'file' | 'import';
  warnings: string[];
  /** Imports only: the importer's full result (kind, confidence per table, differences). */
  imported?: ImportResult;
}
