import { MAX_JSON_DEPTH, jsonTooDeep } from './json-depth';
import { templateFor } from '../../templates/index';
import { REPORT_KIND, type FormatId, type Report } from './types';
import { migrate } from './migrate';
import { readOptionalFields } from './read-optional';

/** One problem of a report file: where (JSON path) and what, in Chinese, with what to do. */
export interface SchemaIssue {
  path: string;
  message: string;
}

export type ValidationResult =
  | {
      ok: true;
      report: Report;
      /** What the reader converted or set aside (for the clerk); empty for a file the app wrote itself. */
      notes: SchemaIssue[];
      /** JSON paths of optional fields that were missing and got their default. */
      filled: string[];
    }
  | { ok: false; issues: SchemaIssue[] };

const FORMATS = ['gov-2021', 'gov-2019', 'pre-2019'];
const CELL_KEY = /^(t2|t2_2019|t3|t4|legacy)\.[A-Za-z0-9_.\u4e00-\u9fff-]+$/;

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
 * Reads (migrates and validates) an untrusted value as a report file, as report-file.md's “What a
 * reader must accept” says: only `kind`, `schemaVersion`, `format`, `year`, `agency.name` and `cells`
 * are required — a file lacking one of them, or with one of the wrong type, is refused with Chinese
 * messages that name the JSON path (e.g. `$.cells["t3.new_received.total"]`). Every other field is
 * filled when missing (id, timestamps, status 草稿, agency kind and title derived, empty sections, no
 * 落款 — which the checks then report), read when written in a common other shape, and set aside in
 * `meta.setAside` when it cannot be used (read-optional.ts). Unknown fields are kept untouched.
 */
export function validateReport(input: unknown, options: { now?: Date } = {}): ValidationResult {
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
      `年度应为 2000 至 2100 之间的整数（例如 2024），实际为${doc.year === undefined ? '缺失' : describe(doc.year)}。`,
    );
  }
  if (!isObject(doc.agency))
    c.add(
      '$.agency',
      `缺少机关信息（agency），应为包含机关全称的对象，例如 {"name": "云溪县民政局"}；实际为${doc.agency === undefined ? '缺失' : describe(doc.agency)}。`,
    );
  else c.string(doc.agency, 'name', '$.agency');

  const notes: SchemaIssue[] = [];
  if (!isObject(doc.cells))
    c.add(
      '$.cells',
      `缺少表格数据（cells），应为以单元格键名为键的对象（没有数据可写 {}）；实际为${doc.cells === undefined ? '缺失' : describe(doc.cells)}。`,
    );
  else readCells(doc.cells, c, notes);
  if (c.issues.length) return { ok: false, issues: c.issues };

  const optional = readOptionalFields(doc, options.now ?? new Date());
  const format = doc.format as FormatId;
  if (format !== 'pre-2019') {
    // Keys absent from the file are blank: every cell of the format is there for the rest of the app.
    const cells = doc.cells as Record<string, unknown>;
    for (const key of Object.keys(templateFor(format).fields)) if (!(key in cells)) cells[key] = null;
  }
  return {
    ok: true,
    report: doc as unknown as Report,
    notes: [...notes, ...optional.notes],
    filled: optional.filled,
  };
}

/**
 * Cell values: numbers and null as they are; numbers written as text (“12”, “１,２００”) read as
 * numbers, an empty text as blank; any other text kept as written for CELL-INVALID to report at its
 * cell. Keys of no known table are kept (and not checked). Other value types make the file unreadable:
 * `cells` is a required field and a value such as an object or a list cannot be a table figure.
 */
function readCells(cells: Record<string, unknown>, c: Collector, notes: SchemaIssue[]) {
  let asText = 0;
  const unknownKeys: string[] = [];
  for (const [key, v] of Object.entries(cells)) {
    const p = `$.cells[${JSON.stringify(key)}]`;
    if (!CELL_KEY.test(key)) unknownKeys.push(key);
    if (v === null || (typeof v === 'number' && Number.isFinite(v))) continue;
    if (typeof v === 'string') {
      const t = v
        .replace(/[０-９．－]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
        .replace(/[,，\s]/g, '');
      if (t === '') cells[key] = null;
      else if (/^-?\d+(?:\.\d+)?$/.test(t)) {
        cells[key] = Number(t);
        asText++;
      }
      continue; // other text: kept, CELL-INVALID names it
    }
    c.add(p, `单元格的值应为数字或 null（空白），实际为${describe(v)}。请改为数字，没有数据写 null。`);
  }
  if (asText) notes.push({ path: '$.cells', message: `有 ${asText} 个单元格的数字写成了文本，已按数字读取。` });
  if (unknownKeys.length) {
    notes.push({
      path: '$.cells',
      message: `${unknownKeys.length} 个单元格键名不属于任何表格（${unknownKeys
        .slice(0, 3)
        .map((k) => `“${k}”`)
        .join(
          '、',
        )}${unknownKeys.length > 3 ? ' 等' : ''}），已原样保留，不参加检查。键名应以 t2. / t3. / t4. 开头，见报告文件格式说明。`,
    });
  }
}

/** Parses JSON text and validates it; the error says whether the JSON or the content is wrong. */
export function parseReportJson(text: string, options: { now?: Date } = {}): ValidationResult {
  // Every reader below recurses: refuse absurd nesting here rather than overflow the stack there.
  if (jsonTooDeep(text))
    return {
      ok: false,
      issues: [
        {
          path: '$',
          message: `内容嵌套超过 ${MAX_JSON_DEPTH} 层（年报文件只有几层），可能已损坏或是特意构造的。请改用备份或重新导出。`,
        },
      ],
    };
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
  return validateReport(value, options);
}

/** Formats issues as lines for the CLI and error dialogs. */
export function formatIssues(issues: SchemaIssue[], max = 10): string {
  const lines = issues.slice(0, max).map((i) => `${i.path}：${i.message}`);
  if (issues.length > max) lines.push(`……另有 ${issues.length - max} 处问题`);
  return lines.join('\n');
}
