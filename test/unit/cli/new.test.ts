import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateReport } from '../../../shared/model/schema';
import { cli, ensureBuiltCli } from './support/built-cli';

// The real CLI as a child process: bin/nianbao.mjs and the bundle in dist/cli.
beforeAll(ensureBuiltCli);

describe('nianbao new', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-new-'));
    mkdirSync(join(dir, 'sub'));
  });

  it('prints a blank report of the year’s format to stdout', async () => {
    const res = await cli(['new', '--agency', '云溪县市场监督管理局', '--kind', 'department', '--year', '2024'], dir);
    expect(res.code).toBe(0);
    const report = JSON.parse(res.stdout);
    expect(validateReport(report).ok).toBe(true);
    expect(report).toMatchObject({
      format: 'gov-2021',
      year: 2024,
      agency: { name: '云溪县市场监督管理局', kind: 'department' },
      title: '云溪县市场监督管理局2024年政府信息公开工作年度报告',
    });
    expect(Object.values(report.cells).every((v) => v === null)).toBe(true);
    const old = JSON.parse(
      (await cli(['new', '--agency', '青禾镇人民政府', '--kind', '乡镇', '--year', '2020'], dir)).stdout,
    );
    expect(old).toMatchObject({ format: 'gov-2019', agency: { kind: 'township' } });
  });

  it('writes -o, refuses to overwrite without --force, overwrites with it', async () => {
    const first = await cli(
      ['new', '--agency', '云溪县人民政府', '--kind', 'government', '--year', '2024', '-o', 'sub/new.json'],
      dir,
    );
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('已新建 sub/new.json');
    expect(JSON.parse(readFileSync(join(dir, 'sub/new.json'), 'utf8')).agency.kind).toBe('government');
    writeFileSync(join(dir, 'sub/keep.json'), 'my work');
    const again = await cli(['new', '--agency', 'x', '--kind', 'other', '--year', '2024', '-o', 'sub/keep.json'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('keep.json：文件已存在，没有覆盖。如需覆盖，请加 --force。');
    expect(readFileSync(join(dir, 'sub/keep.json'), 'utf8')).toBe('my work');
    const forced = await cli(
      ['new', '--agency', 'x', '--kind', 'other', '--year', '2024', '-o', 'sub/keep.json', '--force'],
      dir,
    );
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'sub/keep.json'), 'utf8')).agency.name).toBe('x');
  });

  it('explains missing and invalid options in Chinese (exit 2)', async () => {
    const cases: [string[], RegExp][] = [
      [['--kind', 'department', '--year', '2024'], /请用 --agency 给出机关全称/],
      [['--agency', 'x', '--year', '2024'], /请用 --kind 给出机关类型/],
      [['--agency', 'x', '--kind', 'bureau', '--year', '2024'], /机关类型“bureau”不对/],
      [['--agency', 'x', '--kind', 'other'], /请用 --year 给出报告年度/],
      [['--agency', 'x', '--kind', 'other', '--year', '24'], /年度“24”不对/],
      [['--agency', 'x', '--kind', 'other', '--year'], /选项 --year 需要一个值/],
      [['--agency', 'x', '--kind', 'other', '--year', '2024', '-o', 'nodir/a.json'], /所在文件夹不存在/],
    ];
    for (const [args, message] of cases) {
      const res = await cli(['new', ...args], dir);
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.stderr).toMatch(message);
    }
  });

  it('a new report checks as incomplete (exit 1)', async () => {
    await cli(
      ['new', '--agency', '云溪县青禾镇人民政府', '--kind', 'township', '--year', '2024', '-o', 'fresh.json'],
      dir,
    );
    const res = await cli(['check', 'fresh.json'], dir);
    expect(res.code).toBe(1);
    expect(res.stdout.match(/SECTION-EMPTY/g)).toHaveLength(6);
  });
});
