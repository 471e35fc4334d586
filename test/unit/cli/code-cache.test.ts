import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../../../shared/export/docx/build';
import { sampleReport } from '../../../shared/sample/sample-report';
// @ts-expect-error plain JS build helper
import { asciiOnly } from '../../../build/scripts/cli-code-cache.mjs';
// @ts-expect-error plain JS build helper
import { trainingPdf } from '../../../build/scripts/training-pdf.mjs';
import { ROOT, ensureBuiltCli, type CliRun } from './support/built-cli';
import { docxParts } from '../export/helpers/docx-parts';
import { codeCacheFile } from '../../../electron/services/code-cache';

/**
 * `export` runs as a CommonJS script of its own with V8's code cache (electron/services/code-cache.ts,
 * build/scripts/cli-code-cache.mjs): the cache is made at build time, so a first run has it; a cache
 * V8 refuses or a missing one is no error — the command runs from source and writes a new cache.
 * Runs here use a copy of dist/cli, so that other test files never meet a spoilt cache.
 */

const work = mkdtempSync(join(tmpdir(), 'nianbao-code-cache-'));
const dist = join(work, 'cli');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (args: string[]): Promise<CliRun> =>
  new Promise((resolve) =>
    execFile(
      process.execPath,
      [join(dist, 'nianbao.mjs'), ...args],
      // Node options of the test runner would be V8 flags the build's cache was not made with.
      { cwd: work, env: { ...process.env, NODE_OPTIONS: '', NIANBAO_DEBUG_CODE_CACHE: '1' } },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    ),
  );

let script = '';
let expected: [string, string][] = [];

beforeAll(async () => {
  await ensureBuiltCli();
  cpSync(join(ROOT, 'dist', 'cli'), dist, { recursive: true });
  script = readdirSync(dist).find((f) => /^export-\w+\.cjs$/.test(f)) ?? '';
  const report = sampleReport();
  writeFileSync(join(work, 'report.json'), JSON.stringify(report, null, 2));
  expected = await docxParts(await buildDocx(report));
});

/** Runs `export`, checks the .docx against the in-process build, returns what the loader said. */
async function exportOnce(): Promise<string> {
  rmSync(join(work, 'out.docx'), { force: true });
  const res = await run(['export', 'report.json', '--docx', 'out.docx']);
  expect(res.code, res.stderr).toBe(0);
  expect(await docxParts(readFileSync(join(work, 'out.docx')))).toEqual(expected);
  return res.stderr;
}

describe('export through its code-cached script', () => {
  it('the build made the script and its cache; a first run uses it and writes the same .docx', async () => {
    expect(script).toMatch(/^export-\w+\.cjs$/);
    const manifest = JSON.parse(readFileSync(join(dist, 'build-info.json'), 'utf8')) as { outputs: string[] };
    expect(manifest.outputs).toContain(script);
    const cache = join(dist, `${script}.v8cache`);
    expect(readFileSync(cache).length).toBeGreaterThan(10_000);
    expect(await exportOnce()).toContain(`${script}: code cache used`);
    // Nothing beyond ASCII: V8 keeps the script as one-byte text.
    expect(readFileSync(join(dist, script), 'utf8')).not.toMatch(/[^\x00-\x7f]/);
  });

  it('a cache V8 refuses (damaged, or of another V8) is no error: the run writes a new one', async () => {
    const cache = join(dist, `${script}.v8cache`);
    const bytes = readFileSync(cache);
    const damaged = Buffer.from(bytes.map((b, i) => (i < 64 ? b ^ 0xff : b)));
    writeFileSync(cache, damaged);
    expect(await exportOnce()).toContain(`${script}: no code cache`);
    expect(readFileSync(cache).equals(damaged)).toBe(false);
    expect(await exportOnce()).toContain(`${script}: code cache used`);
  });

  it('a missing cache: the run goes from source and leaves a cache for the next', async () => {
    const cache = join(dist, `${script}.v8cache`);
    rmSync(cache);
    expect(await exportOnce()).toContain(`${script}: no code cache`);
    expect(existsSync(cache)).toBe(true);
    expect(await exportOnce()).toContain(`${script}: code cache used`);
  });
});

describe('the importers through their code-cached scripts', () => {
  /** `import` of a file by the built CLI (its import worker); the report and what the loader said. */
  async function importOnce(
    name: string,
    bytes: Uint8Array | string,
    env: Record<string, string> = {},
  ): Promise<{ code: number; stderr: string; report: unknown }> {
    rmSync(join(work, 'out.json'), { force: true });
    writeFileSync(join(work, name), bytes);
    const res = await new Promise<CliRun>((resolve) =>
      execFile(
        process.execPath,
        [join(dist, 'nianbao.mjs'), 'import', name, '-o', 'out.json', '--quiet'],
        { cwd: work, env: { ...process.env, NODE_OPTIONS: '', NIANBAO_DEBUG_CODE_CACHE: '1', ...env } },
        (error, stdout, stderr) =>
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
      ),
    );
    // The same report but for what differs on every import (ids, times).
    const report = existsSync(join(work, 'out.json'))
      ? (JSON.parse(readFileSync(join(work, 'out.json'), 'utf8'), (k, v: unknown) =>
          ['id', 'createdAt', 'updatedAt', 'importedAt'].includes(k) ? '' : v,
        ) as unknown)
      : null;
    return { code: res.code, stderr: res.stderr, report };
  }
  const scriptOf = (prefix: string) =>
    readdirSync(dist).find((f) => new RegExp(`^${prefix}-\\w+\\.cjs$`).test(f)) ?? '';

  it('the build made the reader’s and the importers’ scripts and caches; the import worker uses them, with the same report', async () => {
    const reader = scriptOf('pdf-reader');
    const importer = scriptOf('importer');
    for (const s of [reader, importer]) {
      expect(s).toMatch(/^(pdf-reader|importer)-\w+\.cjs$/);
      expect(readFileSync(join(dist, `${s}.v8cache`)).length).toBeGreaterThan(10_000);
      expect(readFileSync(join(dist, s), 'utf8')).not.toMatch(/[^\x00-\x7f]/);
    }
    const cached = await importOnce('in.pdf', trainingPdf());
    expect(cached.code, cached.stderr).toBe(0);
    expect(cached.stderr).toContain(`${reader}: code cache used`);
    expect(cached.stderr).toContain(`${importer}: code cache used`);
    const plain = await importOnce('in.pdf', trainingPdf(), { NIANBAO_CODE_CACHE: '0' });
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stderr).not.toContain(reader);
    expect(plain.stderr).not.toContain(importer);
    expect(cached.report).toEqual(plain.report);
    expect(JSON.stringify(cached.report)).toContain('某县人民政府');
  });

  it('traditional characters are simplified from the cached script too (opencc inside it), as without', async () => {
    const html =
      '<html><body><h1>某縣人民政府2023年政府信息公開工作年度報告</h1><p>一、總體情況</p>' +
      '<p>本年度，堅持以公開為常態、不公開為例外。</p></body></html>';
    const cached = await importOnce('trad.html', html);
    expect(cached.code, cached.stderr).toBe(0);
    expect(cached.stderr).toContain(`${scriptOf('importer')}: code cache used`);
    const plain = await importOnce('trad.html', html, { NIANBAO_CODE_CACHE: '0' });
    expect(cached.report).toEqual(plain.report);
    expect(JSON.stringify(cached.report)).toContain('坚持以公开为常态');
  });

  it('a refusal of the importers is worded as without the cache (ImportError across the script and the bundle)', async () => {
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x67, 0x61, 0x72, 0x62, 0x61, 0x67, 0x65]);
    const cached = await importOnce('broken.docx', broken);
    const plain = await importOnce('broken.docx', broken, { NIANBAO_CODE_CACHE: '0' });
    expect(cached.code).not.toBe(0);
    expect(cached.code).toBe(plain.code);
    const message = (r: { stderr: string }) => r.stderr.replace(/^\[nianbao\].*\n/gm, '');
    expect(message(cached)).toBe(message(plain));
    // The importer's own message (an ImportError), not the wrapper of an unexpected failure.
    expect(message(cached)).toMatch(/^broken\.docx：这个 \.docx 文件已损坏/);
  });

  it('a damaged importers’ cache is no error: the import goes from source and writes a new one', async () => {
    const importer = scriptOf('importer');
    const cache = join(dist, `${importer}.v8cache`);
    const damaged = Buffer.from(readFileSync(cache).map((b, i) => (i < 64 ? b ^ 0xff : b)));
    writeFileSync(cache, damaged);
    const first = await importOnce('in.pdf', trainingPdf());
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain(`${importer}: no code cache`);
    expect(readFileSync(cache).equals(damaged)).toBe(false);
    const next = await importOnce('in.pdf', trainingPdf());
    expect(next.stderr).toContain(`${importer}: code cache used`);
    expect(next.report).toEqual(first.report);
  });
});

describe('code caches kept apart by the V8 flags a process sets (batch on every core)', () => {
  // Past 16 cores `--jobs` cannot fill them, and the command sets no flag.
  it.skipIf(cpus().length > 16)(
    '`batch` with its workers on every core keeps a cache of its own; `import` still uses the build’s',
    async () => {
      const reader = readdirSync(dist).find((f) => /^pdf-reader-\w+\.cjs$/.test(f)) ?? '';
      const importer = readdirSync(dist).find((f) => /^importer-\w+\.cjs$/.test(f)) ?? '';
      writeFileSync(join(work, 'batch.pdf'), trainingPdf());
      // As many workers as cores: the command sets V8's interrupt budget (batch.ts), so V8 would
      // refuse the build's caches (made without it); one file, so one worker reads.
      const jobs = String(Math.min(16, Math.max(1, cpus().length)));
      const batch = () => run(['batch', 'batch.pdf', '--json', '--jobs', jobs]);
      // Only the build's caches to begin with (a dist/cli used before may hold a batch's already).
      for (const f of readdirSync(dist)) if (/\.cjs\.[\w-]+\.v8cache$/.test(f)) rmSync(join(dist, f));
      const first = await batch();
      expect(first.code, first.stderr).toBeLessThan(2);
      expect(first.stderr).toContain(`${importer}: no code cache`);
      const own = readdirSync(dist).filter((f) => f.startsWith(`${importer}.`) && f.endsWith('.v8cache'));
      expect(own.sort()).toEqual([`${importer}.interrupt-budget-1000000.v8cache`, `${importer}.v8cache`]);
      const second = await batch();
      expect(second.stderr).toContain(`${importer}: code cache used`);
      expect(second.stderr).toContain(`${reader}: code cache used`);
      expect(second.stdout).toBe(first.stdout);
      // The build's caches were left alone: a plain import (no flags) still takes them.
      const imported = await run(['import', 'batch.pdf', '-o', 'batch.json', '--quiet']);
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stderr).toContain(`${importer}: code cache used`);
      expect(imported.stderr).toContain(`${reader}: code cache used`);
    },
  );

  it('the flags are this process’s only: a child process that inherits the environment uses the plain cache', () => {
    const saved = process.env.NIANBAO_V8_FLAGS;
    try {
      process.env.NIANBAO_V8_FLAGS = `${process.pid} --interrupt-budget=1000000`;
      expect(codeCacheFile('/x/a.cjs')).toBe('/x/a.cjs.interrupt-budget-1000000.v8cache');
      process.env.NIANBAO_V8_FLAGS = `${process.pid + 1} --interrupt-budget=1000000`;
      expect(codeCacheFile('/x/a.cjs')).toBe('/x/a.cjs.v8cache');
    } finally {
      if (saved === undefined) delete process.env.NIANBAO_V8_FLAGS;
      else process.env.NIANBAO_V8_FLAGS = saved;
    }
  });
});

describe('the script written in ASCII (asciiOnly)', () => {
  const ascii = asciiOnly as (code: string) => string;
  it('regular expressions, strings and escapes mean what they meant', () => {
    const source = String.raw`({ a: /(镇|乡)\。人民政府/, b: /😀+/u, c: /\\镇/, d: /[一-龥]+/, e: "\u9547镇", f: /\\\镇/, g: ${'`'}年${'`'} })`;
    const out = ascii(source);
    expect(out).not.toMatch(/[^\x00-\x7f]/);
    type Patterns = Record<'a' | 'b' | 'c' | 'd' | 'f', RegExp> & { e: string; g: string };
    const [before, after] = [eval(source), eval(out)] as [Patterns, Patterns];
    expect(after.e).toBe(before.e);
    expect(after.g).toBe(before.g);
    for (const key of ['a', 'b', 'c', 'd', 'f'] as const) {
      for (const text of ['镇。人民政府', '乡人民政府', '😀😀', '\\镇', '镇', '\\\\镇', 'x'])
        expect(after[key].test(text), `${key} ${text}`).toBe(before[key].test(text));
      expect(after[key].flags).toBe(before[key].flags);
    }
  });
});
