// The command-line tool as a user runs it (`npm run bench -- cli`): whole processes against whole
// processes, interleaved. Rows 1 and 3 of issue 15's table.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain JS build helper
import { ensureCli } from '../../build/scripts/cli-build.mjs';
// @ts-expect-error plain JS build helper
import { cliBuildState } from '../../build/scripts/cli-freshness.mjs';
import { median, type Benchmark, type BenchFigure } from './run';
import { compareProcesses, hasGnuTime, processFigure, ratioFigure, type ProcessCase } from './support/compare';
import { writeReportFiles } from './support/report-files';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RUNS = 15;
const HELP_BUDGET_MS = 150;

/** The code cache of the export script, as the build made it. */
function codeCacheFile(): string {
  const dir = join(ROOT, 'dist', 'cli');
  const script = readdirSync(dir).find((f) => /^export-\w+\.cjs$/.test(f));
  if (!script) throw new Error('dist/cli has no export script (build/scripts/cli-code-cache.mjs)');
  return join(dir, `${script}.v8cache`);
}

const ok = (run: { code: number }) => {
  if (run.code !== 0) throw new Error(`exit code ${run.code}`);
};
const wrote = (file: string) => (run: { code: number }) => {
  ok(run);
  if (statSync(file).size < 1000) throw new Error(`${file} was not written`);
};

const bench: Benchmark = {
  name: 'cli',
  title: 'Command line: start-up, `help` and `export --docx` as whole processes (vs npm, node and pandoc)',
  method:
    `Whole processes, ${RUNS} interleaved rounds after one uncounted round, wall time (spawn to exit) and CPU time of the process ` +
    'and its children (GNU time, user + system). `help`: `npm run --silent nianbao -- help` against `npm run --silent env` (npm’s own ' +
    'start-up: npm reads its configuration and runs a script through the shell), and `node bin/nianbao.mjs help` against ' +
    '`node -e 0`; the figure with the target is the difference of the CPU medians. The freshness check bin/nianbao.mjs makes on ' +
    'every call (cli-freshness.mjs) timed in-process, median of 200. Export: the full sample report (three tables, 200 cells, ' +
    'longer parts 五/六) as report.json to .docx by the bundle run by node (`node dist/cli/nianbao.mjs export report.json --docx`) ' +
    'and through npm (`npm run --silent nianbao -- export …`), against `pandoc -f html -t docx` converting the same report as our ' +
    'standalone HTML page; ratios of wall-time medians (minima alongside). `export` runs from its own script with the V8 code ' +
    'cache the build made (electron/services/code-cache.ts); runs never rewrite an accepted cache (checked: the cache file is unchanged ' +
    'by the rounds), so every round is what a user’s first run after a build or install gets. Alongside, the same bundle with ' +
    '`NIANBAO_CODE_CACHE=0` (the command’s ES module chunks, no code cache: what a run costs when V8 refuses the cache).',
  async run(): Promise<BenchFigure[]> {
    await (ensureCli as (root: string) => Promise<unknown>)(ROOT);
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-cli-'));
    try {
      const { json, html } = writeReportFiles(dir);
      const node = process.execPath;
      const help: ProcessCase[] = [
        { label: 'npm help', cmd: 'npm', args: ['run', '--silent', 'nianbao', '--', 'help'], cwd: ROOT, check: ok },
        { label: 'npm env', cmd: 'npm', args: ['run', '--silent', 'env'], cwd: ROOT, check: ok },
        { label: 'node help', cmd: node, args: [join(ROOT, 'bin', 'nianbao.mjs'), 'help'], cwd: dir, check: ok },
        { label: 'node -e 0', cmd: node, args: ['-e', '0'], cwd: dir, check: ok },
      ];
      const h = await compareProcesses(help, { runs: RUNS });
      const figures: BenchFigure[] = [];
      if (hasGnuTime) {
        const beyond = median(h['npm help']!.cpu) - median(h['npm env']!.cpu);
        figures.push({
          metric: '`npm run nianbao -- help`: CPU beyond npm’s own start-up (difference of medians)',
          value: beyond,
          unit: 'ms',
          target: `≤ ${HELP_BUDGET_MS} ms`,
          met: beyond <= HELP_BUDGET_MS,
        });
        figures.push({
          metric: '`node bin/nianbao.mjs help`: CPU beyond `node -e 0` (difference of medians)',
          value: median(h['node help']!.cpu) - median(h['node -e 0']!.cpu),
          unit: 'ms',
        });
      }
      figures.push(processFigure('`npm run --silent nianbao -- help`', h['npm help']!));
      figures.push(processFigure('`npm run --silent env` (npm’s own start-up)', h['npm env']!));
      figures.push(processFigure('`node bin/nianbao.mjs help`', h['node help']!));
      figures.push(processFigure('`node -e 0`', h['node -e 0']!));

      const state = cliBuildState as (root: string) => { upToDate: boolean };
      const checks: number[] = [];
      for (let i = 0; i < 220; i++) {
        const t = performance.now();
        if (!state(ROOT).upToDate) throw new Error('dist/cli went stale during the benchmark');
        if (i >= 20) checks.push(performance.now() - t);
      }
      figures.push({ metric: 'freshness check of the bundle (every call), median', value: median(checks), unit: 'ms' });

      const out = (name: string) => join(dir, name);
      const exports: ProcessCase[] = [
        {
          label: 'bundle',
          cmd: node,
          args: [join(ROOT, 'dist', 'cli', 'nianbao.mjs'), 'export', json, '--docx', out('bundle.docx')],
          cwd: dir,
          check: wrote(out('bundle.docx')),
        },
        {
          label: 'no cache',
          cmd: node,
          args: [join(ROOT, 'dist', 'cli', 'nianbao.mjs'), 'export', json, '--docx', out('nocache.docx')],
          cwd: dir,
          env: { NIANBAO_CODE_CACHE: '0' },
          check: wrote(out('nocache.docx')),
        },
        {
          label: 'npm',
          cmd: 'npm',
          args: ['run', '--silent', 'nianbao', '--', 'export', json, '--docx', out('npm.docx')],
          cwd: ROOT,
          check: wrote(out('npm.docx')),
        },
        {
          label: 'pandoc',
          cmd: 'pandoc',
          args: ['-f', 'html', '-t', 'docx', '-o', out('pandoc.docx'), html],
          cwd: dir,
          check: wrote(out('pandoc.docx')),
        },
      ];
      const cacheFile = codeCacheFile();
      const cacheBefore = statSync(cacheFile).mtimeMs;
      const e = await compareProcesses(exports, { runs: RUNS });
      if (statSync(cacheFile).mtimeMs !== cacheBefore)
        throw new Error(`${cacheFile} was rewritten during the benchmark`);
      figures.push(processFigure('export --docx: `node dist/cli/nianbao.mjs export …`', e.bundle!));
      figures.push(
        processFigure('export --docx, the same without the code cache (`NIANBAO_CODE_CACHE=0`)', e['no cache']!),
      );
      figures.push(processFigure('export --docx: `npm run --silent nianbao -- export …`', e.npm!));
      figures.push(processFigure('`pandoc -f html -t docx` on the same report', e.pandoc!));
      figures.push(ratioFigure('export: bundle run by node / pandoc (wall)', e.bundle!.wall, e.pandoc!.wall, 1.5));
      figures.push(ratioFigure('export: through `npm run` / pandoc (wall)', e.npm!.wall, e.pandoc!.wall, 4));
      figures.push(ratioFigure('export without the code cache / pandoc (wall)', e['no cache']!.wall, e.pandoc!.wall));
      if (hasGnuTime) {
        figures.push(ratioFigure('export: bundle run by node / pandoc (CPU)', e.bundle!.cpu, e.pandoc!.cpu));
        figures.push(ratioFigure('export: through `npm run` / pandoc (CPU)', e.npm!.cpu, e.pandoc!.cpu));
      }
      return figures;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
