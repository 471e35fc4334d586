import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { cliIo } from './support/cli-io';
import { buildDocx, buildHtml } from '../../../shared/export/index';
import { sampleReport } from '../../../shared/sample/sample-report';
import { makeReport, withCells } from '../../fixtures/factory';
import { rowText, siteHtml } from '../../fixtures/import/render';

describe('nianbao batch', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-batch-'));
    mkdirSync(join(dir, '年报', '县直部门'), { recursive: true });
    const good = sampleReport();
    const wrong = withCells(makeReport({ agency: '青岚区教育局', year: 2024 }), { 't4.review.total': 7 });
    const now = makeReport({
      agency: '白石镇人民政府',
      kind: 'township',
      year: 2024,
      t3: { carried_over: [2, 0, 0, 0, 0, 0], res_open: [3, 0, 0, 0, 0, 0] },
    });
    const last = makeReport({
      agency: '白石镇人民政府',
      kind: 'township',
      year: 2023,
      variant: 1,
      t3: { res_open: [6, 0, 0, 0, 0, 0], carry_next: [5, 0, 0, 0, 0, 0] },
    });
    writeFileSync(join(dir, '年报', 'a-云溪.html'), buildHtml(good, { standalone: true }));
    writeFileSync(join(dir, '年报', '县直部门', 'b-青岚.docx'), await buildDocx(wrong, { embed: false }));
    writeFileSync(join(dir, '年报', 'c-白石-2024.txt'), rowText(now));
    writeFileSync(join(dir, '年报', 'd-白石-2023.html'), siteHtml(last));
    writeFileSync(join(dir, '年报', 'e-坏.pdf'), '%PDF-1.4 broken');
    writeFileSync(join(dir, '年报', 'f-说明.md'), '# not picked up');
    writeFileSync(join(dir, 'single.json'), JSON.stringify(good));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('one line per report, a summary line, exit 2 when a file is unreadable', async () => {
    const t = cliIo(dir);
    const code = await main(['batch', '年报', 'single.json'], t.io);
    expect(code).toBe(2);
    const lines = t.out().trim().split('\n');
    expect(lines).toHaveLength(7);
    const of = (file: string) => lines.find((l) => l.endsWith(file) || l.includes(`${file}：`)) ?? '';
    expect(of('年报/a-云溪.html')).toMatch(
      /^通过 +云溪县市场监督管理局 +2024年度 +2021年版 +错误 0 +警告 0 +年报\/a-云溪\.html$/,
    );
    expect(of('single.json')).toMatch(/^通过 +云溪县市场监督管理局 +2024年度/);
    expect(of('年报/县直部门/b-青岚.docx')).toMatch(/^错误 +青岚区教育局 +2024年度 +2021年版 +错误 1 +/);
    expect(of('年报/c-白石-2024.txt')).toMatch(/^警告 +白石镇人民政府 +2024年度 +2021年版 +错误 0 +警告 [1-9]/);
    expect(of('e-坏.pdf')).toMatch(/^无法读取 +e-坏\.pdf：.*损坏/);
    expect(t.out()).not.toContain('f-说明.md');
    expect(lines[6]).toBe('共 6 份：有错误 1 份，仅有警告 1 份，未发现问题 3 份，无法读取 1 份。');
    // No progress bar when stderr is not a terminal.
    expect(t.err()).not.toContain('\r');
  });

  it('cross-year checks use last year’s report of the same agency when the batch has it', async () => {
    const t = cliIo(dir);
    await main(['batch', '年报', '--json'], t.io);
    const items = JSON.parse(t.out()) as { file: string; comparedWith?: string; findings: { rule: string }[] }[];
    const now = items.find((i) => i.file.endsWith('c-白石-2024.txt'))!;
    expect(now.comparedWith).toMatch(/d-白石-2023\.html$/);
    expect(now.findings.some((f) => f.rule === 'X-CARRY')).toBe(true);
  });

  it('exit 1 when a report has errors and every file was read; 0 when all pass', async () => {
    const t1 = cliIo(dir);
    expect(await main(['batch', join('年报', '县直部门')], t1.io)).toBe(1);
    const t0 = cliIo(dir);
    expect(await main(['batch', 'single.json', join('年报', 'a-云溪.html')], t0.io)).toBe(0);
  });

  it('writes a standalone summary page (valid HTML, no scripts, sorted by severity) and a CSV with BOM', async () => {
    const t = cliIo(dir);
    await main(['batch', '年报', '--html', 'summary.html', '--csv', 'summary.csv', '--jobs', '2'], t.io);
    const html = readFileSync(join(dir, 'summary.html'), 'utf8');
    expect(html).not.toMatch(/<script|<link|src="http/i);
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(html);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
    const order = ['e-坏.pdf', 'b-青岚.docx', 'c-白石-2024.txt', 'a-云溪.html'].map((f) => html.indexOf(f));
    expect(order.every((p) => p > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain('T4-TOTAL');
    const csv = readFileSync(join(dir, 'summary.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = csv.toString('utf8').slice(1).trim().split('\r\n');
    expect(rows[0]).toBe('序号,结论,机关,年度,格式,来源,错误,警告,提示,主要问题,表格识别可信度,导入提示数,文件,说明');
    expect(rows).toHaveLength(6);
    expect(rows[1]).toMatch(/^1,无法读取,/);
    expect(rows.some((r) => r.startsWith('2,有错误,青岚区教育局,2024,2021年版,Word 文档,1,'))).toBe(true);
  });

  it('draws a progress bar on stderr only in a terminal', async () => {
    const t = cliIo(dir, true);
    await main(['batch', '年报'], t.io);
    expect(t.err()).toMatch(/\r\x1b\[2K\[#+\.*\] 1\/5 /);
    expect(t.err()).toMatch(/\] 5\/5 /);
  });

  it('nothing to check, or a wrong option: exit 2 with a message', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'nianbao-batch-empty-'));
    const t = cliIo(empty);
    expect(await main(['batch', '.'], t.io)).toBe(2);
    rmSync(empty, { recursive: true, force: true });
    expect(t.err()).toContain('没有找到可检查的文件');
    const u = cliIo(dir);
    expect(await main(['batch', '年报', '--jobs', '0'], u.io)).toBe(2);
    expect(u.err()).toContain('--jobs');
  });
});
