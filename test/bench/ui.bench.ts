import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { createService } from '../../electron/services/index';
import { startServer } from '../../electron/server/index';
import { installRenderCounter, rendered, startCounting } from '../e2e/support/render-count';
import { ROOT, STATIC_DIR, tempDataDir } from '../e2e/support/server';
import { median, percentile, type Benchmark, type BenchFigure } from './run';

/**
 * The authoring UI in Debian's Chromium (headless) against the real browser-mode server.
 *
 * 1. Keystroke → findings repainted. In a Table 3 cell of the sample report, 320 keystrokes that
 *    each change the findings (a digit that unbalances the column, Backspace that blanks the cell,
 *    a digit that balances it again…). In the page: keydown (capture, before the app) → the first
 *    DOM change of the findings panel (React commit, checks run) → requestAnimationFrame → a
 *    message posted after that frame (the paint). Chromium runs with the frame rate unlocked
 *    (--disable-frame-rate-limit --disable-gpu-vsync) so that the figure is the app's own work
 *    and not the wait for the next 60 Hz vsync (up to 16.7 ms on a real display).
 * 2. Components rendered per keystroke, in a second page of a build without minification (names
 *    kept), with React's DevTools hook installed before the app loads: after each commit the
 *    fiber tree is walked and a function or class component counts as rendered when its props or
 *    hook state object differs from the last commit's (a memoised component that bailed out keeps
 *    both). Counted over the same keystrokes, separately from the timed page (the walk costs time).
 * (Cold start, from `npm start` to the library: start.bench.ts.)
 */

const KEYSTROKES = 320;
const COUNTED_KEYSTROKES = 40;
/** Each key changes the findings: unbalance, blank, balance, blank, … */
const CYCLE = ['5', 'Backspace', '1', 'Backspace', '7', 'Backspace', '1', 'Backspace'];

async function buildRenderer() {
  execFileSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'error'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

async function openSampleTable3(page: Page, url: string) {
  await page.goto(url);
  await page
    .getByRole('button', { name: /打开示例年报/ })
    .first()
    .click();
  await page
    .getByRole('navigation', { name: '年报各部分' })
    .getByRole('link', { name: /三、收到和处理/ })
    .click();
  await page.getByRole('gridcell', { name: /^四、结转下年度继续办理 · 自然人：/ }).click();
}

/** `staticDir`: another build of the renderer (e.g. an earlier version, to compare with). */
export async function keystrokeLatency(
  browser: Browser,
  { staticDir = STATIC_DIR, keystrokes = KEYSTROKES }: { staticDir?: string; keystrokes?: number } = {},
): Promise<{ paint: number[]; commit: number[]; panelChanges: number }> {
  const dir = tempDataDir('nianbao-bench-ui-');
  const service = createService({ dataDir: dir, mode: 'browser', indexDelayMs: 50 });
  const server = await startServer({ service, staticDir, port: 0, log: () => undefined });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  try {
    await openSampleTable3(page, server.url);
    await page.evaluate(() => {
      const w = window as unknown as { __lat: { commit: number; paint: number }[] };
      w.__lat = [];
      window.addEventListener(
        'keydown',
        () => {
          const t0 = performance.now();
          const panel = document.querySelector('.findings-panel');
          if (!panel) return;
          const mo = new MutationObserver(() => {
            mo.disconnect();
            const t1 = performance.now();
            requestAnimationFrame(() => {
              const ch = new MessageChannel();
              ch.port1.onmessage = () => w.__lat.push({ commit: t1 - t0, paint: performance.now() - t0 });
              ch.port2.postMessage(0);
            });
          });
          mo.observe(panel, { subtree: true, childList: true, characterData: true, attributes: true });
        },
        { capture: true },
      );
    });
    let changed = 0;
    for (let i = 0; i < keystrokes; i++) {
      await page.keyboard.press(CYCLE[i % CYCLE.length]!);
      const got = await page
        .waitForFunction((n) => (window as unknown as { __lat: unknown[] }).__lat.length >= n, changed + 1, {
          timeout: 2000,
          polling: 25,
        })
        .then(() => true)
        .catch(() => false);
      if (got) changed++;
    }
    const lat = await page.evaluate(() => (window as unknown as { __lat: { commit: number; paint: number }[] }).__lat);
    return { paint: lat.map((l) => l.paint), commit: lat.map((l) => l.commit), panelChanges: changed };
  } finally {
    await context.close();
    await server.close();
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Components rendered per keystroke: totals per keystroke and the mean per component name. */
export async function rendersPerKeystroke(browser: Browser): Promise<{ totals: number[]; byName: [string, number][] }> {
  const outDir = join(ROOT, '.tmp', 'ui-bench-renderer');
  execFileSync(
    join(ROOT, 'node_modules', '.bin', 'vite'),
    ['build', '--logLevel', 'error', '--minify', 'false', '--outDir', outDir, '--emptyOutDir'],
    { cwd: ROOT, stdio: 'inherit' },
  );
  const dir = tempDataDir('nianbao-bench-ui-renders-');
  const service = createService({ dataDir: dir, mode: 'browser', indexDelayMs: 50 });
  const server = await startServer({ service, staticDir: outDir, port: 0, log: () => undefined });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  try {
    await installRenderCounter(page, 'component');
    await openSampleTable3(page, server.url);
    const tallies: Record<string, number>[] = [];
    for (let i = 0; i < COUNTED_KEYSTROKES; i++) {
      await startCounting(page);
      await page.keyboard.press(CYCLE[i % CYCLE.length]!);
      // The keystroke's commits are done well within 150 ms (autosave waits 1 s).
      const tally: Record<string, number> = {};
      for (const name of await rendered(page, 150)) tally[name] = (tally[name] ?? 0) + 1;
      tallies.push(tally);
    }
    const totals = tallies.map((t) => Object.values(t).reduce((a, b) => a + b, 0));
    const sum: Record<string, number> = {};
    for (const t of tallies) for (const [k, v] of Object.entries(t)) sum[k] = (sum[k] ?? 0) + v;
    const byName = Object.entries(sum)
      .map(([k, v]) => [k, v / tallies.length] as [string, number])
      .sort((a, b) => b[1] - a[1]);
    return { totals, byName };
  } finally {
    await context.close();
    await server.close();
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const bench: Benchmark = {
  name: 'ui',
  title: 'Authoring UI (browser mode, Chromium)',
  method:
    `Keystroke: ${KEYSTROKES} keystrokes in the Table 3 cell 四、结转下年度·自然人 of the sample report, each changing the findings; ` +
    'measured in the page from keydown (capture) to the findings panel DOM update (commit) and to the frame after it (rAF, then a posted message), ' +
    'Chromium headless with the frame rate unlocked (no 60 Hz vsync wait). ' +
    `Components rendered: ${COUNTED_KEYSTROKES} of the same keystrokes in a build without minification, each component whose ` +
    'render function ran in the commits after the key (React DevTools hook: props or hook state changed since the last commit), ' +
    'median per keystroke, and the mean per keystroke of each component that rendered.',
  async run(): Promise<BenchFigure[]> {
    await buildRenderer();
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--disable-frame-rate-limit', '--disable-gpu-vsync'],
    });
    try {
      const k = await keystrokeLatency(browser);
      if (k.paint.length < KEYSTROKES * 0.9)
        throw new Error(`only ${k.paint.length} of ${KEYSTROKES} keystrokes changed the findings panel`);
      const r = await rendersPerKeystroke(browser);
      console.log('components rendered per keystroke (mean):');
      for (const [name, n] of r.byName) console.log(`  ${name.padEnd(28)} ${n.toFixed(2)}`);
      const p95 = percentile(k.paint, 95);
      return [
        { metric: 'keystroke → findings repainted, p95', value: p95, unit: 'ms', target: '< 16 ms', met: p95 < 16 },
        { metric: 'keystroke → findings repainted, min', value: Math.min(...k.paint), unit: 'ms' },
        { metric: 'keystroke → findings repainted, median', value: median(k.paint), unit: 'ms' },
        { metric: 'keystroke → findings committed (checks + render), median', value: median(k.commit), unit: 'ms' },
        {
          metric: 'keystroke → findings committed (checks + render), p95',
          value: percentile(k.commit, 95),
          unit: 'ms',
        },
        { metric: 'keystrokes measured', value: k.paint.length, unit: '' },
        { metric: 'components rendered per keystroke, median', value: median(r.totals), unit: '' },
        { metric: 'components rendered per keystroke, max', value: Math.max(...r.totals), unit: '' },
        ...r.byName.slice(0, 8).map(([name, n]) => ({ metric: `… of which ${name}, mean`, value: n, unit: '' })),
      ];
    } finally {
      await browser.close();
    }
  },
};

export default bench;
