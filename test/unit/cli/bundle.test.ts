import { execFile } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHtml } from '../../../shared/export/html/build';
import { sampleReport } from '../../../shared/sample/sample-report';
import { hasChromium, htmlToPdf } from '../../fixtures/import/tools';
import { itUnless } from '../../fixtures/skip';
// @ts-expect-error plain JS build helper
import { buildCli } from '../../../build/scripts/cli-build.mjs';
// @ts-expect-error plain JS build helper
import { cliBuildState } from '../../../build/scripts/cli-freshness.mjs';
import { COMMANDS } from '../../../electron/cli/commands/index';
import { BIN, ROOT, cli, ensureBuiltCli, type CliRun } from './support/built-cli';

/**
 * The command-line tool as prebuilt JavaScript: what `nianbao`, `npm run nianbao` and `npx nianbao`
 * run, which parts of the bundle a command loads (pdf.js only for a PDF), and when the bundle is
 * rebuilt (bin/nianbao.mjs checks its freshness on every call).
 */

const work = mkdtempSync(join(tmpdir(), 'nianbao-cli-bundle-'));
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

/** The files of dist/cli a CLI run loaded. */
async function loadedBundleFiles(args: string[], cwd: string): Promise<{ res: CliRun; files: string[] }> {
  const log = join(work, `loads-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(log, '');
  const res = await cli(args, cwd, {
    nodeArgs: ['--import', join(__dirname, 'support', 'record-loads.mjs')],
    env: { NIANBAO_LOAD_LOG: log },
  });
  const dist = `${join(ROOT, 'dist', 'cli')}/`;
  const files = readFileSync(log, 'utf8')
    .split('\n')
    .filter((u) => u.startsWith('file://'))
    .map((u) => decodeURIComponent(new URL(u).pathname))
    .filter((p) => p.startsWith(dist))
    .map((p) => p.slice(dist.length));
  return { res, files: [...new Set(files)].sort() };
}

/** The source files bundled into these files of dist/cli (esbuild heads each with a path comment). */
const modulesIn = (files: string[]) =>
  [
    ...new Set(
      files.flatMap((f) =>
        [
          ...readFileSync(join(ROOT, 'dist', 'cli', f), 'utf8').matchAll(
            /^\/\/ ((?:electron|shared|templates|node_modules)\/\S+)$/gm,
          ),
        ].map((m) => m[1]!),
      ),
    ),
  ].sort();

describe('the bundled CLI', () => {
  beforeAll(async () => {
    await ensureBuiltCli();
    writeFileSync(join(work, 'report.json'), JSON.stringify(sampleReport(), null, 2));
  });

  it('help is the same through node, `npm run nianbao` and `npx nianbao` (the bin the help names)', async () => {
    const direct = await cli(['help'], work);
    expect(direct.code).toBe(0);
    expect(direct.stdout).toContain('用法：npx nianbao <命令> [参数]');
    for (const name of ['check', 'new', 'import', 'export', 'rollover', 'batch']) expect(direct.stdout).toContain(name);
    const npm = await run('npm', ['run', '--silent', 'nianbao', '--', 'help'], ROOT);
    expect(npm).toEqual(direct);
    const npx = await run('npx', ['--offline', 'nianbao', 'help'], join(ROOT, 'test'));
    expect(npx).toEqual(direct);
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin).toEqual({ nianbao: 'bin/nianbao.mjs' });
  });

  it('help loads the command table only; a command loads its own code when it runs', async () => {
    const help = await loadedBundleFiles(['help'], work);
    expect(help.res.code).toBe(0);
    expect(help.files).toContain('nianbao.mjs');
    const helpModules = modulesIn(help.files);
    expect(
      helpModules.filter((m) => !/^electron\/cli\/(main|args|code-cache|node-require|commands\/index)\.ts$/.test(m)),
    ).toEqual([]);
    const usage = await loadedBundleFiles(['help', 'export'], work);
    expect(usage.res.stdout).toContain('nianbao export <年报文件>');
    expect(modulesIn(usage.files)).toContain('electron/cli/commands/export.ts');
    const exported = await loadedBundleFiles(['export', 'report.json', '--docx', 'loads.docx'], work);
    expect(exported.res.code).toBe(0);
    const modules = modulesIn(exported.files);
    expect(modules).toContain('shared/export/docx/build.ts');
    expect(modules).toContain('shared/checks/engine.ts');
    expect(modules.some((m) => m.startsWith('node_modules/docx/'))).toBe(true);
  });

  it('report files are checked and exported without loading the importers, JSZip or pdf.js', async () => {
    const exported = await loadedBundleFiles(['export', 'report.json', '--docx', 'out.docx'], work);
    expect(exported.res.stderr).toBe('');
    expect(exported.res.code).toBe(0);
    expect(readFileSync(join(work, 'out.docx')).subarray(0, 2).toString()).toBe('PK');
    const checked = await loadedBundleFiles(['check', 'report.json'], work);
    expect(checked.res.code).toBe(0);
    // export runs as one CommonJS script (code-cache.ts): the importers' code is in it, behind
    // esbuild's lazy initialisers (only a dynamic import runs them), and pdf.js stays outside.
    const script = exported.files.find((f) => /^export-\w+\.cjs$/.test(f));
    expect(script).toBeDefined();
    const text = readFileSync(join(ROOT, 'dist', 'cli', script!), 'utf8');
    expect(text).toMatch(/^var init_node_import = __esm\(/m);
    expect(text.match(/\binit_node_import\(\)/g)).toHaveLength(1);
    expect(text).toMatch(/=> \(init_node_import\(\), node_import_exports\)/);
    expect(modulesIn([script!]).filter((m) => m.startsWith('node_modules/pdfjs-dist/'))).toEqual([]);
    expect(modulesIn([script!])).toContain('electron/services/import/load-report.ts');
    expect(modulesIn(checked.files)).toContain('electron/services/import/load-report.ts');
    for (const files of [exported.files.filter((f) => f !== script), checked.files]) {
      // ImportError and the reader limits are a few lines; the importers themselves are not loaded,
      // and no import worker is started for a report file.
      expect(
        modulesIn(files).filter((m) =>
          /^shared\/import\/(?!errors\.ts$)|node-import|import-worker|node_modules\/(pdfjs-dist|jszip)\//.test(m),
        ),
      ).toEqual([]);
    }
  });

  itUnless(
    !hasChromium && '没有 Chromium，无法生成要读取的 PDF（apt-get install chromium）',
    'a PDF loads pdf.js and its worker from chunks of their own',
    async () => {
      const pdf = await htmlToPdf(buildHtml(sampleReport(), { standalone: true }), work, '年报');
      expect(pdf.length).toBeGreaterThan(1000);
      const imported = await loadedBundleFiles(['import', '年报.pdf', '--quiet'], work);
      expect(imported.res.stderr).toBe('');
      expect(imported.res.code).toBe(0);
      expect(JSON.parse(imported.res.stdout).cells).toEqual(sampleReport().cells);
      const pdfjs = imported.files.filter((f) => modulesIn([f]).some((m) => m.startsWith('node_modules/pdfjs-dist/')));
      expect(pdfjs.map((f) => modulesIn([f]))).toEqual([
        ['node_modules/pdfjs-dist/legacy/build/pdf.mjs'],
        ['node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs'],
      ]);
    },
  );
});

describe('the command table (electron/cli/commands/index.ts)', () => {
  it('lists every command module under the name the module gives itself', async () => {
    for (const entry of COMMANDS) expect((await entry.load()).name).toBe(entry.name);
    const modules = readdirSync(join(ROOT, 'electron', 'cli', 'commands'))
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => f.replace(/\.ts$/, ''));
    expect(COMMANDS.map((c) => c.name).sort()).toEqual(modules.sort());
  });
});

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
