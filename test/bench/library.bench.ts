// The library as a clerk or supervisor opens it (`npm run bench -- library`): from navigation to the
// list of 200 and of 2,000 reports shown. Row 5 of issue 15's table (the library's code is the
// appui engineer's; this only measures it).
import { rmSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
// @ts-expect-error plain JS build helper
import { rendererBuildState } from '../../build/scripts/renderer-freshness.mjs';
import { ROOT, launchServer, tempDataDir } from '../e2e/support/server';
import { median, type Benchmark, type BenchFigure } from './run';
import { fillLibrary } from './support/library';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const SIZES = [
  { reports: 200, target: 500 },
  { reports: 2000, target: 1000 },
];
const ROUNDS = 5;

interface Visit {
  /** page.goto → the list shown (search box, first row, the count of every report). */
  list: number;
  /** The longest task of the main thread during the visit (PerformanceObserver longtask). */
  longestTask: number;
}

/** One visit in a fresh browser context (no cache: as opening the address after a start). */
async function visit(browser: Browser, url: string, reports: number): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __longest: number };
      w.__longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    const t0 = performance.now();
    await page.goto(url);
    await page.getByLabel('搜索年报').waitFor({ timeout: 60_000 });
    await page.locator('.library-table tbody tr.ant-table-row').first().waitFor({ timeout: 60_000 });
    await page.locator('.library-foot', { hasText: `共 ${reports} 份年报` }).waitFor({ timeout: 60_000 });
    const list = performance.now() - t0;
    const longestTask = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
    return { list, longestTask };
  } finally {
    await context.close();
  }
}

const bench: Benchmark = {
  name: 'library',
  title: 'Library: from navigation to the list of 200 and 2,000 reports (browser mode, Chromium)',
  method:
    'Data folders of 200 and of 2,000 complete reports (the sample report under varied agencies and years, saved through the ' +
    'service, so that the listing index is up to date), each served by the real browser-mode server (service + loopback HTTP, ' +
    'started beforehand). Each visit opens the address in a fresh Chromium context (headless, 1366×768, nothing cached) and ' +
    'waits for the library: search box, first report row and the foot line counting every report (the list draws only the rows ' +
    'in sight: that is what the clerk sees). Timed from `page.goto` (Playwright, ' +
    `in the bench process) to the list shown; the two sizes interleaved, one uncounted round, then ${ROUNDS}; min and median. ` +
    'Also the longest task of the page’s main thread during a visit (PerformanceObserver longtask).',
  async run(): Promise<BenchFigure[]> {
    if (!(rendererBuildState as (root: string) => { upToDate: boolean })(ROOT).upToDate) {
      execFileSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'error'], {
        cwd: ROOT,
        stdio: 'inherit',
      });
    }
    const dirs = SIZES.map(() => tempDataDir('nianbao-bench-library-'));
    const servers: Awaited<ReturnType<typeof launchServer>>[] = [];
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
    try {
      for (const [i, s] of SIZES.entries()) await fillLibrary(dirs[i]!, s.reports);
      for (const d of dirs) servers.push(await launchServer(d));
      const visits: Visit[][] = SIZES.map(() => []);
      for (let round = 0; round <= ROUNDS; round++) {
        for (const [i, s] of SIZES.entries()) {
          const v = await visit(browser, servers[i]!.url, s.reports);
          if (round > 0) visits[i]!.push(v);
        }
      }
      const figures: BenchFigure[] = [];
      for (const [i, s] of SIZES.entries()) {
        const lists = visits[i]!.map((v) => v.list);
        const med = median(lists);
        figures.push({
          metric: `${s.reports.toLocaleString('en')} reports: navigation → list shown, median`,
          value: med,
          unit: `ms (min ${Math.round(Math.min(...lists))})`,
          target: `≤ ${s.target} ms`,
          met: med <= s.target,
        });
        const tasks = visits[i]!.map((v) => v.longestTask);
        figures.push({
          metric: `${s.reports.toLocaleString('en')} reports: longest main-thread task of a visit, median`,
          value: median(tasks),
          unit: `ms (min ${Math.round(Math.min(...tasks))})`,
        });
      }
      return figures;
    } finally {
      await browser.close();
      for (const s of servers) await s.close();
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    }
  },
};

export default bench;
