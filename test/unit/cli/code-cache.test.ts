import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

describe('the PDF reader through its code-cached script', () => {
  /** `import` of the build's training PDF (a Word-like report the fast reader reads itself). */
  async function importOnce(env: Record<string, string> = {}): Promise<{ stderr: string; report: unknown }> {
    rmSync(join(work, 'out.json'), { force: true });
    writeFileSync(join(work, 'in.pdf'), trainingPdf());
    const res = await new Promise<CliRun>((resolve) =>
      execFile(
        process.execPath,
        [join(dist, 'nianbao.mjs'), 'import', 'in.pdf', '-o', 'out.json', '--quiet'],
        { cwd: work, env: { ...process.env, NODE_OPTIONS: '', NIANBAO_DEBUG_CODE_CACHE: '1', ...env } },
        (error, stdout, stderr) =>
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
      ),
    );
    expect(res.code, res.stderr).toBe(0);
    // The same report but for what differs on every import (ids, times).
    const report = JSON.parse(readFileSync(join(work, 'out.json'), 'utf8'), (k, v: unknown) =>
      ['id', 'createdAt', 'updatedAt', 'importedAt'].includes(k) ? '' : v,
    ) as unknown;
    return { stderr: res.stderr, report };
  }

  it('the build made the reader’s script and its cache; the import worker uses it, with the same report', async () => {
    const reader = readdirSync(dist).find((f) => /^pdf-reader-\w+\.cjs$/.test(f)) ?? '';
    expect(reader).toMatch(/^pdf-reader-\w+\.cjs$/);
    expect(readFileSync(join(dist, `${reader}.v8cache`)).length).toBeGreaterThan(10_000);
    expect(readFileSync(join(dist, reader), 'utf8')).not.toMatch(/[^\x00-\x7f]/);
    const cached = await importOnce();
    expect(cached.stderr).toContain(`${reader}: code cache used`);
    const plain = await importOnce({ NIANBAO_CODE_CACHE: '0' });
    expect(plain.stderr).not.toContain(reader);
    expect(cached.report).toEqual(plain.report);
    expect(JSON.stringify(cached.report)).toContain('某县人民政府');
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
