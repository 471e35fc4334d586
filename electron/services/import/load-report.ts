import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { formatIssues, parseReportJson } from '../../../shared/model/schema';
import type { Report } from '../../../shared/model/types';
import { ImportError, type ImportResult } from '../../../shared/import/index';
import { importBytes } from './node-import';

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

/** Extensions the importers read (content decides; these are what `batch` picks from a folder). */
export const IMPORTABLE_EXTENSIONS = ['.docx', '.html', '.htm', '.shtml', '.xhtml', '.txt', '.text', '.pdf'] as const;
export const REPORT_EXTENSIONS = ['.json', '.nianbao'] as const;

/**
 * Reads a report from a path. Report files (.json, .nianbao) are validated; published reports
 * (.docx, .html/.htm, .txt, .pdf, or content that sniffs as one of them) go through the importers,
 * and carry `meta.source` so that the checks run in import mode.
 */
export async function loadReportFile(path: string): Promise<LoadedReport> {
  const name = basename(path);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new LoadError(
      code === 'ENOENT'
        ? `${name}：文件不存在，请检查路径。`
        : code === 'EISDIR'
          ? `${name}：这是一个文件夹，不是文件。`
          : `${name}：无法读取（${code ?? String(e)}）。`,
    );
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.json' || ext === '.nianbao') {
    const res = parseReportJson(bytes.toString('utf8'));
    if (!res.ok) throw new LoadError(`${name}：不是有效的年报文件。\n${formatIssues(res.issues)}`);
    // What the tolerant reader converted or set aside (a file written by hand or by another program).
    return { report: res.report, origin: 'file', warnings: res.notes.map((n) => `${n.path}：${n.message}`) };
  }
  if (ext === '.doc' || ext === '.wps') {
    throw new LoadError(
      `${name}：旧版 Word/WPS 文件（${ext}）无法直接读取。请在 Word 或 WPS 中“另存为” .docx 后再试。`,
    );
  }
  try {
    const imported = await importBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), name);
    return { report: imported.report, origin: 'import', warnings: imported.warnings, imported };
  } catch (e) {
    if (e instanceof ImportError) throw new LoadError(`${name}：${e.message}`);
    throw new LoadError(`${name}：导入失败（${e instanceof Error ? e.message : String(e)}）。`);
  }
}
