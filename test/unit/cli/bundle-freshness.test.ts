import { execFile } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JS build helper
import { buildCli } from '../../../build/scripts/cli-build.mjs';
// @ts-expect-error plain JS build helper
import { cliBuildState } from '../../../build/scripts/cli-freshness.mjs';
import { BIN, ROOT, type CliRun } from './support/built-cli';

/**
 * When the bundled command-line tool is rebuilt: the freshness rules bin/nianbao.mjs checks on every
 * call, and bin/nianbao.mjs rebuilding a stale bundle before running it (small projects of their
 * own, never the real sources or dist/cli).
 */

const work = mkdtempSync(join(tmpdir(), 'nianbao-cli-freshness-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type State = { upToDate: boolean; reason: string };
const stateOf = cliBuildState as (root: string, outDir?: string) => State;
const build = buildCli as (
  root: string,
  options?: { outDir?: string; entry?: string; workers?: string[] },
) => Promise<{ manifest: { inputs: string[]; outputs: string[] } }>;

const run = (cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> =>
  new Promise((resolve) =>
    execFile(cmd, args, { cwd, env: { ...process.env, ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    ),
  );

/** A small project of its own: the freshness rules without touching the real sources. */
describe('freshness of the bundle (what bin/nianbao.mjs checks on every call)', () => {
  const root = join(work, 'project');
  // Dated a second back: a file written in the same millisecond as a build begins would have a
  // sub-millisecond mtime later than the build's whole-millisecond start, and count as changed.
  const write = (rel: string, text: string) => {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
    const t = new Date(Date.now() - 1000);
    utimesSync(join(root, rel), t, t);
  };
  // Touched now: newer than the last build, which began before it.
  const later = (rel: string) => {
    const t = new Date();
    utimesSync(join(root, rel), t, t);
  };

  beforeAll(() => {
    write(
      'src/main.ts',
      "import { greet } from './lib';\nexport const heavy = () => import('./heavy');\nconsole.log(greet());\n",
    );
    write('src/lib.ts', "export const greet = (): string => 'hello';\n");
    write('src/heavy.ts', "export const big = 'x'.repeat(10);\n");
    write('src/unused.ts', 'export const nobodyImportsThis = 1;\n');
    write('package-lock.json', '{}\n');
  });

  it('is stale before the first build and fresh after it; a dynamic import gets its own chunk', async () => {
    expect(stateOf(root, 'out')).toMatchObject({ upToDate: false, reason: 'not built yet' });
    const { manifest } = await build(root, { outDir: 'out', entry: 'src/main.ts', workers: [] });
    expect(manifest.inputs).toEqual(['src/heavy.ts', 'src/lib.ts', 'src/main.ts']);
    expect(manifest.outputs).toContain('nianbao.mjs');
    expect(manifest.outputs.some((o) => o.startsWith('heavy-'))).toBe(true);
    expect(stateOf(root, 'out')).toMatchObject({ upToDate: true });
  });

  it('a changed input, a lock file or the build script make it stale; files it does not use do not', async () => {
    later('src/unused.ts');
    expect(stateOf(root, 'out').upToDate).toBe(true);
    later('src/lib.ts');
    expect(stateOf(root, 'out')).toMatchObject({ upToDate: false, reason: 'src/lib.ts changed' });
    await build(root, { outDir: 'out', entry: 'src/main.ts', workers: [] });
    expect(stateOf(root, 'out').upToDate).toBe(true);
    later('package-lock.json');
    expect(stateOf(root, 'out')).toMatchObject({ upToDate: false, reason: 'package-lock.json changed' });
    await build(root, { outDir: 'out', entry: 'src/main.ts', workers: [] });
    write('build/scripts/cli-build.mjs', '// edited\n');
    later('build/scripts/cli-build.mjs');
    expect(stateOf(root, 'out')).toMatchObject({ upToDate: false, reason: 'build/scripts/cli-build.mjs changed' });
    rmSync(join(root, 'build'), { recursive: true });
  });

  it('a deleted input or a missing output make it stale; a rebuild removes chunks of earlier builds', async () => {
    await build(root, { outDir: 'out', entry: 'src/main.ts', workers: [] });
    const chunk = readdirSync(join(root, 'out')).find((f) => f.startsWith('heavy-'))!;
    rmSync(join(root, 'out', chunk));
    expect(stateOf(root, 'out')).toMatchObject({ upToDate: false, reason: `${chunk} is missing` });
    write('src/heavy.ts', "export const big = 'y'.repeat(20);\n");
    await build(root, { outDir: 'out', entry: 'src/main.ts', workers: [] });
    const chunks = readdirSync(join(root, 'out')).filter((f) => f.startsWith('heavy-'));
    expect(chunks).toHaveLength(1);
    rmSync(join(root, 'src', 'lib.ts'));
    expect(stateOf(root, 'out')).toMatchObject({ upToDate: false, reason: 'src/lib.ts is gone' });
  });
});

describe('bin/nianbao.mjs rebuilds a stale bundle before running it', () => {
  const root = join(work, 'launcher');
  const main = (version: string) =>
    `export async function runFromProcess(): Promise<number> {\n  process.stdout.write('${version} ' + process.argv.slice(2).join(' ') + '\\n');\n  return 0;\n}\n`;

  beforeAll(() => {
    for (const rel of [
      'bin/nianbao.mjs',
      'build/scripts/cli-build.mjs',
      'build/scripts/cli-freshness.mjs',
      'build/scripts/cli-code-cache.mjs',
      'build/scripts/pdfjs-bundle.mjs',
      'build/scripts/training-pdf.mjs',
    ]) {
      mkdirSync(join(root, rel, '..'), { recursive: true });
      copyFileSync(join(ROOT, rel), join(root, rel));
    }
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
    mkdirSync(join(root, 'electron', 'cli'), { recursive: true });
    writeFileSync(join(root, 'electron', 'cli', 'main.ts'), main('v1'));
  });

  const launch = (...args: string[]) => run(process.execPath, [join(root, 'bin', basename(BIN)), ...args], root);

  it('builds on first use, then runs without building; a changed source is rebuilt, also by several at once', async () => {
    const first = await launch('a', 'b');
    expect(first.stderr).toContain('正在构建命令行工具');
    expect(first).toMatchObject({ code: 0, stdout: 'v1 a b\n' });
    const second = await launch('c');
    expect(second).toEqual({ code: 0, stdout: 'v1 c\n', stderr: '' });

    writeFileSync(join(root, 'electron', 'cli', 'main.ts'), main('v2'));
    const together = await Promise.all([launch('1'), launch('2'), launch('3')]);
    expect(together.map((r) => [r.code, r.stdout])).toEqual([
      [0, 'v2 1\n'],
      [0, 'v2 2\n'],
      [0, 'v2 3\n'],
    ]);
    expect(await launch('d')).toEqual({ code: 0, stdout: 'v2 d\n', stderr: '' });
  });
});
