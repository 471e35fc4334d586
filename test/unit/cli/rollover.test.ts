import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleReport } from '../../../shared/sample/sample-report';
import { cli, ensureBuiltCli } from './support/built-cli';

// The real CLI as a child process: bin/nianbao.mjs and the bundle in dist/cli.
beforeAll(ensureBuiltCli);

describe('nianbao rollover', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-rollover-'));
    writeFileSync(join(dir, 'last.json'), JSON.stringify(sampleReport()));
  });

  it('writes next year’s report to stdout', async () => {
    const res = await cli(['rollover', 'last.json'], dir);
    expect(res.code).toBe(0);
    const report = JSON.parse(res.stdout);
    expect(report.year).toBe(2025);
    expect(report.cells['t3.carried_over.natural']).toBe(1);
    expect(report.meta.derivedFrom.year).toBe(2024);
  });

  it('writes to -o and refuses to overwrite without --force', async () => {
    expect((await cli(['rollover', 'last.json', '--year', '2025', '-o', 'next.json'], dir)).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'next.json'), 'utf8')).year).toBe(2025);
    const again = await cli(['rollover', 'last.json', '-o', 'next.json'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/--force/);
  });

  it('explains bad input with exit code 2', async () => {
    const missing = await cli(['rollover', 'nope.json'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.json：文件不存在/);
    const early = await cli(['rollover', 'last.json', '--year', '2023'], dir);
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/应晚于/);
    const bad = await cli(['rollover', 'last.json', '--year', 'abc'], dir);
    expect(bad.code).toBe(2);
    expect(existsSync(join(dir, 'abc'))).toBe(false);
  });
});
