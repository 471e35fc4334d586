import { describe, expect, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import { sampleReport } from '../../../shared/sample/sample-report';
import type { ImportPreview } from '../../../shared/service/api';
import {
  bySeverity,
  checkRows,
  csvCell,
  pool,
  summaryCounts,
  summaryCsv,
  summaryHtml,
  verdictOf,
  type BatchRow,
} from '../../../renderer/src/batch/batch-logic';

const NOW = new Date('2025-01-10T08:00:00+08:00');

function preview(mutate?: (r: ReturnType<typeof sampleReport>) => void): ImportPreview {
  const report = sampleReport();
  mutate?.(report);
  return { report, kind: 'html', format: report.format, warnings: [], confidence: { t2: 1, t3: 0.98, t4: 1 } };
}

const row = (index: number, fileName: string, p?: ImportPreview, error?: string): BatchRow => ({
  index,
  fileName,
  size: 1000,
  state: error ? 'failed' : p ? 'done' : 'waiting',
  ...(p ? { preview: p } : {}),
  ...(error ? { error } : {}),
  findings: [],
  counts: { error: 0, warning: 0, info: 0 },
});

describe('batch check logic', () => {
  it('pool runs at most `limit` tasks at a time and every item once', async () => {
    let running = 0;
    let peak = 0;
    const seen: number[] = [];
    await pool([1, 2, 3, 4, 5, 6, 7], 2, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      seen.push(n);
      running--;
    });
    expect(peak).toBe(2);
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('pool stops taking new items once stopped', async () => {
    const seen: number[] = [];
    let stop = false;
    await pool(
      [1, 2, 3, 4, 5],
      1,
      async (n) => {
        seen.push(n);
        if (n === 2) stop = true;
      },
      () => stop,
    );
    expect(seen).toEqual([1, 2]);
  });

  it('checks each report, sorts unreadable → errors → warnings → clean, and counts', () => {
    const broken = preview((r) => {
      r.cells['t3.new_received.natural'] = (r.cells['t3.new_received.natural'] as number) + 7;
    });
    const rows = checkRows(
      [
        row(0, 'clean.html', preview()),
        row(1, 'broken.html', broken),
        row(2, 'bad.pdf', undefined, 'bad.pdf：这个 PDF 文件已损坏。'),
      ],
      NOW,
    );
    const clean = rows[0]!;
    expect(clean.counts.error).toBe(0);
    expect(rows[1]!.counts.error).toBeGreaterThan(0);
    expect(rows[1]!.findings.some((f) => f.rule === 'T3-BALANCE')).toBe(true);
    const order = [...rows].sort(bySeverity).map((r) => r.fileName);
    expect(order[0]).toBe('bad.pdf');
    expect(order[1]).toBe('broken.html');
    expect(order[2]).toBe('clean.html');
    expect(summaryCounts(rows)).toMatchObject({ unreadable: 1, error: 1, clean: verdictOf(clean) === 'clean' ? 1 : 0 });
  });

  it('pairs last year’s report of the same agency (named with or without its city)', () => {
    const last = preview((r) => {
      r.year = 2023;
      r.agency.name = '云溪县市场监督管理局';
    });
    const cur = preview((r) => {
      r.agency.name = '某某市云溪县市场监督管理局';
    });
    const rows = checkRows([row(0, '2023.html', last), row(1, '2024.html', cur)], NOW);
    expect(rows[1]!.withLast).toBe('2023.html');
    expect(rows[0]!.withLast).toBeUndefined();
  });

  it('CSV: BOM, CRLF, quoted cells, formulas defused', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=SUM(A1)')).toBe(`"'=SUM(A1)"`);
    expect(csvCell(3)).toBe('3');
    const rows = checkRows([row(0, 'x,y.html', preview()), row(1, 'bad.pdf', undefined, '无法读取：损坏')], NOW);
    const csv = summaryCsv(rows);
    expect(csv.startsWith('\ufeff序号,结论,机关')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4); // header, 2 rows, final empty
    expect(lines[1]).toMatch(/^1,无法读取,/);
    expect(lines[2]).toContain('云溪县市场监督管理局,2024,2021年版,网页');
    expect(lines[2]).toContain('"x,y.html"');
  });

  it('HTML summary: valid, no scripts, every file listed', async () => {
    const rows = checkRows([row(0, 'a.html', preview()), row(1, '<b>.pdf', undefined, '损坏 & 无法读取')], NOW);
    const html = summaryHtml(rows, NOW);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;b&gt;.pdf');
    expect(html).toContain('2025年1月10日');
    const report = await new HtmlValidate({
      extends: ['html-validate:recommended', 'html-validate:document'],
      rules: { 'no-inline-style': 'off' },
    }).validateString(html);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
  });
});
