import { AGENCY_KINDS, REPORT_KIND, SCHEMA_VERSION, SECTION_IDS, type Report } from './types';
import { migrate } from './migrate';

/** One problem of a report file: where (JSON path) and what, in Chinese, with what to do. */
export interface SchemaIssue {
  path: string;
  message: string;
}

export type ValidationResult = { ok: true; report: Report } | { ok: false; issues: SchemaIssue[] };

const FORMATS = ['gov-2021', 'gov-2019', 'pre-2019'];
const STATUSES = ['draft', 'review', 'approved', 'published'];
const CELL_KEY = /^(t2|t2_2019|t3|t4|legacy)\.[A-Za-z0-9_.\u4e00-\u9fff-]+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const describe = (v: unknown): string => {
  if (v === null) return '空值';
  if (Array.isArray(v)) return '数组';
  if (typeof v === 'string') return `文本“${v.length > 20 ? `${v.slice(0, 20)}…` : v}”`;
  return typeof v === 'number' ? `数字 ${v}` : typeof v === 'boolean' ? `布尔值 ${v}` : '对象';
};

class Collector {
  issues: SchemaIssue[] = [];
  add(path: string, message: string) {
    this.issues.push({ path, message });
  }
  string(
    obj: Record<string, unknown>,
    key: string,
    path: string,
    opts: { optional?: boolean; nonEmpty?: boolean } = {},
  ) {
    const v = obj[key];
    if (v === undefined && opts.optional) return;
    if (typeof v !== 'string')
      this.add(`${path}.${key}`, `应为文本，实际为${v === undefined ? '缺失' : describe(v)}。`);
    else if (opts.nonEmpty && v.trim() === '') this.add(`${path}.${key}`, '不能为空。');
  }
  oneOf(obj: Record<string, unknown>, key: string, path: string, allowed: readonly string[], what: string) {
    const v = obj[key];
    if (typeof v !== 'string' || !allowed.includes(v)) {
      this.add(
        `${path}.${key}`,
        `${what}应为 ${allowed.join(' / ')} 之一，实际为${v === undefined ? '缺失' : describe(v)}。`,
      );
    }
  }
}

/**
 * Validates (and migrates) an untrusted value as a report file. Unknown fields are kept.
 * Messages are in Chinese and name the JSON path, e.g. `$.cells["t3.new_received.total"]`.
 */
export function validateReport(input: unknown): ValidationResult {
  const c = new Collector();
  if (!isObject(input)) {
    return {
      ok: false,
      issues: [
        { path: '$', message: `文件内容应为一个 JSON 对象，实际为${describe(input)}。请确认选择的是年报文件。` },
      ],
    };
  }
  if (input.kind !== REPORT_KIND) {
    return {
      ok: false,
      issues: [
        {
          path: '$.kind',
          message: `不是年报文件：kind 应为 "${REPORT_KIND}"，实际为${input.kind === undefined ? '缺失' : describe(input.kind)}。`,
        },
      ],
    };
  }
  const migrated = migrate(input);
  if (!migrated.ok) return { ok: false, issues: [{ path: '$.schemaVersion', message: migrated.message }] };
  const doc = migrated.doc;

  c.oneOf(doc, 'format', '$', FORMATS, '格式');
  if (!Number.isInteger(doc.year) || (doc.year as number) < 2000 || (doc.year as number) > 2100) {
    c.add(
      '$.year',
      `年度应为 2000 至 2100 之间的整数，实际为${doc.year === undefined ? '缺失' : describe(doc.year)}。`,
    );
  }
  if (!isObject(doc.agency)) c.add('$.agency', '缺少机关信息（agency），应包含 name 和 kind。');
  else {
    c.string(doc.agency, 'name', '$.agency');
    c.oneOf(doc.agency, 'kind', '$.agency', AGENCY_KINDS, '机关类型');
    c.string(doc.agency, 'parent', '$.agency', { optional: true });
    c.string(doc.agency, 'contact', '$.agency', { optional: true });
  }
  c.string(doc, 'title', '$');
  c.string(doc, 'preamble', '$', { optional: true });

  if (!Array.isArray(doc.sections)) c.add('$.sections', '缺少六个部分（sections），应为数组。');
  else {
    if (doc.sections.length !== SECTION_IDS.length) {
      c.add('$.sections', `应有 ${SECTION_IDS.length} 个部分，实际为 ${doc.sections.length} 个。`);
    }
    doc.sections.forEach((s, i) => {
      const p = `$.sections[${i}]`;
      if (!isObject(s)) return c.add(p, `应为对象，实际为${describe(s)}。`);
      if (s.id !== SECTION_IDS[i])
        c.add(`${p}.id`, `第 ${i + 1} 部分的 id 应为 "${SECTION_IDS[i]}"，实际为${describe(s.id)}。`);
      if (!Array.isArray(s.blocks)) return c.add(`${p}.blocks`, '应为数组。');
      s.blocks.forEach((b, j) => {
        const bp = `${p}.blocks[${j}]`;
        if (!isObject(b)) return c.add(bp, `应为对象，实际为${describe(b)}。`);
        if (b.type === 'heading') {
          if (b.level !== 2 && b.level !== 3)
            c.add(`${bp}.level`, `标题级别应为 2（（一））或 3（1.），实际为${describe(b.level)}。`);
        } else if (b.type !== 'paragraph') {
          c.add(`${bp}.type`, `段落类型应为 heading 或 paragraph，实际为${describe(b.type)}。`);
        }
        c.string(b, 'text', bp);
      });
    });
  }

  if (!isObject(doc.cells)) c.add('$.cells', '缺少表格数据（cells），应为对象。');
  else {
    for (const [key, v] of Object.entries(doc.cells)) {
      const p = `$.cells[${JSON.stringify(key)}]`;
      if (!CELL_KEY.test(key)) c.add(p, '不是有效的单元格键名（应以 t2. / t3. / t4. / t2_2019. / legacy. 开头）。');
      else if (v !== null && (typeof v !== 'number' || !Number.isFinite(v))) {
        c.add(p, `单元格的值应为数字或 null（空白），实际为${describe(v)}。`);
      }
    }
  }

  if (!isObject(doc.signature)) c.add('$.signature', '缺少落款（signature），应包含 name 和 date。');
  else {
    c.string(doc.signature, 'name', '$.signature');
    const d = doc.signature.date;
    if (typeof d !== 'string' || (d !== '' && !(ISO_DATE.test(d) && isRealDate(d)))) {
      c.add(
        '$.signature.date',
        `落款日期应为 YYYY-MM-DD 格式的有效日期（或空），实际为${d === undefined ? '缺失' : describe(d)}。`,
      );
    }
  }

  if (!isObject(doc.meta)) c.add('$.meta', '缺少元数据（meta）。');
  else {
    c.string(doc.meta, 'id', '$.meta', { nonEmpty: true });
    c.oneOf(doc.meta, 'status', '$.meta', STATUSES, '状态');
    c.string(doc.meta, 'createdAt', '$.meta');
    c.string(doc.meta, 'updatedAt', '$.meta');
    if (doc.meta.dismissals !== undefined) {
      if (!Array.isArray(doc.meta.dismissals)) c.add('$.meta.dismissals', '应为数组。');
      else
        doc.meta.dismissals.forEach((d, i) => {
          const p = `$.meta.dismissals[${i}]`;
          if (!isObject(d)) return c.add(p, '应为对象。');
          c.string(d, 'rule', p);
          c.string(d, 'fingerprint', p);
          c.string(d, 'reason', p);
        });
    }
  }

  if (c.issues.length) return { ok: false, issues: c.issues };
  return { ok: true, report: doc as unknown as Report };
}

function isRealDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** Parses JSON text and validates it; the error says whether the JSON or the content is wrong. */
export function parseReportJson(text: string): ValidationResult {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      issues: [{ path: '$', message: `文件不是有效的 JSON（${detail}），可能已损坏或不完整。请改用备份或重新导出。` }],
    };
  }
  return validateReport(value);
}

/** Formats issues as lines for the CLI and error dialogs. */
export function formatIssues(issues: SchemaIssue[], max = 10): string {
  const lines = issues.slice(0, max).map((i) => `${i.path}：${i.message}`);
  if (issues.length > max) lines.push(`……另有 ${issues.length - max} 处问题`);
  return lines.join('\n');
}

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSION;
