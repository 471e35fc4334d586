// Cold start of browser mode as a clerk starts it (`npm run bench -- start`): from `npm start` to
// the library listing 200 reports in the browser window.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
// @ts-expect-error plain JS build helper
import { rendererBuildState } from '../../build/scripts/renderer-freshness.mjs';
import { tempDataDir } from '../e2e/support/server';
import { median, type Benchmark, type BenchFigure } from './run';
import { fillLibrary } from './support/library';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REPORTS = 200;
const RESTARTS = 5;
/** What npm start prints for the clerk to open: the page that logs in (file://…), or an address with its token. */
const ADDRESS = /file:\/\/\S+\.html|https?:\/\/127\.0\.0\.1:\d+\/\S*token=\S+/;

interface Start {
  /** `npm start` spawned → its address printed. */
  address: number;
  /** Navigation to the address → the list shown (rows and search box). */
  list: number;
  /** `npm start` spawned → the list shown: the cold start. */
  total: number;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  // npm → start.mjs → the server: the whole group, as Ctrl+C in a terminal.
  try {
    process.kill(-child.pid!, 'SIGINT');
  } catch {
    child.kill('SIGINT');
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }, 15_000);
  await exited;
  clearTimeout(timer);
}

async function coldStart(browser: Browser, dataDir: string): Promise<Start> {
  const t0 = performance.now();
  const child = spawn('npm', ['start', '--', '--browser', '--no-open', '--skip-build', '--data-dir', dataDir], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' },
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const onData = (d: Buffer) => {
        out += d.toString();
        const m = ADDRESS.exec(out);
        if (m) resolve(m[0]);
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
      child.once('exit', (code) =>
        reject(new Error(`npm start exited (${code}) before printing its address:\n${out}`)),
      );
    });
    const address = performance.now() - t0;
    const page = await context.newPage();
    const t1 = performance.now();
    await page.goto(url);
    await page.getByLabel('搜索年报').waitFor({ timeout: 60_000 });
    await page.locator('.library-table tbody tr.ant-table-row').first().waitFor({ timeout: 60_000 });
    const shown = performance.now();
    const total = await page.locator('.library-foot').innerText();
    if (!total.includes(`共 ${REPORTS} 份年报`)) throw new Error(`the library lists: ${total}`);
    return { address, list: shown - t1, total: shown - t0 };
  } finally {
    await context.close();
    await stop(child);
  }
}

const bench: Benchmark = {
  name: 'start',
  title: `Cold start of browser mode: from \`npm start\` to the library listing ${REPORTS} reports`,
  method:
    `A data folder of ${REPORTS} report files. Each run spawns \`npm start -- --browser --no-open --skip-build --data-dir …\` ` +
    '(npm, build/scripts/start.mjs, the loopback server with its service), waits for the address it prints, opens it in a ' +
    'Chromium page (headless Chromium already running, as the clerk’s browser would be) and waits for the library with its ' +
    'search box and rows; then stops it with SIGINT as Ctrl+C does. Timed: spawn → address printed, navigation → list shown, ' +
    `and spawn → list shown (the cold start). First start on a folder without a listing cache, then the median of ${RESTARTS} ` +
    'restarts. The renderer is built beforehand when its sources are newer (not timed).',
  async run(): Promise<BenchFigure[]> {
    const state = (rendererBuildState as (root: string) => { upToDate: boolean })(ROOT);
    if (!state.upToDate) {
      const vite = spawn(
        process.execPath,
        [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'error'],
        {
          cwd: ROOT,
          stdio: 'inherit',
        },
      );
      const [code] = (await once(vite, 'exit')) as [number];
      if (code !== 0) throw new Error('vite build failed');
    }
    const dir = tempDataDir('nianbao-bench-start-');
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
    try {
      await fillLibrary(dir, REPORTS);
      const index = join(dir, 'index.json');
      if (existsSync(index)) rmSync(index);
      const first = await coldStart(browser, dir);
      const again: Start[] = [];
      for (let i = 0; i < RESTARTS; i++) again.push(await coldStart(browser, dir));
      const med = (k: keyof Start) => median(again.map((s) => s[k]));
      const min = (k: keyof Start) => Math.round(Math.min(...again.map((s) => s[k])));
      return [
        { metric: 'first start (no listing cache): `npm start` → list shown', value: first.total, unit: 'ms' },
        { metric: 'first start: navigation → list shown', value: first.list, unit: 'ms' },
        {
          metric: `restarts: \`npm start\` → list shown, median of ${RESTARTS}`,
          value: med('total'),
          unit: `ms (min ${min('total')})`,
        },
        {
          metric: 'restarts: `npm start` → address printed, median',
          value: med('address'),
          unit: `ms (min ${min('address')})`,
        },
        { metric: 'restarts: navigation → list shown, median', value: med('list'), unit: `ms (min ${min('list')})` },
      ];
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
