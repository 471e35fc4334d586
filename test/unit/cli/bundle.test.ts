import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHtml } from '../../../shared/export/html/build';
import { sampleReport } from '../../../shared/sample/sample-report';
import { hexFilterPdf } from '../../fixtures/import/pdf-builder';
import { hasChromium, htmlToPdf } from '../../fixtures/import/tools';
import { itUnless } from '../../fixtures/skip';
import { COMMANDS } from '../../../electron/cli/commands/index';
import { ROOT, cli, ensureBuiltCli, type CliRun } from './support/built-cli';

/**
 * The command-line tool as prebuilt JavaScript: what `nianbao`, `npm run nianbao` and `npx nianbao`
 * run and which parts of the bundle a command loads (pdf.js only for a PDF it needs). When the
 * bundle is rebuilt: bundle-freshness.test.ts.
 */

const work = mkdtempSync(join(tmpdir(), 'nianbao-cli-bundle-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

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
      helpModules.filter(
        (m) => !/^electron\/(cli\/(main|args|node-require|commands\/index)|services\/code-cache)\.ts$/.test(m),
      ),
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
    'a PDF the fast reader reads loads no pdf.js; one it hands over loads pdf.js and its worker from chunks of their own',
    async () => {
      const pdfjsChunks = (files: string[]) =>
        files
          .filter((f) => modulesIn([f]).some((m) => m.startsWith('node_modules/pdfjs-dist/')))
          .map((f) => modulesIn([f]));
      // Chromium's PDF (CID TrueType with ToUnicode): shared/import/pdf/fast reads it alone.
      const pdf = await htmlToPdf(buildHtml(sampleReport(), { standalone: true }), work, '年报');
      expect(pdf.length).toBeGreaterThan(1000);
      const imported = await loadedBundleFiles(['import', '年报.pdf', '--quiet'], work);
      expect(imported.res.stderr).toBe('');
      expect(imported.res.code).toBe(0);
      expect(JSON.parse(imported.res.stdout).cells).toEqual(sampleReport().cells);
      expect(pdfjsChunks(imported.files)).toEqual([]);
      // A content stream in a filter the fast reader leaves to pdf.js (ASCIIHexDecode).
      writeFileSync(join(work, 'hex.pdf'), hexFilterPdf());
      const handed = await loadedBundleFiles(['import', 'hex.pdf', '--quiet'], work);
      expect(pdfjsChunks(handed.files)).toEqual([
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
