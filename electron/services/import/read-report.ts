import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { formatIssues, parseReportJson } from '../../../shared/model/schema';
import type { Report } from '../../../shared/model/types';
import { ImportError } from '../../../shared/import/errors';
import { ServiceError, type ImportPreview } from '../../../shared/service/api';
import { LoadError, type LoadedReport } from './load-error';

// The importers (and pdf.js behind them) load only when a published document is read: reading a
// report file needs none of them (load-report.ts reads small ones on the calling thread).
const importBytes: typeof import('./node-import').importBytes = async (...args) =>
  (await import('./node-import')).importBytes(...args);

/**
 * The reading itself, as it runs inside an import worker (import-worker.ts): a report file is
 * parsed and validated, anything else goes through the importers. Callers on the main thread use
 * the isolated versions (isolated-import.ts), never these directly.
 */

/** A path from the command line (check, import, export, rollover, batch): throws LoadError naming the file. */
export async function readReportFile(path: string): Promise<LoadedReport> {
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

const looksLikeReportFile = (name: string, bytes: Uint8Array) =>
  /\.(json|nianbao)$/i.test(name) ||
  (bytes.length > 0 && (bytes[0] === 0x7b || (bytes[0] === 0xef && bytes[3] === 0x7b)));

/** A file the clerk picked in the app (import, batch, rollover): throws ServiceError naming the file. */
export async function readAnyBytes(name: string, bytes: Uint8Array): Promise<ImportPreview> {
  if (looksLikeReportFile(name, bytes)) {
    const res = parseReportJson(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
    if (res.ok)
      return {
        report: res.report,
        kind: 'report',
        format: res.report.format,
        warnings: res.notes.map((n) => `${n.path}：${n.message}`),
        confidence: { t2: 1, t3: 1, t4: 1 },
      };
    if (/\.(json|nianbao)$/i.test(name))
      throw new ServiceError(`${name}：不是有效的年报文件。\n${formatIssues(res.issues, 5)}`, 'invalid');
  }
  try {
    const res = await importBytes(bytes, name);
    return {
      report: res.report,
      kind: res.kind,
      format: res.format,
      warnings: res.warnings,
      confidence: res.confidence,
      ...(res.differences ? { differences: res.differences } : {}),
      ...(res.embedded ? { embedded: res.embedded } : {}),
    };
  } catch (e) {
    if (e instanceof ImportError)
      throw new ServiceError(e.message.startsWith(name) ? e.message : `${name}：${e.message}`, 'invalid');
    throw e;
  }
}

/** Last year's report from a file: an exported .docx counts as its visible text (what was signed). */
export async function lastYearFromBytes(name: string, bytes: Uint8Array): Promise<Report> {
  const { readExportedDocx } = await import('../../../shared/import/exported-docx');
  const back = await readExportedDocx(bytes).catch(() => null);
  if (back) return back.visibleReport;
  return (await readAnyBytes(name, bytes)).report;
}
