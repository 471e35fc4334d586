import { formatIssues, parseReportJson, validateReport } from '../../../shared/model/schema';
import { AGENCY_KINDS, type Report } from '../../../shared/model/types';
import { ServiceError, type NewReportInput, type ReportFileInput } from '../../../shared/service/api';

/** What the library accepts from its callers (the renderer, the CLI, files): ids, new reports, saves. */

/** Report ids become file names: letters, digits, - and _ only (newId gives UUIDs). */
const ID_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/;

const FORMATS = ['gov-2021', 'gov-2019', 'pre-2019'] as const;

export const isReportId = (id: unknown): id is string => typeof id === 'string' && ID_RE.test(id);

export function checkId(id: unknown): string {
  if (!isReportId(id)) throw new ServiceError('年报编号无效。请回到年报库刷新列表后重试。', 'invalid');
  return id;
}

/** The fields of 新建年报, trimmed and checked. */
export function checkNewReport(input: NewReportInput): NewReportInput {
  const agency = typeof input?.agency === 'string' ? input.agency.trim() : '';
  if (!agency) throw new ServiceError('请填写机关名称。', 'invalid');
  if (!AGENCY_KINDS.includes(input.kind)) throw new ServiceError('请选择机关类型。', 'invalid');
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) {
    throw new ServiceError('年度应为 2000 至 2100 之间的整数，例如 2024。', 'invalid');
  }
  if (input.format !== undefined && !FORMATS.includes(input.format))
    throw new ServiceError('不支持的报告格式。请重新选择。', 'invalid');
  return { agency, kind: input.kind, year: input.year, ...(input.format ? { format: input.format } : {}) };
}

/** A report the renderer asks to save: valid, with an id that can be a file name. */
export function checkSaved(input: Report): Report & { meta: { id: string } } {
  const res = validateReport(input);
  if (!res.ok) throw new ServiceError(`无法保存：年报内容有误。\n${formatIssues(res.issues, 5)}`, 'invalid');
  if (!isReportId(res.report.meta.id)) {
    throw new ServiceError(
      '无法保存：年报编号（meta.id）无效，只能包含字母、数字、“-”和“_”。请用“打开”把文件加入年报库。',
      'invalid',
    );
  }
  return res.report;
}

/** A report file the clerk opened (文件 → 打开…, a double-click): its report, or a Chinese refusal. */
export function parseOpenedFile(file: ReportFileInput): Report {
  const name = typeof file?.name === 'string' && file.name ? file.name : '所选文件';
  if (typeof file?.data !== 'string') throw new ServiceError(`${name}：没有读到文件内容。请重新选择文件。`, 'invalid');
  const res = parseReportJson(Buffer.from(file.data, 'base64').toString('utf8'));
  if (!res.ok) throw new ServiceError(`${name}：不是有效的年报文件。\n${formatIssues(res.issues, 5)}`, 'invalid');
  return res.report;
}
