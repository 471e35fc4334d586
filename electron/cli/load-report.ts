import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { formatIssues, parseReportJson } from '../../shared/model/schema';
import type { Report } from '../../shared/model/types';

/** A file the CLI could not read: the message names the file and says why (exit code 2). */
export class LoadError extends Error {}

export interface LoadedReport {
  report: Report;
  /** `file`: a report file (.json/.nianbao); `import`: read from a published document. */
  origin: 'file' | 'import';
  warnings: string[];
}

/**
 * Reads a report from a path. Report files (.json, .nianbao) are validated; other formats are
 * read by the importers (added by the import feature).
 */
export async function loadReportFile(path: string): Promise<LoadedReport> {
  const name = basename(path);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new LoadError(
      code === 'ENOENT' ? `${name}：文件不存在，请检查路径。` : code === 'EISDIR' ? `${name}：这是一个文件夹，不是文件。` : `${name}：无法读取（${code ?? String(e)}）。`,
    );
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.json' || ext === '.nianbao') {
    const res = parseReportJson(bytes.toString('utf8'));
    if (!res.ok) throw new LoadError(`${name}：不是有效的年报文件。\n${formatIssues(res.issues)}`);
    return { report: res.report, origin: 'file', warnings: [] };
  }
  throw new LoadError(`${name}：不支持的文件类型“${ext || '无扩展名'}”。请使用年报文件（.json / .nianbao）。`);
}
