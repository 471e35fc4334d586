import type { ApiMethod } from '../../shared/service/api';
import { AGENCY_KINDS } from '../../shared/model/types';
import type { ShellInvokeName } from '../../shared/service/ipc';

/**
 * Shape checks of the arguments each channel accepts, before anything reaches the service.
 * The service validates content (a report's schema) itself; this layer only makes sure a
 * compromised or buggy page cannot hand the main process something of the wrong kind or size.
 * A checker returns null when the arguments are fine, else a Chinese message.
 */
type Check = (args: readonly unknown[]) => string | null;

const MAX_ID = 200;
const MAX_PATH = 4096;
/** Base64 of the largest file the app reads or writes (about 60 MB decoded). */
const MAX_BASE64 = 80 * 1024 * 1024;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

const isPath = (v: unknown) => typeof v === 'string' && v.trim() !== '' && v.length <= MAX_PATH && !v.includes('\0');
const isId = (v: unknown) => typeof v === 'string' && v.trim() !== '' && v.length <= MAX_ID;
const isBase64 = (v: unknown) => typeof v === 'string' && v.length <= MAX_BASE64 && /^[A-Za-z0-9+/]*={0,2}$/.test(v);

function arity(min: number, max: number = min): Check {
  return (args) =>
    args.length < min || args.length > max
      ? `参数个数不对（应为 ${min === max ? min : `${min}–${max}`} 个，实际 ${args.length} 个）。`
      : null;
}

function all(...checks: Check[]): Check {
  return (args) => {
    for (const c of checks) {
      const problem = c(args);
      if (problem) return problem;
    }
    return null;
  };
}

const arg =
  (i: number, ok: (v: unknown) => boolean, what: string): Check =>
  (args) =>
    ok(args[i]) ? null : `第 ${i + 1} 个参数应为${what}。`;

const none = arity(0);
const EXPORT_FORMATS = ['docx', 'html', 'pdf', 'fragment'];
const isFile = (v: unknown) =>
  isPlainObject(v) && typeof v.name === 'string' && v.name.length <= 500 && isBase64(v.data);
const oneFile = all(arity(1), arg(0, isFile, '文件（名称与 base64 内容）'));
const oneId = all(arity(1), arg(0, isId, '报告编号（非空文本）'));

export const API_ARG_CHECKS: Record<ApiMethod, Check> = {
  appInfo: none,
  listReports: none,
  getReport: oneId,
  createReport: all(
    arity(1),
    arg(
      0,
      (v) =>
        isPlainObject(v) &&
        typeof v.agency === 'string' &&
        v.agency.length <= 200 &&
        (AGENCY_KINDS as readonly unknown[]).includes(v.kind) &&
        typeof v.year === 'number' &&
        Number.isInteger(v.year) &&
        (v.format === undefined || typeof v.format === 'string'),
      '新建年报的信息（机关名称、类型、年度）',
    ),
  ),
  createSampleReport: none,
  saveReport: all(arity(1), arg(0, isPlainObject, '年报内容（对象）')),
  duplicateReport: oneId,
  deleteReport: oneId,
  restoreReport: oneId,
  listBackups: oneId,
  restoreBackup: all(arity(2), arg(0, isId, '报告编号'), arg(1, isId, '备份名称')),
  getSettings: none,
  updateSettings: all(arity(1), arg(0, isPlainObject, '设置（对象）')),
  revealDataDir: all(
    arity(0, 1),
    arg(
      0,
      (v) => v === undefined || v === 'reports' || v === 'backups' || v === 'damaged' || v === 'trash',
      '数据子文件夹名称',
    ),
  ),
  openReportFile: oneFile,
  exportReport: all(
    arity(1),
    arg(
      0,
      (v) =>
        isPlainObject(v) &&
        isId(v.id) &&
        Array.isArray(v.formats) &&
        v.formats.length <= EXPORT_FORMATS.length &&
        v.formats.every((f) => EXPORT_FORMATS.includes(f as string)) &&
        (v.dir === undefined || isPath(v.dir)),
      '导出请求（报告编号、格式、文件夹）',
    ),
  ),
  renderReport: all(
    arity(2),
    arg(0, isId, '报告编号'),
    arg(1, (v) => [...EXPORT_FORMATS, 'report'].includes(v as string), '导出格式'),
  ),
  revealExport: all(arity(1), arg(0, isPath, '文件或文件夹路径')),
  importFile: oneFile,
  rolloverReport: all(
    arity(1),
    arg(
      0,
      (v) =>
        isPlainObject(v) &&
        (v.fromId === undefined || isId(v.fromId)) &&
        (v.file === undefined || isFile(v.file)) &&
        (v.fromId !== undefined || v.file !== undefined) &&
        (v.year === undefined || (typeof v.year === 'number' && Number.isInteger(v.year))) &&
        (v.agency === undefined || (typeof v.agency === 'string' && v.agency.length <= 200)),
      '新建请求（上年报告或文件、年度、机关名称）',
    ),
  ),
  aggregateReadUnits: all(
    arity(1),
    arg(
      0,
      (v) =>
        isPlainObject(v) &&
        isPlainObject(v.government) &&
        typeof v.government.agency === 'string' &&
        v.government.agency.length <= 200 &&
        typeof v.government.year === 'number' &&
        (v.government.roster === undefined ||
          (Array.isArray(v.government.roster) && v.government.roster.length <= 20000)) &&
        (v.ids === undefined || (Array.isArray(v.ids) && v.ids.length <= 20000 && v.ids.every(isId))) &&
        (v.files === undefined || (Array.isArray(v.files) && v.files.length <= 16 && v.files.every(isFile))),
      '汇总读取请求（本级政府、年报库中的报告或文件）',
    ),
  ),
  aggregateWorkbook: oneId,
  agencyHistory: all(
    arity(1),
    arg(0, (v) => typeof v === 'string' && v.length <= 200, '机关名称'),
  ),
};

const KINDS_PICK = ['report', 'import'];
const KINDS_SAVE = ['report', 'docx', 'html', 'pdf'];

export const SHELL_ARG_CHECKS: Record<ShellInvokeName, Check> = {
  pickFile: all(
    arity(1),
    arg(0, (v) => KINDS_PICK.includes(v as string), '文件类型（report 或 import）'),
  ),
  saveFileAs: all(
    arity(3),
    arg(0, (v) => typeof v === 'string' && v.length <= 255 && !v.includes('\0'), '默认文件名'),
    arg(1, isBase64, 'base64 内容'),
    arg(2, (v) => KINDS_SAVE.includes(v as string), '文件类型（report、docx、html 或 pdf）'),
  ),
  pickFolder: all(
    arity(0, 1),
    arg(0, (v) => v === undefined || isPath(v), '文件夹路径'),
  ),
  revealPath: all(arity(1), arg(0, isPath, '文件或文件夹路径')),
  openExternal: all(
    arity(1),
    arg(0, (v) => typeof v === 'string' && v.length <= 2000, '网址'),
  ),
};

export function checkDocumentState(v: unknown): { dirty: boolean; title: string } | null {
  if (!isPlainObject(v) || typeof v.dirty !== 'boolean' || typeof v.title !== 'string') return null;
  return { dirty: v.dirty, title: v.title.slice(0, 200) };
}
