// Export speed (`npm run bench -- export`): in-process, warm, our builders alone; then whole
// processes against whole processes — our CLI, pandoc and LibreOffice turning the same report into
// a .docx — interleaved in one run.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain JS build helper
import { ensureCli } from '../../build/scripts/cli-build.mjs';
import { buildDocx } from '../../shared/export/docx/build';
import { buildHtml } from '../../shared/export/html/build';
import { median, type Benchmark, type BenchFigure } from './run';
import { compareInProcess, compareProcesses, processFigure, ratioFigure, type ProcessCase } from './support/compare';
import { writeReportFiles } from './support/report-files';
import { spawnSync } from 'node:child_process';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const has = (bin: string) => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;
const RUNS = 7;

const bench: Benchmark = {
  name: 'export',
  title: 'Export: .docx and HTML of a full report — in-process, and as whole processes vs pandoc and LibreOffice',
  method:
    'The full sample report (three tables, 200 cells, longer parts 五/六). In-process, warm (after 5 uncounted rounds): ' +
    '`buildDocx` (docx library, embedded report JSON and font table included) and `buildHtml` (standalone page), interleaved, ' +
    'median of 30. Whole processes, interleaved, ' +
    `${RUNS} counted rounds after one uncounted: our CLI bundle (\`node dist/cli/nianbao.mjs export report.json --docx\`: node ` +
    'start-up, reading and checking the report, the .docx, writing it), `pandoc -f html -t docx` and ' +
    '`soffice --headless --convert-to docx` on the same report as our standalone HTML page. LibreOffice runs with one profile ' +
    'made before the measurement (its first start, which creates the profile, is not counted), as on a machine where it is ' +
    'installed and has run before. Ratios of wall-time medians, minima alongside.',
  async run(): Promise<BenchFigure[]> {
    await (ensureCli as (root: string) => Promise<unknown>)(ROOT);
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-export-'));
    try {
      const { json, html, report } = writeReportFiles(dir);
      const inProcess = await compareInProcess(
        [
          { label: 'docx', fn: () => buildDocx(report) },
          { label: 'html', fn: () => buildHtml(report, { standalone: true }) },
        ],
        { runs: 30, warmup: 5 },
      );
      const docx = median(inProcess.docx!);
      const htmlMs = median(inProcess.html!);
      const figures: BenchFigure[] = [
        { metric: 'buildDocx in-process, warm, median', value: docx, unit: 'ms', target: '< 150 ms', met: docx < 150 },
        {
          metric: 'buildHtml (standalone) in-process, warm, median',
          value: htmlMs,
          unit: 'ms',
          target: '< 10 ms',
          met: htmlMs < 10,
        },
      ];

      const out = (name: string) => join(dir, name);
      const wrote = (file: string) => (r: { code: number }) => {
        if (r.code !== 0) throw new Error(`exit code ${r.code}`);
        if (statSync(file).size < 1000) throw new Error(`${file} was not written`);
      };
      const cases: ProcessCase[] = [
        {
          label: 'ours',
          cmd: process.execPath,
          args: [join(ROOT, 'dist', 'cli', 'nianbao.mjs'), 'export', json, '--docx', out('ours.docx')],
          cwd: dir,
          check: wrote(out('ours.docx')),
        },
      ];
      if (has('pandoc'))
        cases.push({
          label: 'pandoc',
          cmd: 'pandoc',
          args: ['-f', 'html', '-t', 'docx', '-o', out('pandoc.docx'), html],
          cwd: dir,
          check: wrote(out('pandoc.docx')),
        });
      if (has('soffice')) {
        const profile = `file://${out('lo-profile')}`;
        const loOut = out('lo');
        mkdirSync(loOut);
        const args = [
          '--headless',
          '--norestore',
          `-env:UserInstallation=${profile}`,
          '--infilter=HTML (StarWriter)',
          '--convert-to',
          'docx:MS Word 2007 XML',
          '--outdir',
          loOut,
          html,
        ];
        // The profile is made by a first run, not counted.
        spawnSync('soffice', args, { timeout: 180_000 });
        cases.push({
          label: 'libreoffice',
          cmd: 'soffice',
          args,
          cwd: dir,
          check: (r) => {
            if (r.code !== 0) throw new Error(`exit code ${r.code}`);
            if (!readdirSync(loOut).some((f) => f.endsWith('.docx'))) throw new Error('no .docx written');
          },
        });
      }
      const p = await compareProcesses(cases, { runs: RUNS });
      figures.push(processFigure('our CLI bundle, `export --docx`', p.ours!));
      if (p.pandoc) {
        figures.push(processFigure('pandoc HTML → .docx', p.pandoc));
        figures.push(ratioFigure('our CLI / pandoc (whole processes)', p.ours!.wall, p.pandoc.wall));
      } else figures.push({ metric: 'pandoc HTML → .docx (pandoc not installed)', value: NaN, unit: '' });
      if (p.libreoffice) {
        figures.push(processFigure('LibreOffice HTML → .docx (profile made beforehand)', p.libreoffice));
        figures.push(ratioFigure('LibreOffice / our CLI (whole processes)', p.libreoffice.wall, p.ours!.wall));
      } else figures.push({ metric: 'LibreOffice HTML → .docx (soffice not installed)', value: NaN, unit: '' });
      return figures;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
