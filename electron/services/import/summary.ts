import { RULE_INFO, SEVERITY_LABELS } from '../../../shared/checks/index';
import type { Finding } from '../../../shared/checks/types';
import { bySeverity, type BatchItem } from './batch';

/**
 * The summary of a batch check for a supervisor: a standalone HTML page (no scripts, opens from
 * a shared folder or an e-mail, prints on A4) and a CSV that Excel and WPS open with the Chinese
 * intact (UTF-8 with BOM).
 */

const FORMAT_NAMES: Record<string, string> = { 'gov-2021': '2021年版', 'gov-2019': '2019年版', 'pre-2019': '2019年以前' };
const KIND_NAMES: Record<string, string> = { 'exported-docx': '本软件导出的Word', docx: 'Word', html: '网页', pdf: 'PDF', text: '文本', file: '年报文件' };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function kindOf(item: BatchItem): string {
  return item.loaded ? (item.loaded.imported ? KIND_NAMES[item.loaded.imported.kind] ?? '' : KIND_NAMES.file!) : '';
}

function confidenceOf(item: BatchItem): string {
  const c = item.loaded?.imported?.confidence;
  if (!c || !Object.keys(c).length) return '';
  return Object.entries(c)
    .map(([t, v]) => `表${t.slice(1)} ${Math.round(v * 100)}%`)
    .join('，');
}

function ruleSummary(findings: Finding[]): string {
  const counts = new Map<string, number>();
  for (const f of findings) if (!f.dismissed && f.severity !== 'info') counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  return [...counts].map(([r, n]) => (n > 1 ? `${r}×${n}` : r)).join('；');
}

export interface SummaryInfo {
  /** When the batch ran. */
  at: Date;
  /** The folders or files given. */
  inputs: string[];
}

export function summaryHtml(items: BatchItem[], info: SummaryInfo): string {
  const sorted = [...items].sort(bySeverity);
  const total = items.length;
  const unreadable = items.filter((i) => i.error).length;
  const withErrors = items.filter((i) => !i.error && i.counts.error).length;
  const withWarnings = items.filter((i) => !i.error && !i.counts.error && i.counts.warning).length;
  const clean = total - unreadable - withErrors - withWarnings;
  const stamp = `${info.at.getFullYear()}年${info.at.getMonth() + 1}月${info.at.getDate()}日 ${String(info.at.getHours()).padStart(2, '0')}:${String(info.at.getMinutes()).padStart(2, '0')}`;

  const status = (i: BatchItem) => (i.error ? '<span class="tag bad">无法读取</span>' : i.counts.error ? '<span class="tag err">有错误</span>' : i.counts.warning ? '<span class="tag warn">有警告</span>' : '<span class="tag ok">未发现问题</span>');
  const rows = sorted.map((i, n) => {
    const r = i.loaded?.report;
    return `<tr>
<td><a href="#r${n + 1}">${n + 1}</a></td><td>${status(i)}</td><td>${esc(r?.agency.name || '—')}</td><td>${r ? r.year : '—'}</td><td>${r ? esc(FORMAT_NAMES[r.format] ?? r.format) : '—'}</td>
<td class="num">${i.error ? '—' : i.counts.error}</td><td class="num">${i.error ? '—' : i.counts.warning}</td><td>${esc(ruleSummary(i.findings))}</td><td class="file">${esc(i.file)}</td></tr>`;
  });

  const details = sorted.map((i, n) => {
    const r = i.loaded?.report;
    const head = `<h3 id="r${n + 1}">${n + 1}. ${esc(r?.agency.name || i.file)}${r ? ` ${r.year}年度` : ''} ${status(i)}</h3>`;
    const meta: string[] = [`<li>文件：${esc(i.file)}</li>`];
    if (r) {
      meta.push(`<li>标题：${esc(r.title || '（未识别）')}</li>`);
      meta.push(`<li>格式：${esc(FORMAT_NAMES[r.format] ?? r.format)}${kindOf(i) ? `；来源：${esc(kindOf(i))}` : ''}${confidenceOf(i) ? `；表格识别把握：${esc(confidenceOf(i))}` : ''}</li>`);
      const published = (r.meta.source as { publishedAt?: string } | undefined)?.publishedAt;
      if (published) meta.push(`<li>发布日期：${esc(published)}</li>`);
      if (i.withLast) meta.push(`<li>已与上年报告对照：${esc(i.withLast)}</li>`);
    }
    if (i.error) return `<section>${head}<ul class="meta">${meta.join('')}</ul><p class="bad">${esc(i.error)}</p></section>`;
    const findings = i.findings.length
      ? `<table class="findings"><thead><tr><th scope="col">级别</th><th scope="col">检查项</th><th scope="col">说明</th></tr></thead><tbody>${i.findings
          .map((f) => `<tr class="${f.severity}"><td>${SEVERITY_LABELS[f.severity]}${f.dismissed ? '（已忽略）' : ''}</td><td>${esc(f.rule)}<br><span class="muted">${esc(RULE_INFO[f.rule]?.title ?? '')}</span></td><td>${esc(f.message)}</td></tr>`)
          .join('\n')}</tbody></table>`
      : '<p class="ok">未发现问题。</p>';
    const warnings = i.loaded?.warnings.length
      ? `<details><summary>导入提示（${i.loaded.warnings.length} 条）：核对这些地方的原文</summary><ul>${i.loaded.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul></details>`
      : '';
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
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:2px solid #c00;padding-bottom:4px}h3{font-size:16px;margin:20px 0 6px}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border:1px solid #bbb;padding:4px 6px;text-align:left;vertical-align:top;font-size:14px}th{background:#f2f2f2}
td.num{text-align:right;white-space:nowrap}table.findings td:first-child{white-space:nowrap}td.file{word-break:break-all;color:#555}.muted{color:#777;font-size:12px}
.tag{display:inline-block;padding:0 6px;border-radius:3px;font-size:12px;white-space:nowrap}.tag.bad{background:#000;color:#fff}.tag.err{background:#c00;color:#fff}.tag.warn{background:#f5a623;color:#000}.tag.ok{background:#2e7d32;color:#fff}
tr.error td:first-child{color:#c00;font-weight:bold}tr.warning td:first-child{color:#9a5b00}p.bad{color:#c00}p.ok{color:#2e7d32}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}.card{border:1px solid #ccc;border-radius:4px;padding:8px 14px;min-width:110px}.card b{font-size:22px;display:block}
ul.meta{margin:0;padding-left:20px;color:#333}section{page-break-inside:avoid}
@media print{body{margin:0}a{color:inherit;text-decoration:none}details{display:block}}
</style>
</head>
<body>
<h1>政府信息公开工作年度报告批量检查结果</h1>
<p class="muted">检查时间：${esc(stamp)}；检查对象：${esc(info.inputs.join('、'))}；共 ${total} 个文件。按《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）检查：“错误”指表格数字或内容有误、缺项，“警告”需要人工核实。</p>
<div class="cards">
<div class="card"><b>${withErrors}</b>有错误</div>
<div class="card"><b>${withWarnings}</b>仅有警告</div>
<div class="card"><b>${clean}</b>未发现问题</div>
<div class="card"><b>${unreadable}</b>无法读取</div>
</div>
<h2>汇总（按严重程度排序）</h2>
<table>
<thead><tr><th scope="col">序号</th><th scope="col">结论</th><th scope="col">机关</th><th scope="col">年度</th><th scope="col">格式</th><th scope="col">错误</th><th scope="col">警告</th><th scope="col">主要问题</th><th scope="col">文件</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<h2>逐份检查结果</h2>
${details.join('\n')}
</body>
</html>
`;
}

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\r\n]/.test(s) || /^[=+\-@]/.test(s) ? `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"` : s;
};

/** One row per file; UTF-8 with BOM and CRLF so that Excel and WPS show the Chinese correctly. */
export function summaryCsv(items: BatchItem[]): string {
  const header = ['序号', '结论', '机关', '年度', '格式', '来源', '错误', '警告', '提示', '主要问题', '表格识别把握', '导入提示数', '文件', '说明'];
  const rows = [...items].sort(bySeverity).map((i, n) => {
    const r = i.loaded?.report;
    return [
      n + 1,
      i.error ? '无法读取' : i.counts.error ? '有错误' : i.counts.warning ? '有警告' : '未发现问题',
      r?.agency.name ?? '',
      r?.year ?? '',
      r ? FORMAT_NAMES[r.format] ?? r.format : '',
      kindOf(i),
      i.error ? '' : i.counts.error,
      i.error ? '' : i.counts.warning,
      i.error ? '' : i.counts.info,
      ruleSummary(i.findings),
      confidenceOf(i),
      i.loaded?.warnings.length ?? '',
      i.file,
      i.error ?? '',
    ].map(csvCell);
  });
  return `\ufeff${[header.map(csvCell), ...rows].map((r) => r.join(',')).join('\r\n')}\r\n`;
}
