// Length: the HTML and the CSV of one summary, from one row type.
import { RULE_INFO, SEVERITY_LABELS } from '../checks/catalog';
import type { Finding, Severity } from '../checks/types';
import type { FormatId, Report } from '../model/types';
import { notReportOf } from './not-report';
import type { ImportKind } from './source-doc';

/**
 * The summary of a batch check for a supervisor, for both the CLI (`nianbao batch --html/--csv`)
 * and the app's 批量检查 screen: a standalone HTML page (no scripts, no external files, opens from a
 * shared folder or an e-mail, prints on A4) and a CSV that Excel and WPS open with the Chinese
 * intact (UTF-8 with BOM, CRLF). Both callers map their rows to `SummaryRow`.
 */

/** What the file was read as: an importer's kind, or `report` for a report file (.json/.nianbao). */
export type SummaryKind = ImportKind | 'report';

export type SeverityCounts = Record<Severity, number>;

/** What the summary says of a report that was read. */
export interface SummaryReport {
  agency: string;
  year: number;
  format: FormatId;
  title: string;
  /** The publish date the importer found, as printed or ISO. */
  publishedAt?: string;
  /** Not a report (a blank template, an outline): what it is, in Chinese. */
  notReport?: string;
}

/** One file of the batch. */
export interface SummaryRow {
  /** File name or path, as the user knows it. */
  file: string;
  /** Not read or checked yet (the app's batch still running, or stopped). */
  pending?: boolean;
  /** Why the file could not be read or checked (Chinese); set = unreadable. */
  error?: string;
  /** The report, when it was read. */
  report?: SummaryReport;
  kind?: SummaryKind;
  /** 0..1 per table (t2, t3, t4). */
  confidence?: Readonly<Record<string, number>>;
  /** The importer's warnings (Chinese). */
  warnings?: readonly string[];
  findings: readonly Finding[];
  /** Errors, warnings and notes nobody dismissed (`countBySeverity`). */
  counts: SeverityCounts;
  /** File name of last year's report of the agency, when the cross-year checks ran. */
  withLast?: string;
  /** File name of an earlier file of the batch holding the same report (same agency and year). */
  duplicateOf?: string;
}

/** What the summaries say of a file that repeats an earlier one. */
export const duplicateNote = (of: string): string => `与“${of}”是同一份年报（同一机关、同一年度），请勿重复计数。`;

export interface SummaryInfo {
  /** When the batch ran. */
  at: Date;
  /** The folders or files given (the CLI's arguments), when there are any to name. */
  inputs?: readonly string[];
}

/** The fields of a report the summary shows. */
export function summaryReport(report: Report): SummaryReport {
  const published = (report.meta?.source as { publishedAt?: unknown } | undefined)?.publishedAt;
  const notReport = notReportOf(report);
  return {
    agency: report.agency.name,
    year: report.year,
    format: report.format,
    title: report.title,
    ...(typeof published === 'string' && published.trim() ? { publishedAt: published.trim() } : {}),
    ...(notReport ? { notReport: notReport.message } : {}),
  };
}

export const FORMAT_NAMES: Record<FormatId, string> = {
  'gov-2021': '2021年版',
  'gov-2019': '2019年版',
  'pre-2019': '2019年以前',
};

export const KIND_NAMES: Record<SummaryKind, string> = {
  'exported-docx': '本程序导出的 Word',
  docx: 'Word 文档',
  html: '网页',
  pdf: 'PDF',
  text: '纯文本',
  report: '年报文件',
};

export type Verdict = 'unreadable' | 'not-report' | 'error' | 'warning' | 'clean' | 'pending';

export const VERDICT_LABELS: Record<Verdict, string> = {
  unreadable: '无法读取',
  'not-report': '不是年报',
  error: '有错误',
  warning: '有警告',
  clean: '未发现问题',
  pending: '未检查',
};

const RANK: Record<Verdict, number> = { unreadable: 0, 'not-report': 1, error: 2, warning: 3, clean: 4, pending: 5 };

type Judged = Pick<SummaryRow, 'pending' | 'error' | 'counts'> & { report?: Pick<SummaryReport, 'notReport'> };

/** A blank template or an outline is named as such, never counted as a report with errors. */
export function verdictOf(row: Judged): Verdict {
  if (row.error !== undefined) return 'unreadable';
  if (row.pending) return 'pending';
  if (row.report?.notReport) return 'not-report';
  return row.counts.error ? 'error' : row.counts.warning ? 'warning' : 'clean';
}

/** Most urgent first: unreadable files, then errors, then warnings, then clean reports, then those not checked yet. */
export function bySeverity(a: Judged & Pick<SummaryRow, 'file'>, b: Judged & Pick<SummaryRow, 'file'>): number {
  return (
    RANK[verdictOf(a)] - RANK[verdictOf(b)] ||
    b.counts.error - a.counts.error ||
    b.counts.warning - a.counts.warning ||
    a.file.localeCompare(b.file, 'zh-CN')
  );
}

export function summaryCounts(rows: readonly Judged[]): Record<Verdict, number> {
  const out: Record<Verdict, number> = { unreadable: 0, 'not-report': 0, error: 0, warning: 0, clean: 0, pending: 0 };
  for (const r of rows) out[verdictOf(r)]++;
  return out;
}

const TABLE_NAMES: Record<string, string> = { t2: '表二', t3: '表三', t4: '表四' };

/** “表二 高（98%）”: 高 from 0.9, 中 from 0.6, else 低. */
export function confidenceText(confidence: Readonly<Record<string, number>> | undefined): string {
  if (!confidence) return '';
  return Object.entries(confidence)
    .filter(([t]) => TABLE_NAMES[t])
    .map(
      ([t, v]) =>
        `${TABLE_NAMES[t]} ${v >= 0.9 ? '高' : v >= 0.6 ? '中' : '低'}（${Math.round(Math.max(0, Math.min(1, v)) * 100)}%）`,
    )
    .join('，');
}

/** The rules with errors or warnings nobody dismissed: “表四总计（T4-TOTAL）×2；…”. */
export function mainProblems(findings: readonly Finding[]): string {
  const counts = new Map<Finding['rule'], number>();
  for (const f of findings)
    if (!f.dismissed && f.severity !== 'info') counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  return [...counts]
    .map(([r, n]) => `${RULE_INFO[r] ? `${RULE_INFO[r].title}（${r}）` : r}${n > 1 ? `×${n}` : ''}`)
    .join('；');
}

/** A CSV cell: quoted when needed; a leading = + - @ tab or CR is defused (spreadsheet formula injection). */
export function csvCell(value: string | number | undefined): string {
  let s = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s.startsWith("'") ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_HEADER = [
  '序号',
  '结论',
  '机关',
  '年度',
  '格式',
  '来源',
  '错误',
  '警告',
  '提示',
  '主要问题',
  '表格识别可信度',
  '导入提示数',
  '文件',
  '说明',
] as const;

/** One row per file, most urgent first; UTF-8 with BOM and CRLF so that Excel and WPS show the Chinese correctly. */
export function summaryCsv(rows: readonly SummaryRow[]): string {
  const body = [...rows].sort(bySeverity).map((row, n) => {
    const r = row.report;
    const v = verdictOf(row);
    const checked = v !== 'unreadable' && v !== 'pending' && v !== 'not-report';
    return [
      n + 1,
      VERDICT_LABELS[v],
      r?.agency ?? '',
      r?.year ?? '',
      r ? (FORMAT_NAMES[r.format] ?? r.format) : '',
      row.kind ? KIND_NAMES[row.kind] : '',
      checked ? row.counts.error : '',
      checked ? row.counts.warning : '',
      checked ? row.counts.info : '',
      mainProblems(row.findings),
      confidenceText(row.confidence),
      r ? (row.warnings?.length ?? 0) : '',
      row.file,
      row.error ?? r?.notReport ?? (row.duplicateOf ? duplicateNote(row.duplicateOf) : ''),
    ].map(csvCell);
  });
  return `\ufeff${[CSV_HEADER.map(csvCell), ...body].map((r) => r.join(',')).join('\r\n')}\r\n`;
}

const esc = (s: string | number) =>
  String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function stamp(at: Date): string {
  return `${at.getFullYear()}年${at.getMonth() + 1}月${at.getDate()}日 ${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}

/**
 * Colours: each text colour has at least 4.5:1 contrast on its background (WCAG AA), on screen and
 * on paper; the verdict is also written out, never shown by colour alone.
 */
const STYLE = `body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:24px;color:#1f1f1f;background:#ffffff;line-height:1.6}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:2px solid #a61d24;padding-bottom:4px}h3{font-size:16px;margin:20px 0 6px}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border:1px solid #bbbbbb;padding:4px 6px;text-align:left;vertical-align:top;font-size:14px}th{background:#f2f2f2;color:#1f1f1f}
td.num{text-align:right;white-space:nowrap}table.findings td:first-child{white-space:nowrap}td.file{word-break:break-all;color:#555555}.muted{color:#666666;font-size:13px}
.tag{display:inline-block;padding:0 6px;border-radius:3px;font-size:12px;white-space:nowrap}.tag.unreadable{background:#333333;color:#ffffff}.tag.error{background:#b3261e;color:#ffffff}.tag.warning{background:#f5c26b;color:#000000}.tag.clean{background:#2e7d32;color:#ffffff}.tag.pending{background:#e0e0e0;color:#000000}.tag.not-report{background:#e0e0e0;color:#000000}
tr.error td:first-child{color:#b3261e;font-weight:bold}tr.warning td:first-child{color:#8a5300}p.bad{color:#b3261e}p.ok{color:#2e7d32}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}.card{border:1px solid #cccccc;border-radius:4px;padding:8px 14px;min-width:110px}.card b{font-size:22px;display:block}
ul.meta{margin:0;padding-left:20px;color:#333333}h3{break-after:avoid}section{break-inside:avoid}
@page{size:A4;margin:15mm}
@media print{body{margin:0}th,td{font-size:12px}thead{display:table-header-group}tr{break-inside:avoid}a{color:inherit;text-decoration:none}}`;

/** A standalone page (no scripts, no external files, prints on A4): counts, the table by severity, each report's findings. */
export function summaryHtml(rows: readonly SummaryRow[], info: SummaryInfo): string {
  const sorted = [...rows].sort(bySeverity);
  const c = summaryCounts(rows);
  const tag = (row: SummaryRow) => `<span class="tag ${verdictOf(row)}">${VERDICT_LABELS[verdictOf(row)]}</span>`;
  const checked = (row: SummaryRow) => !['unreadable', 'pending', 'not-report'].includes(verdictOf(row));

  const tableRows = sorted.map((row, n) => {
    const r = row.report;
    const count = (k: Severity) => (checked(row) ? row.counts[k] : '—');
    return `<tr><td><a href="#r${n + 1}">${n + 1}</a></td><td>${tag(row)}</td><td>${esc(r?.agency || '—')}</td><td>${r ? r.year : '—'}</td><td>${r ? esc(FORMAT_NAMES[r.format] ?? r.format) : '—'}</td><td class="num">${count('error')}</td><td class="num">${count('warning')}</td><td>${esc(mainProblems(row.findings))}</td><td class="file">${esc(row.file)}</td></tr>`;
  });

  const details = sorted.map((row, n) => {
    const r = row.report;
    const head = `<h3 id="r${n + 1}">${n + 1}. ${esc(r?.agency || row.file)}${r ? ` ${r.year}年度` : ''} ${tag(row)}</h3>`;
    const meta = [`<li>文件：${esc(row.file)}</li>`];
    if (r) {
      meta.push(`<li>标题：${esc(r.title || '（未识别）')}</li>`);
      const conf = confidenceText(row.confidence);
      meta.push(
        `<li>格式：${esc(FORMAT_NAMES[r.format] ?? r.format)}${row.kind ? `；来源：${esc(KIND_NAMES[row.kind])}` : ''}${conf ? `；表格识别可信度：${esc(conf)}` : ''}</li>`,
      );
      if (r.publishedAt) meta.push(`<li>发布日期：${esc(r.publishedAt)}</li>`);
      if (row.withLast) meta.push(`<li>已与上年报告对照：${esc(row.withLast)}</li>`);
      if (row.duplicateOf) meta.push(`<li>${esc(duplicateNote(row.duplicateOf))}</li>`);
    }
    const metaList = `<ul class="meta">${meta.join('')}</ul>`;
    if (row.error !== undefined)
      return `<section>${head}${metaList}<p class="bad">${esc(row.error || '无法读取这个文件。')}</p></section>`;
    if (row.pending)
      return `<section>${head}${metaList}<p class="muted">这个文件还没有检查完（导出汇总时批量检查尚未读到它，或已停止）。</p></section>`;
    if (r?.notReport) return `<section>${head}${metaList}<p class="muted">${esc(r.notReport)}</p></section>`;
    const findings = row.findings.length
      ? `<table class="findings"><thead><tr><th scope="col">级别</th><th scope="col">检查项</th><th scope="col">说明</th></tr></thead><tbody>${row.findings
          .map(
            (f) =>
              `<tr class="${f.severity}"><td>${SEVERITY_LABELS[f.severity]}${f.dismissed ? '（已忽略）' : ''}</td><td>${esc(f.rule)}<br><span class="muted">${esc(RULE_INFO[f.rule]?.title ?? '')}</span></td><td>${esc(f.message)}</td></tr>`,
          )
          .join('\n')}</tbody></table>`
      : '<p class="ok">未发现问题。</p>';
    const warnings = row.warnings?.length
      ? `<details open><summary>导入提示（${row.warnings.length} 条）：请核对这些地方的原文</summary><ul>${row.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul></details>`
      : '';
    return `<section>${head}${metaList}${findings}${warnings}</section>`;
  });

  const inputs = info.inputs?.length ? `检查对象：${esc(info.inputs.join('、'))}；` : '';
  const pendingCard =
    (c['not-report'] ? `<div class="card"><b>${c['not-report']}</b>不是年报</div>` : '') +
    (c.pending ? `<div class="card"><b>${c.pending}</b>未检查</div>` : '');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>政府信息公开工作年度报告批量检查结果</title>
<style>
${STYLE}
</style>
</head>
<body>
<h1>政府信息公开工作年度报告批量检查结果</h1>
<p class="muted">检查时间：${esc(stamp(info.at))}；${inputs}共 ${rows.length} 个文件。按《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）检查：“错误”指表格数字或内容有误、缺项，“警告”需要人工核实。</p>
<div class="cards"><div class="card"><b>${c.error}</b>有错误</div><div class="card"><b>${c.warning}</b>仅有警告</div><div class="card"><b>${c.clean}</b>未发现问题</div><div class="card"><b>${c.unreadable}</b>无法读取</div>${pendingCard}</div>
<h2>汇总（按严重程度排序）</h2>
<table>
<thead><tr><th scope="col">序号</th><th scope="col">结论</th><th scope="col">机关</th><th scope="col">年度</th><th scope="col">格式</th><th scope="col">错误</th><th scope="col">警告</th><th scope="col">主要问题</th><th scope="col">文件</th></tr></thead>
<tbody>
${tableRows.join('\n')}
</tbody>
</table>
<h2>逐份检查结果</h2>
${details.join('\n')}
</body>
</html>
`;
}
