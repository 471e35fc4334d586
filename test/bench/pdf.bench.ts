// PDF import speed against `pdftotext -layout` (`npm run bench -- pdf`). Row 2 of issue 15's table.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain JS build helper
import { buildCli, ensureCli } from '../../build/scripts/cli-build.mjs';
import { buildHtml } from '../../shared/export/html/build';
import { sampleReport } from '../../shared/sample/sample-report';
import { htmlToPdf, hasChromium } from '../fixtures/import/tools';
import { median, type Benchmark, type BenchFigure } from './run';
import { compareProcesses, processFigure, ratioFigure, type ProcessCase } from './support/compare';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SAMPLES = join(ROOT, '..', 'shared', 'samples', 'published');
const FIRST_ROUNDS = 5;
const WARM_ROUNDS = 5;
const TARGET = 3;
const has = (bin: string) => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;

interface Timing {
  file: string;
  wall: number;
  cpu: number;
}

/** The PDFs: the published reports of ../shared/samples, and ours printed by Chromium and rewritten by cairo. */
async function corpus(dir: string): Promise<string[]> {
  const files = existsSync(SAMPLES)
    ? readdirSync(SAMPLES)
        .filter((f) => f.endsWith('.pdf'))
        .sort()
        .map((f) => join(SAMPLES, f))
    : [];
  if (hasChromium) {
    await htmlToPdf(buildHtml(sampleReport(), { standalone: true }), dir, 'chromium-sample');
    files.push(join(dir, 'chromium-sample.pdf'));
    if (has('pdftocairo')) {
      execFileSync('pdftocairo', ['-pdf', join(dir, 'chromium-sample.pdf'), join(dir, 'cairo-sample.pdf')]);
      files.push(join(dir, 'cairo-sample.pdf'));
    }
  }
  return files;
}

/**
 * Warm imports interleaved with pdftotext: one timer process reads the files on request (stdin), each
 * import followed by a pdftotext run of the same file. Every file is read once before counting.
 */
async function warmInterleaved(timer: string, files: string[]): Promise<{ warm: Timing[]; pdftotextWarm: number[] }> {
  const child = spawn(process.execPath, [timer, '--serve'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const read = async (file: string): Promise<Timing> => {
    child.stdin!.write(`${file}\n`);
    const next = await lines.next();
    if (next.done) throw new Error('the PDF timer stopped');
    return JSON.parse(next.value) as Timing;
  };
  const warm: Timing[] = [];
  const pdftotextWarm: number[] = [];
  try {
    for (const f of files) await read(f);
    for (let round = 0; round < WARM_ROUNDS; round++) {
      for (const f of files) {
        warm.push(await read(f));
        const t = await compareProcesses([{ label: 'p', cmd: 'pdftotext', args: ['-layout', f, '/dev/null'] }], {
          runs: 1,
          warmup: 0,
        });
        pdftotextWarm.push(...t.p!.wall);
      }
    }
  } finally {
    child.stdin!.end();
    await once(child, 'exit');
  }
  return { warm, pdftotextWarm };
}

const bench: Benchmark = {
  name: 'pdf',
  title: 'PDF import vs `pdftotext -layout` (first PDF of a process, warm, and whole processes)',
  method:
    'PDFs: the published reports of ../shared/samples/published (Word/WPS output: CID TrueType subsets), our sample report ' +
    'printed by Chromium, and the same rewritten by cairo (`pdftocairo -pdf`). Our side is the importer (our PDF text reader, ' +
    'shared/import/pdf/fast — pdf.js for a file it does not fully understand —, layout, tables, sections) in plain node, ' +
    'bundled as the CLI is (build/scripts/cli-build.mjs), timed inside the process around `importBytes`; pdftotext has no ' +
    'in-process form, so its side is its whole process ' +
    '(`pdftotext -layout file /dev/null`, wall time from spawn to exit: start-up, reading and layout). “First PDF of a ' +
    `process”: a fresh node process per file (loading the PDF reader — as in the CLI, its script with the V8 code cache made ` +
    `when the bundle is built — and pdf.js where needed, included; the other importers' script, with its cache, is loaded ` +
    `with the timer's modules before the timed import, as their modules were; every ` +
    `function of the importer run for the first time), interleaved with pdftotext, ${FIRST_ROUNDS} rounds. ` +
    `“Warm”: one process reads every file once uncounted, then ${WARM_ROUNDS} rounds, each import followed by a pdftotext run ` +
    'of the same file. Ratios: median of our ' +
    'per-file times / median of pdftotext’s per-file times, over all files. Whole processes: `node dist/cli/nianbao.mjs ' +
    'import file -o /dev/null --quiet` (the CLI reads in an import worker thread) against pdftotext.',
  async run(): Promise<BenchFigure[]> {
    if (!has('pdftotext')) return [{ metric: 'pdftotext not installed (poppler-utils)', value: NaN, unit: '' }];
    await (ensureCli as (root: string) => Promise<unknown>)(ROOT);
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-pdf-'));
    try {
      // The timer bundle finds pdf.js' CMaps in node_modules, as the CLI does.
      symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
      await (buildCli as (root: string, o: object) => Promise<unknown>)(ROOT, {
        outDir: join(dir, 'timer'),
        entry: 'test/bench/support/pdf-timer.ts',
        workers: [],
        // As the CLI's: the PDF reader's and the importers' scripts with the code caches made at build
        // time, by one training run of this timer (`pdf-timer.mjs training.pdf`).
        readerTraining: ['training.pdf'],
      });
      const timer = join(dir, 'timer', 'nianbao.mjs');
      const files = await corpus(dir);
      if (!files.length)
        return [{ metric: 'no PDF to read (no ../shared/samples, no Chromium)', value: NaN, unit: '' }];

      const first: Timing[] = [];
      const cases: ProcessCase[] = files.flatMap((f) => [
        {
          label: `ours ${basename(f)}`,
          cmd: process.execPath,
          args: [timer, f],
          check: (r) => {
            if (r.code !== 0) throw new Error(`exit code ${r.code}`);
            first.push(JSON.parse(r.stdout) as Timing);
          },
        },
        {
          label: `pdftotext ${basename(f)}`,
          cmd: 'pdftotext',
          args: ['-layout', f, '/dev/null'],
          check: (r) => {
            if (r.code !== 0) throw new Error(`exit code ${r.code}`);
          },
        },
      ]);
      const p = await compareProcesses(cases, { runs: FIRST_ROUNDS, warmup: 1 });
      // The uncounted first round also went through `check`: keep the counted rounds only.
      const counted = first.slice(files.length);
      const pdftotext = files.flatMap((f) => p[`pdftotext ${basename(f)}`]!.wall);

      const { warm, pdftotextWarm } = await warmInterleaved(timer, files);

      const ms = (xs: number[]) => `ms (min ${Number(Math.min(...xs).toPrecision(3))})`;
      const figures: BenchFigure[] = [
        { metric: `PDFs read (${files.map((f) => basename(f)).join(', ')})`, value: files.length, unit: 'files' },
        {
          metric: 'first PDF of a process, in-process import, median wall',
          value: median(counted.map((t) => t.wall)),
          unit: ms(counted.map((t) => t.wall)),
        },
        {
          metric: 'first PDF of a process, in-process import, median CPU',
          value: median(counted.map((t) => t.cpu)),
          unit: 'ms',
        },
        {
          metric: 'warm, in-process import, median wall',
          value: median(warm.map((t) => t.wall)),
          unit: ms(warm.map((t) => t.wall)),
        },
        { metric: 'warm, in-process import, median CPU', value: median(warm.map((t) => t.cpu)), unit: 'ms' },
        {
          metric: '`pdftotext -layout`, whole process, median wall (with the first PDFs)',
          value: median(pdftotext),
          unit: ms(pdftotext),
        },
        {
          metric: '`pdftotext -layout`, whole process, median wall (with the warm imports)',
          value: median(pdftotextWarm),
          unit: ms(pdftotextWarm),
        },
        ratioFigure(
          'first PDF of a process (in-process) / pdftotext (whole process)',
          counted.map((t) => t.wall),
          pdftotext,
          TARGET,
        ),
        ratioFigure(
          'warm (in-process) / pdftotext (whole process)',
          warm.map((t) => t.wall),
          pdftotextWarm,
          TARGET,
        ),
      ];

      const cli: ProcessCase[] = [
        {
          label: 'cli',
          cmd: process.execPath,
          args: [join(ROOT, 'dist', 'cli', 'nianbao.mjs'), 'import', files[0]!, '-o', '/dev/null', '--quiet'],
          check: (r) => {
            if (r.code !== 0) throw new Error(`exit code ${r.code}: ${r.stderr}`);
          },
        },
        { label: 'pdftotext', cmd: 'pdftotext', args: ['-layout', files[0]!, '/dev/null'] },
      ];
      const w = await compareProcesses(cli, { runs: 9 });
      figures.push(processFigure(`\`nianbao import ${basename(files[0]!)}\` (CLI bundle), whole process`, w.cli!));
      figures.push(processFigure(`\`pdftotext -layout ${basename(files[0]!)}\`, whole process`, w.pdftotext!));
      figures.push(ratioFigure('CLI import / pdftotext (whole processes)', w.cli!.wall, w.pdftotext!.wall));
      return figures;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
