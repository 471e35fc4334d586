import { describe, expect, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import type { Finding } from '../../../shared/checks/types';
import { sampleReport } from '../../../shared/sample/sample-report';
import {
  bySeverity,
  csvCell,
  mainProblems,
  summaryCounts,
  summaryCsv,
  summaryHtml,
  summaryReport,
  verdictOf,
  type SummaryRow,
} from '../../../shared/import/batch-summary';

const AT = new Date(2025, 0, 10, 8, 5);

const finding = (
  rule: Finding['rule'],
  severity: Finding['severity'],
  message: string,
  dismissed = false,
): Finding => ({
  rule,
  severity,
  message,
  fingerprint: `${rule}:${message}`,
  ...(dismissed ? { dismissed: { reason: '已与原文核对', at: '2025-01-10T08:00:00+08:00' } } : {}),
});

const counts = (findings: Finding[]) => {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) if (!f.dismissed) c[f.severity]++;
  return c;
};

function read(file: string, findings: Finding[], extra: Partial<SummaryRow> = {}): SummaryRow {
  return {
    file,
    report: summaryReport(sampleReport()),
    kind: 'html',
    confidence: { t2: 1, t3: 0.75, t4: 0.4 },
    warnings: [],
    findings,
    counts: counts(findings),
    ...extra,
  };
}

const broken = [
  finding('T4-TOTAL', 'error', '表四总计应为 7，填的是 8。'),
  finding('T4-TOTAL', 'error', '另一处总计不对。'),
  finding('X-CARRY', 'warning', '上年结转不一致。'),
];
const warned = [
  finding('X-CARRY', 'warning', '上年结转与上年报告不一致。'),
  finding('T4-TOTAL', 'error', '已核实无误。', true),
];

const rows: SummaryRow[] = [
  read('clean.html', []),
  { file: 'later.pdf', pending: true, findings: [], counts: { error: 0, warning: 0, info: 0 } },
  read('warned.html', warned, { withLast: '2023年报.html', warnings: ['表三第 3 行的数字连在一起，请核对。'] }),
  {
    file: '<坏>.pdf',
    error: '<坏>.pdf：这个 PDF 文件已损坏 & 不完整。',
    findings: [],
    counts: { error: 0, warning: 0, info: 0 },
  },
  read('=SUM(A1).docx', broken, { kind: 'docx' }),
];

/** RFC 4180 cells of one CSV text (quotes, doubled quotes, CRLF rows). */
function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      out.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell || row.length) {
    row.push(cell);
    out.push(row);
  }
  return out;
}

const hex = (c: string) =>
  [1, 3, 5]
    .map((i) => parseInt(c.slice(i, i + 2), 16) / 255)
    .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
const luminance = (c: string) => {
  const [r, g, b] = hex(c) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

describe('batch summary (shared by the CLI and the app)', () => {
  it('verdicts and order: unreadable, errors, warnings, clean, not yet checked', () => {
    expect(rows.map(verdictOf)).toEqual(['clean', 'pending', 'warning', 'unreadable', 'error']);
    expect([...rows].sort(bySeverity).map((r) => r.file)).toEqual([
      '<坏>.pdf',
      '=SUM(A1).docx',
      'warned.html',
      'clean.html',
      'later.pdf',
    ]);
    expect(summaryCounts(rows)).toEqual({ unreadable: 1, 'not-report': 0, error: 1, warning: 1, clean: 1, pending: 1 });
    // An error while checking a report that was read still makes it unreadable.
    expect(verdictOf({ error: '检查时出错', counts: { error: 0, warning: 0, info: 0 } })).toBe('unreadable');
  });

  it('main problems: rule title and id, counted, dismissed and info findings left out', () => {
    expect(mainProblems(broken)).toBe('表四总计（T4-TOTAL）×2；上年结转与上年报告不一致（X-CARRY）');
    expect(mainProblems(warned)).toBe('上年结转与上年报告不一致（X-CARRY）');
  });

  it('CSV: BOM, CRLF, one row per file by severity, 14 cells each, formulas defused', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=SUM(A1)')).toBe(`"'=SUM(A1)"`);
    expect(csvCell('-1')).toBe(`"'-1"`);
    expect(csvCell(3)).toBe('3');
    expect(csvCell(undefined)).toBe('');
    const csv = summaryCsv(rows);
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.slice(1).replace(/\r\n/g, '')).not.toMatch(/\n/);
    const table = parseCsv(csv.slice(1));
    expect(table[0]).toEqual([
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
    ]);
    expect(table).toHaveLength(6);
    for (const r of table) expect(r).toHaveLength(14);
    const [, bad, err, warn, clean, later] = table as string[][];
    expect(bad).toEqual([
      '1',
      '无法读取',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '<坏>.pdf',
      '<坏>.pdf：这个 PDF 文件已损坏 & 不完整。',
    ]);
    expect(err!.slice(0, 9)).toEqual([
      '2',
      '有错误',
      '云溪县市场监督管理局',
      '2024',
      '2021年版',
      'Word 文档',
      '2',
      '1',
      '0',
    ]);
    expect(err![9]).toBe('表四总计（T4-TOTAL）×2；上年结转与上年报告不一致（X-CARRY）');
    expect(err![10]).toBe('表二 高（100%），表三 中（75%），表四 低（40%）');
    expect(err![12]).toBe("'=SUM(A1).docx");
    expect(warn!.slice(0, 2)).toEqual(['3', '有警告']);
    expect(warn![11]).toBe('1');
    expect(clean!.slice(0, 9)).toEqual([
      '4',
      '未发现问题',
      '云溪县市场监督管理局',
      '2024',
      '2021年版',
      '网页',
      '0',
      '0',
      '0',
    ]);
    expect(later!.slice(0, 2)).toEqual(['5', '未检查']);
    expect(later!.slice(6, 9)).toEqual(['', '', '']);
  });

  it('HTML: valid standalone page, escaped, sorted, with rule ids, dismissals, last-year pairing and the pending file', async () => {
    const html = summaryHtml(rows, { at: AT, inputs: ['下载的年报/'] });
    expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|url\(|@import|https?:/i);
    expect(html).toContain('2025年1月10日 08:05');
    expect(html).toContain('检查对象：下载的年报/；共 5 个文件');
    expect(html).toContain('&lt;坏&gt;.pdf：这个 PDF 文件已损坏 &amp; 不完整。');
    const order = ['&lt;坏&gt;.pdf', '=SUM(A1).docx', 'warned.html', 'clean.html', 'later.pdf'].map((f) =>
      html.indexOf(f),
    );
    expect(order.every((p) => p > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain('T4-TOTAL<br><span class="muted">表四总计</span>');
    expect(html).toContain('错误（已忽略）');
    expect(html).toContain('已与上年报告对照：2023年报.html');
    expect(html).toContain('表格识别可信度：表二 高（100%），表三 中（75%），表四 低（40%）');
    expect(html).toContain('<details open><summary>导入提示（1 条）');
    expect(html).toContain('<b>1</b>未检查');
    expect(html).toContain('<span class="tag pending">未检查</span>');
    expect(html).toMatch(/@page\{size:A4/);
    const report = await new HtmlValidate({
      extends: ['html-validate:recommended', 'html-validate:document'],
      rules: { 'no-inline-style': 'off' },
    }).validateString(html);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
    // Without inputs (the app) and without a pending file: no 检查对象, no 未检查 card.
    const app = summaryHtml([rows[0]!], { at: AT });
    expect(app).not.toContain('检查对象');
    expect(app).not.toContain('未检查');
  });

  it('every text colour has at least 4.5:1 contrast on its background', () => {
    const html = summaryHtml(rows, { at: AT });
    const css = html.slice(html.indexOf('<style>') + 7, html.indexOf('</style>'));
    const body = /body\{[^}]*?[{;]color:(#[0-9a-f]{6})/.exec(css)?.[1];
    expect(body).toBe('#1f1f1f');
    // Six-digit colours only, so that every one is checked below.
    expect(css).not.toMatch(/#[0-9a-f]{3}(?![0-9a-f])/i);
    let pairs = 0;
    for (const [, selector, decls] of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      const fg = /(?:^|;)color:(#[0-9a-f]{6})/.exec(decls!)?.[1];
      const bg = /(?:^|;)background:(#[0-9a-f]{6})/.exec(decls!)?.[1];
      if (!fg && !bg) continue;
      const ratio = contrast(fg ?? body!, bg ?? '#ffffff');
      expect(ratio, `${selector!.trim()}: ${fg ?? body} on ${bg ?? '#ffffff'}`).toBeGreaterThanOrEqual(4.5);
      pairs++;
    }
    expect(pairs).toBeGreaterThan(10);
  });

  it('summaryReport: the shown fields and the publish date the importer found', () => {
    const r = sampleReport();
    expect(summaryReport(r)).toEqual({ agency: r.agency.name, year: r.year, format: r.format, title: r.title });
    r.meta.source = { ...(r.meta.source ?? {}), publishedAt: ' 2025-01-20 ' } as typeof r.meta.source;
    expect(summaryReport(r).publishedAt).toBe('2025-01-20');
  });
});
