import { countBySeverity, runChecks } from '../../../shared/checks/engine';
import { RULE_INFO, SEVERITY_LABELS } from '../../../shared/checks/catalog';
import type { Finding } from '../../../shared/checks/types';
import type { Report } from '../../../shared/model/types';
import type { ImportPreview } from '../../../shared/service/api';
import { FORMAT_LABELS, KIND_LABELS, confidenceText, publishedAt } from '../import/labels';

/**
 * 批量检查 without the UI: bounded concurrency, checks (with last year's report of the same
 * agency when the batch holds it), the order by severity, and the CSV / HTML summaries.
 */

export interface BatchRow {
  /** Position in the batch (stable key). */
  index: number;
  fileName: string;
  size: number;
  state: 'waiting' | 'reading' | 'done' | 'failed';
  preview?: ImportPreview;
  /** Why the file could not be read (Chinese). */
  error?: string;
  findings: Finding[];
  counts: { error: number; warning: number; info: number };
  /** File name of last year's report used for the cross-year checks. */
  withLast?: string;
}

/** Runs `task` over `items` with at most `limit` at a time; stops taking new items once `stopped()`. */
export async function pool<T>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<void>, stopped: () => boolean = () => false): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !stopped()) {
      const i = next++;
      await task(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

const agencyKey = (r: Report) => r.agency.name.replace(/\s+/g, '');
/** “洪泽区人民政府” and “淮安市洪泽区人民政府” are the same agency, with and without its city. */
const sameAgency = (a: string, b: string) => a === b || (Math.min(a.length, b.length) >= 4 && (a.endsWith(b) || b.endsWith(a)));

/** Checks every read report; pairs each with last year's report of the same agency in the batch. */
export function checkRows(rows: BatchRow[], now?: Date): BatchRow[] {
  const read = rows.filter((r) => r.preview);
  return rows.map((row) => {
    const report = row.preview?.report;
    if (!report) return row;
    const key = agencyKey(report);
    const last = key ? read.find((o) => o !== row && o.preview!.report.year === report.year - 1 && sameAgency(agencyKey(o.preview!.report), key)) : undefined;
    try {
      const findings = runChecks(report, { last: last?.preview?.report ?? null, mode: 'import', ...(now ? { now } : {}) });
      return { ...row, findings, counts: countBySeverity(findings), ...(last ? { withLast: last.fileName } : {}) };
    } catch (e) {
      return { ...row, state: 'failed', error: `${row.fileName}：检查时出错（${e instanceof Error ? e.message : String(e)}）。`, findings: [], counts: { error: 0, warning: 0, info: 0 } };
    }
  });
}

export type Verdict = 'unreadable' | 'error' | 'warning' | 'clean' | 'pending';

export function verdictOf(row: BatchRow): Verdict {
  if (row.state === 'failed') return 'unreadable';
  if (row.state !== 'done') return 'pending';
  return row.counts.error ? 'error' : row.counts.warning ? 'warning' : 'clean';
}

export const VERDICT_LABELS: Record<Verdict, string> = { unreadable: '无法读取', error: '有错误', warning: '有警告', clean: '未发现问题', pending: '等待中' };

const RANK: Record<Verdict, number> = { unreadable: 0, error: 1, warning: 2, clean: 3, pending: 4 };

/** Most urgent first: unreadable files, then errors, then warnings, then clean reports. */
export function bySeverity(a: BatchRow, b: BatchRow): number {
  return RANK[verdictOf(a)] - RANK[verdictOf(b)] || b.counts.error - a.counts.error || b.counts.warning - a.counts.warning || a.fileName.localeCompare(b.fileName, 'zh-CN');
}

export function summaryCounts(rows: readonly BatchRow[]): Record<Verdict, number> {
  const out: Record<Verdict, number> = { unreadable: 0, error: 0, warning: 0, clean: 0, pending: 0 };
  for (const r of rows) out[verdictOf(r)]++;
  return out;
}

/** Rule ids with counts (errors and warnings that nobody dismissed). */
export function mainProblems(findings: readonly Finding[]): string {
  const counts = new Map<string, number>();
  for (const f of findings) if (!f.dismissed && f.severity !== 'info') counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  return [...counts].map(([r, n]) => `${RULE_INFO[r as keyof typeof RULE_INFO]?.title ?? r}${n > 1 ? `×${n}` : ''}`).join('；');
}

/** A CSV cell: quoted when needed; a leading = + - @ is defused (spreadsheet formula injection). */
export function csvCell(value: string | number | undefined): string {
  let s = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s.startsWith("'") ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per file; UTF-8 with BOM and CRLF so that Excel and WPS show the Chinese correctly. */
export function summaryCsv(rows: readonly BatchRow[]): string {
  const header = ['序号', '结论', '机关', '年度', '格式', '来源', '错误', '警告', '提示', '主要问题', '表格识别可信度', '导入提示数', '文件', '说明'];
  const body = [...rows].sort(bySeverity).map((row, n) => {
    const p = row.preview;
    const r = p?.report;
    const ok = row.state === 'done';
    return [
      n + 1,
      VERDICT_LABELS[verdictOf(row)],
      r?.agency.name ?? '',
      r?.year ?? '',
      r ? FORMAT_LABELS[r.format] : '',
      p ? KIND_LABELS[p.kind] : '',
      ok ? row.counts.error : '',
      ok ? row.counts.warning : '',
      ok ? row.counts.info : '',
      mainProblems(row.findings),
      confidenceText(p?.confidence),
      p ? p.warnings.length : '',
      row.fileName,
      row.error ?? '',
    ].map(csvCell);
  });
  return `\ufeff${[header.map(csvCell), ...body].map((r) => r.join(',')).join('\r\n')}\r\n`;
}

const esc = (s: string | number) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function stamp(at: Date): string {
  return `${at.getFullYear()}年${at.getMonth() + 1}月${at.getDate()}日 ${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}

/** A standalone page (no scripts, no external files, prints on A4): counts, the table, each report's findings. */
export function summaryHtml(rows: readonly BatchRow[], at: Date): string {
  const sorted = [...rows].sort(bySeverity);
  const c = summaryCounts(rows);
  const tag = (row: BatchRow) => `<span class="tag ${verdictOf(row)}">${VERDICT_LABELS[verdictOf(row)]}</span>`;
  const tableRows = sorted.map((row, n) => {
    const r = row.preview?.report;
    const ok = row.state === 'done';
    return `<tr><td><a href="#r${n + 1}">${n + 1}</a></td><td>${tag(row)}</td><td>${esc(r?.agency.name || '—')}</td><td>${r ? r.year : '—'}</td><td>${r ? esc(FORMAT_LABELS[r.format]) : '—'}</td><td class="num">${ok ? row.counts.error : '—'}</td><td class="num">${ok ? row.counts.warning : '—'}</td><td>${esc(mainProblems(row.findings))}</td><td class="file">${esc(row.fileName)}</td></tr>`;
  });
  const details = sorted.map((row, n) => {
    const p = row.preview;
    const r = p?.report;
    const head = `<h3 id="r${n + 1}">${n + 1}. ${esc(r?.agency.name || row.fileName)}${r ? ` ${r.year}年度` : ''} ${tag(row)}</h3>`;
    const meta = [`<li>文件：${esc(row.fileName)}</li>`];
    if (p && r) {
      meta.push(`<li>标题：${esc(r.title || '（未识别）')}</li>`);
      meta.push(`<li>${esc(FORMAT_LABELS[r.format])}；来源：${esc(KIND_LABELS[p.kind])}${confidenceText(p.confidence) ? `；表格识别可信度：${esc(confidenceText(p.confidence))}` : ''}</li>`);
      const date = publishedAt(p);
      if (date) meta.push(`<li>发布日期：${esc(date)}</li>`);
      if (row.withLast) meta.push(`<li>已与上年报告对照：${esc(row.withLast)}</li>`);
    }
    if (row.error) return `<section>${head}<ul class="meta">${meta.join('')}</ul><p class="bad">${esc(row.error)}</p></section>`;
    const findings = row.findings.length
      ? `<table class="findings"><thead><tr><th scope="col">级别</th><th scope="col">检查项</th><th scope="col">说明</th></tr></thead><tbody>${row.findings
          .map((f) => `<tr class="${f.severity}"><td>${SEVERITY_LABELS[f.severity]}</td><td>${esc(RULE_INFO[f.rule]?.title ?? f.rule)}</td><td>${esc(f.message)}</td></tr>`)
          .join('')}</tbody></table>`
      : '<p class="ok">未发现问题。</p>';
    const warnings = p?.warnings.length ? `<details><summary>导入提示（${p.warnings.length} 条）：请核对这些地方的原文</summary><ul>${p.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul></details>` : '';
    return `<section>${head}<ul class="meta">${meta.join('')}</ul>${findings}${warnings}</section>`;
  });
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>政府信息公开工作年度报告批量检查结果</title>
<style>
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:24px;color:#1f1f1f;line-height:1.6}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:2px solid #a61d24;padding-bottom:4px}h3{font-size:16px;margin:20px 0 6px}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border:1px solid #bbb;padding:4px 6px;text-align:left;vertical-align:top;font-size:14px}th{background:#f2f2f2}
td.num{text-align:right;white-space:nowrap}td.file{word-break:break-all;color:#555}.muted{color:#666;font-size:13px}
.tag{display:inline-block;padding:0 6px;border-radius:3px;font-size:12px;white-space:nowrap}.tag.unreadable{background:#333;color:#fff}.tag.error{background:#b3261e;color:#fff}.tag.warning{background:#f5c26b;color:#000}.tag.clean{background:#2e7d32;color:#fff}.tag.pending{background:#ddd;color:#000}
tr.error td:first-child{color:#b3261e;font-weight:bold}tr.warning td:first-child{color:#8a5300}p.bad{color:#b3261e}p.ok{color:#2e7d32}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}.card{border:1px solid #ccc;border-radius:4px;padding:8px 14px;min-width:110px}.card b{font-size:22px;display:block}
ul.meta{margin:0;padding-left:20px;color:#333}section{break-inside:avoid}
@media print{body{margin:0}a{color:inherit;text-decoration:none}}
</style>
</head>
<body>
<h1>政府信息公开工作年度报告批量检查结果</h1>
<p class="muted">检查时间：${esc(stamp(at))}；共 ${rows.length} 个文件。按国办公开办函〔2021〕30号规定的格式检查：“错误”指表格数字或内容有误、缺项，“警告”需要人工核实。</p>
<div class="cards"><div class="card"><b>${c.error}</b>有错误</div><div class="card"><b>${c.warning}</b>仅有警告</div><div class="card"><b>${c.clean}</b>未发现问题</div><div class="card"><b>${c.unreadable}</b>无法读取</div></div>
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
