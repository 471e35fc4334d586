import { mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../../shared/model/types';
import { sampleReport } from '../../shared/sample/sample-report';
import { createService } from '../../electron/services/index';
import { median, percentile, type Benchmark, type BenchFigure } from './run';

const time = async (fn: () => Promise<unknown>) => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};

const bench: Benchmark = {
  name: 'storage',
  title: 'Library storage: save, open, list',
  method:
    'The service on a temp folder (same disk as the system temp dir). Save = the complete sample report (≈12 KB of JSON), ' +
    'validated, checked for the listing counts, written to a temp file, fsynced, renamed over the old file, folder fsynced; ' +
    '200 saves of changing text. List = listReports over 200 reports: cold (index deleted, every file read and checked) and warm (index up to date).',
  async run(): Promise<BenchFigure[]> {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
    try {
      const service = createService({ dataDir: dir, mode: 'browser', log: () => undefined });
      const report: Report = await service.createSampleReport();
      const saves: number[] = [];
      for (let i = 0; i < 200; i++)
        saves.push(
          await time(() => service.saveReport({ ...report, preamble: `第 ${i} 次修改：${'文字'.repeat(i % 50)}` })),
        );
      const opens: number[] = [];
      for (let i = 0; i < 100; i++) opens.push(await time(() => service.getReport(report.meta.id)));
      for (let i = 0; i < 199; i++)
        await service.saveReport({ ...sampleReport(), meta: { ...sampleReport().meta, id: `bench-${i}` } });
      await service.close();

      unlinkSync(join(dir, 'index.json'));
      const cold = createService({ dataDir: dir, mode: 'browser', log: () => undefined });
      const coldMs = await time(() => cold.listReports());
      const warm: number[] = [];
      for (let i = 0; i < 20; i++) warm.push(await time(() => cold.listReports()));
      await cold.close();

      return [
        {
          metric: 'save (median)',
          value: median(saves),
          unit: 'ms',
          target: '< 50 ms (autosave 1 s after a change)',
          met: median(saves) < 50,
        },
        {
          metric: 'save (p95)',
          value: percentile(saves, 95),
          unit: 'ms',
          target: '< 200 ms',
          met: percentile(saves, 95) < 200,
        },
        { metric: 'open report (median)', value: median(opens), unit: 'ms' },
        {
          metric: 'list 200 reports, cold (index rebuilt)',
          value: coldMs,
          unit: 'ms',
          target: '< 3000 ms',
          met: coldMs < 3000,
        },
        {
          metric: 'list 200 reports, warm (median)',
          value: median(warm),
          unit: 'ms',
          target: '< 200 ms',
          met: median(warm) < 200,
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
