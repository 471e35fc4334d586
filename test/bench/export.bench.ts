// Export speed: the full report as .docx and as HTML, side by side with turning the same HTML
// into a .docx with pandoc and with LibreOffice (the usual tools for the job), in one run.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildDocx } from '../../shared/export/docx/build';
import { buildHtml } from '../../shared/export/html/build';
import { sampleReport } from '../../shared/sample/sample-report';
import type { Report } from '../../shared/model/types';
import { median, type Benchmark, type BenchFigure } from './run';

const run = promisify(execFile);
const has = (bin: string) => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;

/** The sample report with a longer text part, as a full report of a county bureau runs to 5–7 pages. */
function fullReport(): Report {
  const r = sampleReport();
  const extra = '持续深化政务公开标准化规范化建设，推动政务公开工作提质增效。'.repeat(12);
  return {
    ...r,
    sections: r.sections.map((s) =>
      s.id === 'problems' || s.id === 'other'
        ? { ...s, blocks: [...s.blocks, { type: 'paragraph', text: extra }, { type: 'paragraph', text: extra }] }
        : s,
    ),
  };
}

async function time(fn: () => Promise<unknown> | unknown, runs: number, warmup = 2): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

const bench: Benchmark = {
  name: 'export',
  title: 'Export: .docx and HTML of a full report (vs pandoc and LibreOffice converting the HTML)',
  method:
    'A full 2024 report (sample report plus longer parts 五/六; three tables, 200 cells). `buildDocx` (docx library, ' +
    'embedded report JSON and font table included) and `buildHtml` (standalone page) timed in-process after warm-up: median of 30 ' +
    'and 200 runs. In the same run the standalone HTML is converted to .docx by `pandoc -f html -t docx` (median of 5) and by ' +
    '`soffice --headless --convert-to docx` with a fresh profile per run, as a one-off conversion would (median of 3). ' +
    'Ratios are tool time / buildDocx time.',
  async run(): Promise<BenchFigure[]> {
    const report = fullReport();
    const docx = median(await time(() => buildDocx(report), 30, 3));
    const html = median(await time(() => buildHtml(report, { standalone: true }), 200, 10));
    const figures: BenchFigure[] = [
      { metric: 'buildDocx, median', value: docx, unit: 'ms', target: '< 150 ms', met: docx < 150 },
      { metric: 'buildHtml (standalone), median', value: html, unit: 'ms', target: '< 10 ms', met: html < 10 },
    ];
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-export-'));
    const page = join(dir, 'report.html');
    writeFileSync(page, buildHtml(report, { standalone: true }));
    if (has('pandoc')) {
      const pandoc = median(
        await time(() => run('pandoc', ['-f', 'html', '-t', 'docx', '-o', join(dir, 'pandoc.docx'), page]), 5, 1),
      );
      figures.push({ metric: 'pandoc HTML → .docx, median', value: pandoc, unit: 'ms' });
      figures.push({ metric: 'pandoc / buildDocx', value: pandoc / docx, unit: '×' });
    } else figures.push({ metric: 'pandoc HTML → .docx (pandoc not installed)', value: NaN, unit: 'ms' });
    if (has('soffice')) {
      let n = 0;
      const lo = median(
        await time(
          () =>
            run(
              'soffice',
              [
                '--headless',
                '--norestore',
                `-env:UserInstallation=file://${join(dir, `lo-${n++}`)}`,
                '--infilter=HTML (StarWriter)',
                '--convert-to',
                'docx:MS Word 2007 XML',
                '--outdir',
                join(dir, 'lo'),
                page,
              ],
              { timeout: 120_000 },
            ),
          3,
          1,
        ),
      );
      figures.push({ metric: 'LibreOffice HTML → .docx, median', value: lo, unit: 'ms' });
      figures.push({ metric: 'LibreOffice / buildDocx', value: lo / docx, unit: '×' });
    } else figures.push({ metric: 'LibreOffice HTML → .docx (soffice not installed)', value: NaN, unit: 'ms' });
    return figures;
  },
};

export default bench;
