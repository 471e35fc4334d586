import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { buildDocx, buildHtml } from '../../../shared/export/index';
import { importReport } from '../../../shared/import/index';
import { summaryCsv, summaryHtml, summaryReport, verdictOf } from '../../../shared/import/batch-summary';
import { blankReport } from '../../../shared/model/blank';
import { sampleReport } from '../../fixtures/import/reports';
import { OFFICIAL_TEMPLATE } from '../export/helpers/tools';

/**
 * A blank template (the official .docx with empty tables, or a blank report exported) and an
 * outline with the six headings and nothing else are named as such — in the import result, in
 * `batch` and its summaries — not counted as reports with errors.
 */

const enc = new TextEncoder();
const OUTLINE = [
  '某某县教育局2024年政府信息公开工作年度报告（提纲）',
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
].join('\n');

describe('not a report', () => {
  it.skipIf(!existsSync(OFFICIAL_TEMPLATE))(
    'the official template .docx: a blank template, tables not “read with confidence”',
    async () => {
      const res = await importReport(new Uint8Array(readFileSync(OFFICIAL_TEMPLATE)), 'official-template-2021.docx');
      expect(res.notReport?.reason).toBe('template');
      expect(res.warnings[0]).toContain('空白的年报格式模板');
      expect(res.confidence).toEqual({ t2: 0, t3: 0, t4: 0 });
      expect(summaryReport(res.report).notReport).toBe(res.notReport?.message);
    },
  );

  it('a blank report exported as .docx and as a page: headings and empty tables, no figures', async () => {
    const blank = blankReport({ agency: '某某县教育局', kind: 'department', year: 2024 });
    for (const [bytes, name] of [
      [await buildDocx(blank, { embed: false }), 'blank.docx'],
      [enc.encode(buildHtml(blank, { standalone: true })), 'blank.html'],
    ] as const) {
      const res = await importReport(bytes, name);
      expect(res.notReport, name).toBeDefined();
      expect(Object.values(res.confidence).every((c) => c === 0)).toBe(true);
    }
  });

  it('an outline with the six headings only', async () => {
    const res = await importReport(enc.encode(OUTLINE), '提纲.txt');
    expect(res.notReport?.reason).toBe('no-figures');
    expect(res.warnings[0]).toContain('只有年报的章节标题');
  });

  it('a real report stays a report: all zeros, or its tables lost with its text kept', async () => {
    const res = await importReport(enc.encode(buildHtml(sampleReport(), { standalone: true })), 'ok.html');
    expect(res.notReport).toBeUndefined();
    const textOnly = sampleReport().sections.flatMap((s, i) => [
      [
        '一、总体情况',
        '二、主动公开政府信息情况',
        '三、收到和处理政府信息公开申请情况',
        '四、政府信息公开行政复议、行政诉讼情况',
        '五、存在的主要问题及改进情况',
        '六、其他需要报告的事项',
      ][i]!,
      ...s.blocks.map((b) => b.text),
    ]);
    const lost = await importReport(enc.encode([sampleReport().title, ...textOnly].join('\n')), 'lost.txt');
    expect(lost.notReport).toBeUndefined();
    expect(lost.warnings.some((w) => w.includes('未找到表三'))).toBe(true);
  });

  describe('batch', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-not-report-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('names it 不是年报, counts it apart, keeps the exit code of the real reports', async () => {
      writeFileSync(join(dir, 'a-提纲.txt'), OUTLINE);
      writeFileSync(join(dir, 'b-年报.html'), buildHtml(sampleReport(), { standalone: true }));
      let out = '';
      const io = { stdout: (t: string) => (out += t), stderr: () => undefined, cwd: dir, isTTY: false };
      const code = await main(['batch', '.', '--html', 's.html', '--csv', 's.csv'], io);
      expect(code).toBe(0);
      expect(out).toMatch(/^不是年报 {2}a-提纲\.txt：这份文件只有年报的章节标题/m);
      expect(out).toContain('共 2 份：有错误 0 份，仅有警告 0 份，未发现问题 1 份，无法读取 0 份，不是年报 1 份。');
      const html = readFileSync(join(dir, 's.html'), 'utf8');
      expect(html).toContain('<b>1</b>不是年报');
      expect(readFileSync(join(dir, 's.csv'), 'utf8')).toMatch(/不是年报,某某县教育局,2024.*只有年报的章节标题/);
    }, 60_000);

    it('the summary verdict of a row with a not-a-report note', () => {
      const row = {
        file: 'x.docx',
        report: { agency: '', year: 2024, format: 'gov-2021' as const, title: '', notReport: '模板' },
        findings: [],
        counts: { error: 3, warning: 0, info: 0 },
      };
      expect(verdictOf(row)).toBe('not-report');
      expect(summaryCsv([row])).toContain('不是年报');
      expect(summaryHtml([row], { at: new Date() })).toContain('不是年报');
    });
  });
});
