import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { cliIo } from '../cli/support/cli-io';
import { readExportedDocx } from '../../../shared/import/exported-docx';
import { richReport } from './fixtures';
import { cleanupTempDirs, itWithTools, tempDir } from './helpers/tools';

afterAll(cleanupTempDirs);

/** `nianbao export` through the real CLI entry (main), with files on disk. */

const BASE = '云溪县市场监督管理局2024年政府信息公开工作年度报告';

describe('nianbao export', () => {
  itWithTools(
    ['chromium'],
    'with no output option writes .docx, .html and .pdf next to the input, never over existing files',
    async () => {
      const dir = tempDir('cli');
      const input = join(dir, 'report.json');
      writeFileSync(input, JSON.stringify(richReport()));
      const first = cliIo(dir);
      expect(await main(['export', 'report.json'], first.io)).toBe(0);
      for (const ext of ['docx', 'html', 'pdf']) {
        expect(first.out()).toContain(join(dir, `${BASE}.${ext}`));
        expect(existsSync(join(dir, `${BASE}.${ext}`))).toBe(true);
      }
      expect(
        readFileSync(join(dir, `${BASE}.pdf`))
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      const second = cliIo(dir);
      expect(await main(['export', input], second.io)).toBe(0);
      expect(second.out()).toContain(`${BASE}(2).docx`);
      expect(second.out()).toContain('已存在，未覆盖');
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    },
  );

  it('explicit outputs: only those, in new folders, replacing a named file and saying so', async () => {
    const dir = tempDir('cli-explicit');
    const input = join(dir, 'report.json');
    const report = richReport();
    writeFileSync(input, JSON.stringify(report));
    const a = cliIo(dir);
    expect(
      await main(
        ['export', input, '--docx', 'out/a.docx', '--fragment', 'out/site.html', '--page-numbers', 'center'],
        a.io,
      ),
    ).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['a.docx', 'site.html']);
    expect(readFileSync(join(dir, 'out', 'site.html'), 'utf8')).toMatch(/^<article/);
    expect((await readExportedDocx(new Uint8Array(readFileSync(join(dir, 'out', 'a.docx')))))!.report).toEqual(report);
    const b = cliIo(dir);
    expect(await main(['export', input, '--html', 'out/site.html'], b.io)).toBe(0);
    expect(b.out()).toContain('已替换原有文件');
    expect(readFileSync(join(dir, 'out', 'site.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('exit code 2 for unreadable input or wrong usage, with a Chinese message', async () => {
    const dir = tempDir('cli-bad');
    writeFileSync(join(dir, 'broken.json'), '{ not json');
    for (const argv of [
      ['export'],
      ['export', 'missing.json'],
      ['export', 'broken.json'],
      ['export', 'a.json', 'b.json'],
      ['export', 'x.json', '--page-numbers', 'top'],
      ['export', 'x.json', '--bogus', '1'],
    ]) {
      const r = cliIo(dir);
      expect(await main(argv, r.io), argv.join(' ')).toBe(2);
      expect(r.err()).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(readdirSync(dir)).toEqual(['broken.json']);
  });

  it('warns on stderr when the report still has errors, but exports', async () => {
    const dir = tempDir('cli-errors');
    // A row total that does not add up: T3-ROW-TOTAL is an error.
    const report = richReport();
    report.cells['t3.new_received.total'] = 999;
    writeFileSync(join(dir, 'r.json'), JSON.stringify(report));
    const r = cliIo(dir);
    expect(await main(['export', 'r.json', '--docx', 'r.docx'], r.io)).toBe(0);
    expect(r.err()).toMatch(/还有 \d+ 个错误未解决/);
    expect(existsSync(join(dir, 'r.docx'))).toBe(true);
    const clean = cliIo(dir);
    writeFileSync(join(dir, 'ok.json'), JSON.stringify(richReport()));
    expect(await main(['export', 'ok.json', '--html', 'ok.html'], clean.io)).toBe(0);
  });

  it('help describes the options', async () => {
    const r = cliIo('/');
    expect(await main(['help', 'export'], r.io)).toBe(0);
    expect(r.out()).toMatch(/--docx[\s\S]*--fragment[\s\S]*退出码/);
  });
});
