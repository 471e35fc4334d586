import { AGENCY_KINDS } from '../model/types';
import type { ApiMethod } from './api';

/**
 * The shape of every API method's arguments, checked where a call enters the main side (the IPC
 * handlers and the loopback server) before the service sees it. The service checks content (a
 * report's schema); this layer makes sure that a buggy or compromised page gets a message that
 * names the wrong argument — “导出请求的 formats（导出格式）应为列表…，实际为文本” — instead of a
 * TypeError deep inside and “发生意外错误”. A check returns null when the arguments are fine.
 */
export type ArgCheck = (args: readonly unknown[]) => string | null;
/** null when the value is fine, else what it should be (“应为…”). */
type Rule = (v: unknown) => string | null;

const MAX_ID = 200;
const MAX_PATH = 4096;
/** Base64 of the largest file the app reads or writes (about 60 MB decoded). */
export const MAX_BASE64 = 80 * 1024 * 1024;
export const EXPORT_FORMATS = ['docx', 'html', 'pdf', 'fragment'] as const;

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** What a value is, in the clerk's words, for “实际为…”. */
export function kindOf(v: unknown): string {
  if (v === undefined) return '未提供';
  if (v === null) return '空值（null）';
  if (typeof v === 'string') return v.length > 40 ? `文本（${v.length} 个字符）` : `文本“${v}”`;
  if (typeof v === 'number') return `数字 ${v}`;
  if (typeof v === 'boolean') return `真假值 ${v}`;
  if (Array.isArray(v)) return `列表（${v.length} 项）`;
  if (typeof v === 'object') return '对象';
  return typeof v;
}

const rule =
  (ok: (v: unknown) => boolean, should: string): Rule =>
  (v) =>
    ok(v) ? null : should;

export const isPath = (v: unknown): boolean =>
  typeof v === 'string' && v.trim() !== '' && v.length <= MAX_PATH && !v.includes('\0');
export const isId = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '' && v.length <= MAX_ID;
export const isBase64 = (v: unknown): boolean =>
  typeof v === 'string' && v.length <= MAX_BASE64 && /^[A-Za-z0-9+/]*={0,2}$/.test(v);

const id = rule(isId, `应为非空文本（最多 ${MAX_ID} 个字符）`);
const path = rule(isPath, `应为完整路径（文本，最多 ${MAX_PATH} 个字符）`);
const text = (max: number) => rule((v) => typeof v === 'string' && v.length <= max, `应为文本（最多 ${max} 个字符）`);
const integer = rule((v) => typeof v === 'number' && Number.isInteger(v), '应为整数');
const optional =
  (r: Rule): Rule =>
  (v) =>
    v === undefined ? null : r(v);
const oneOf = (values: readonly string[]) =>
  rule((v) => values.includes(v as string), `应为 ${values.join('、')} 之一`);
const listOf =
  (item: Rule, max: number, should: string): Rule =>
  (v) => {
    if (!Array.isArray(v) || v.length > max) return `应为列表（${should}，最多 ${max} 项）`;
    for (let i = 0; i < v.length; i++) {
      const p = item(v[i]);
      if (p) return `的第 ${i + 1} 项${p}，实际为${kindOf(v[i])}`;
    }
    return null;
  };

/** An object with named fields: the message names the field (`的 formats（导出格式）应为…`). */
const fields =
  (shape: Record<string, [label: string, rule: Rule]>, extra?: (v: Record<string, unknown>) => string | null): Rule =>
  (v) => {
    if (!isPlainObject(v)) return '应为对象';
    for (const [key, [label, r]] of Object.entries(shape)) {
      const p = r(v[key]);
      // A list or an object names its own part ("的第 2 项…，实际为…"); anything else says what it got.
      if (p)
        return p.startsWith('的') ? `的 ${key}（${label}）${p}` : `的 ${key}（${label}）${p}，实际为${kindOf(v[key])}`;
    }
    return extra?.(v) ?? null;
  };

const file = fields({ name: ['文件名', text(500)], data: ['文件内容', rule(isBase64, '应为 base64 文本')] });

/** Argument `i`, called `name` in messages, must satisfy `r`. */
function arg(i: number, name: string, r: Rule): ArgCheck {
  return (args) => {
    const p = r(args[i]);
    if (!p) return null;
    const where = `第 ${i + 1} 个参数（${name}）`;
    return p.startsWith('的') ? `${where}${p}。` : `${where}${p}，实际为${kindOf(args[i])}。`;
  };
}

function arity(min: number, max: number = min): ArgCheck {
  return (args) =>
    args.length < min || args.length > max
      ? `参数个数不对（应为 ${min === max ? min : `${min}–${max}`} 个，实际 ${args.length} 个）。`
      : null;
}

function all(...checks: ArgCheck[]): ArgCheck {
  return (args) => {
    for (const c of checks) {
      const problem = c(args);
      if (problem) return problem;
    }
    return null;
  };
}

const none = arity(0);
const oneFile = all(arity(1), arg(0, '文件', file));
const oneId = all(arity(1), arg(0, '报告编号', id));

export const API_ARG_CHECKS: Record<ApiMethod, ArgCheck> = {
  appInfo: none,
  listReports: none,
  getReport: oneId,
  createReport: all(
    arity(1),
    arg(
      0,
      '新建年报的信息',
      fields({
        agency: ['机关名称', text(200)],
        kind: ['机关类型', oneOf(AGENCY_KINDS)],
        year: ['年度', integer],
        format: ['格式', optional(text(40))],
      }),
    ),
  ),
  createSampleReport: none,
  saveReport: all(arity(1), arg(0, '年报内容', rule(isPlainObject, '应为对象'))),
  duplicateReport: oneId,
  deleteReport: oneId,
  restoreReport: oneId,
  listBackups: oneId,
  restoreBackup: all(arity(2), arg(0, '报告编号', id), arg(1, '备份名称', id)),
  getSettings: none,
  updateSettings: all(arity(1), arg(0, '设置', rule(isPlainObject, '应为对象'))),
  revealDataDir: all(arity(0, 1), arg(0, '数据子文件夹', optional(oneOf(['reports', 'backups', 'damaged', 'trash'])))),
  openReportFile: oneFile,
  exportReport: all(
    arity(1),
    arg(
      0,
      '导出请求',
      fields({
        id: ['报告编号', id],
        formats: [
          '导出格式',
          listOf(oneOf(EXPORT_FORMATS), EXPORT_FORMATS.length, `${EXPORT_FORMATS.join('、')} 中的一个或几个`),
        ],
        dir: ['导出文件夹', optional(path)],
      }),
    ),
  ),
  renderReport: all(arity(2), arg(0, '报告编号', id), arg(1, '导出格式', oneOf([...EXPORT_FORMATS, 'report']))),
  revealExport: all(arity(1), arg(0, '文件或文件夹路径', path)),
  importFile: oneFile,
  rolloverReport: all(
    arity(1),
    arg(
      0,
      '新建请求',
      fields(
        {
          fromId: ['上年报告编号', optional(id)],
          file: ['上年报告文件', optional(file)],
          year: ['年度', optional(integer)],
          agency: ['机关名称', optional(text(200))],
        },
        (v) => (v.fromId === undefined && v.file === undefined ? '应给出上年报告（fromId 或 file）' : null),
      ),
    ),
  ),
  aggregateReadUnits: all(
    arity(1),
    arg(
      0,
      '汇总读取请求',
      fields({
        government: [
          '本级政府',
          fields({
            agency: ['机关名称', text(200)],
            year: ['年度', rule((v) => typeof v === 'number', '应为数字')],
            roster: ['名单', optional(rule((v) => Array.isArray(v) && v.length <= 20000, '应为列表（最多 20000 项）'))],
          }),
        ],
        ids: ['年报库中的报告', optional(listOf(id, 20000, '报告编号'))],
        files: ['文件', optional(listOf(file, 16, '文件'))],
      }),
    ),
  ),
  aggregateWorkbook: oneId,
  agencyHistory: all(arity(1), arg(0, '机关名称', text(200))),
};

/** Runs the check of a method; unknown methods are the router's business. */
export function checkApiArgs(method: ApiMethod, args: readonly unknown[]): string | null {
  return API_ARG_CHECKS[method](args);
}
