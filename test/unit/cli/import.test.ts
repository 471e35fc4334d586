import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { cliIo } from './support/cli-io';
import { buildDocx, buildHtml } from '../../../shared/export/index';
import { parseReportJson } from '../../../shared/model/schema';
import { sampleReport } from '../../../shared/sample/sample-report';
import { pdfCopy } from '../../fixtures/import/render';
import { cli, ensureBuiltCli } from './support/built-cli';

describe('nianbao import', () => {
  let dir: string;
  const exported = sampleReport();
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-import-cli-'));
    writeFileSync(join(dir, '年报.html'), buildHtml(sampleReport(), { standalone: true }));
    writeFileSync(join(dir, '年报.txt'), pdfCopy(sampleReport()));
    writeFileSync(join(dir, '导出.docx'), await buildDocx(exported));
    writeFileSync(join(dir, '空.pdf'), '');
    writeFileSync(join(dir, '旧.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
    writeFileSync(join(dir, '菜谱.txt'), '红烧肉的做法\n五花肉500克，冰糖30克。\n');
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the report JSON on stdout and what it recognised on stderr', async () => {
    const t = cliIo(dir);
    expect(await main(['import', '年报.txt'], t.io)).toBe(0);
    const parsed = parseReportJson(t.out());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.report.cells).toEqual(sampleReport().cells);
    expect(parsed.report.meta.source).toMatchObject({ fileName: '年报.txt', detectedFormat: 'gov-2021', kind: 'text' });
    expect(t.err()).toContain('云溪县市场监督管理局 2024年度，2021年版格式（文本）');
    expect(t.err()).toMatch(/表格识别把握：表2 100%，表3 100%/);
  });

  it('-o writes the file; --quiet keeps stderr empty', async () => {
    const t = cliIo(dir);
    expect(await main(['import', '年报.html', '-o', 'out.json', '--quiet'], t.io)).toBe(0);
    expect(t.out()).toBe('');
    expect(t.err()).toBe('');
    const parsed = parseReportJson(readFileSync(join(dir, 'out.json'), 'utf8'));
    expect(parsed.ok && parsed.report.cells).toEqual(sampleReport().cells);
  });

  it('our exported .docx comes back unchanged', async () => {
    const t = cliIo(dir);
    expect(await main(['import', '导出.docx'], t.io)).toBe(0);
    expect(JSON.parse(t.out())).toEqual(exported);
    expect(t.err()).toContain('本软件导出的 Word');
  });

  it.each([
    ['空.pdf', /空的/],
    ['旧.doc', /另存为” ?\.docx/],
    ['菜谱.txt', /不是政府信息公开工作年度报告/],
    ['没有这个文件.pdf', /文件不存在/],
  ])('%s: a clear message, exit 2', async (file, msg) => {
    const t = cliIo(dir);
    expect(await main(['import', file], t.io)).toBe(2);
    expect(t.err()).toMatch(msg);
    expect(t.out()).toBe('');
  });

  it('wrong usage: exit 2 with the usage text', async () => {
    for (const argv of [['import'], ['import', 'a.txt', 'b.txt'], ['import', '年报.txt', '--bogus']]) {
      const t = cliIo(dir);
      expect(await main(argv, t.io)).toBe(2);
      expect(t.err()).toContain('nianbao import <文件>');
    }
  });

  it('check accepts an imported file and checks it in import mode', async () => {
    const t = cliIo(dir);
    const code = await main(['check', '年报.html'], t.io);
    expect(t.out()).toContain('年报.html：云溪县市场监督管理局 2024年度');
    expect(code).toBe(0);
  });

  it('runs as a real command (the bundled CLI)', async () => {
    await ensureBuiltCli();
    const res = await cli(['import', '年报.html'], dir);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).title).toBe(sampleReport().title);
  });
});
