import { readFile, stat } from 'node:fs/promises';
import { basename, extname, isAbsolute, resolve } from 'node:path';
import { ServiceError, type NianbaoApi } from '../../shared/service/api';
import { formatIssues, parseReportJson } from '../../shared/model/schema';
import type { Report } from '../../shared/model/types';

export const REPORT_EXTENSIONS = ['.nianbao', '.json'] as const;
/** Far above any real report (a few hundred KB); protects the app from a mistaken pick. */
export const MAX_REPORT_FILE_BYTES = 20 * 1024 * 1024;

/**
 * The report files named on a command line: the file manager starts the app with the path of a
 * double-clicked .nianbao file (Windows, Linux), and a second start forwards its argv here.
 * Flags and the app's own paths are skipped; relative paths are resolved against `cwd`.
 */
export function reportFilesFromArgv(argv: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (const a of argv.slice(1)) {
    if (!a || a.startsWith('-')) continue;
    if (extname(a).toLowerCase() !== '.nianbao') continue;
    files.push(isAbsolute(a) ? a : resolve(cwd, a));
  }
  return files;
}

export type OpenOutcome = { ok: true; report: Report; path: string } | { ok: false; message: string; missing: boolean };

/**
 * Opens a report file from disk: reads it, validates it (a Chinese message naming the file and
 * each problem otherwise) and hands it to the service, which adds it to the library.
 */
export async function openReportPath(path: string, service: Pick<NianbaoApi, 'openReportFile'>): Promise<OpenOutcome> {
  const name = basename(path);
  const ext = extname(path).toLowerCase();
  if (!(REPORT_EXTENSIONS as readonly string[]).includes(ext)) {
    return {
      ok: false,
      missing: false,
      message: `无法打开“${name}”：不支持的文件类型“${ext || '无扩展名'}”。请选择年报文件（.nianbao）。`,
    };
  }
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.isDirectory())
      return { ok: false, missing: false, message: `无法打开“${name}”：这是一个文件夹，不是年报文件。` };
    if (info.size > MAX_REPORT_FILE_BYTES) {
      return {
        ok: false,
        missing: false,
        message: `无法打开“${name}”：文件过大（${Math.round(info.size / 1048576)} MB），不像是年报文件。请确认选择的文件。`,
      };
    }
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      return { ok: false, missing: true, message: `无法打开“${name}”：文件不存在，可能已被移动或删除。\n${path}` };
    return {
      ok: false,
      missing: false,
      message: `无法打开“${name}”：读取失败（${code ?? String(e)}）。请检查文件是否被其他程序占用或没有读取权限。`,
    };
  }
  const parsed = parseReportJson(bytes.toString('utf8'));
  if (!parsed.ok) {
    return {
      ok: false,
      missing: false,
      message: `无法打开“${name}”：不是有效的年报文件。\n${formatIssues(parsed.issues, 6)}`,
    };
  }
  try {
    const report = await service.openReportFile({ name, data: bytes.toString('base64') });
    return { ok: true, report, path };
  } catch (e) {
    const message = e instanceof ServiceError || e instanceof Error ? e.message : String(e);
    return { ok: false, missing: false, message: `无法打开“${name}”：${message}` };
  }
}
