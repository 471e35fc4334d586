import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { API_METHODS } from '../../shared/service/api';
import { sampleReport } from '../../shared/sample/sample-report';
import { findElectronBinary } from './electron-binary';

const root = new URL('../..', import.meta.url).pathname;
const binary = findElectronBinary();

test.describe('desktop app (real Electron)', () => {
  test.skip('reason' in binary, 'reason' in binary ? `skipped: ${binary.reason}` : '');

  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  test.beforeAll(async () => {
    if (!('path' in binary)) return;
    const built = spawnSync(process.execPath, [join(root, 'build/scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
    expect(built.status).toBe(0);
    dataDir = mkdtempSync(join(tmpdir(), 'nianbao-e2e-electron-'));
    const file = join(dataDir, '..', `e2e-${Date.now()}.nianbao`);
    writeFileSync(file, JSON.stringify(sampleReport()));
    app = await electron.launch({
      executablePath: binary.path,
      args: [root, `--data-dir=${dataDir}`, file],
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('loads the renderer from app://nianbao with the title and the Chinese menu', async () => {
    expect(page.url()).toBe('app://nianbao/index.html');
    await expect
      .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle()))
      .toContain('年报编制助手');
    const menus = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((i) => i.label));
    expect(menus).toEqual(expect.arrayContaining(['文件', '编辑', '视图', '帮助']));
  });

  test('the page sees the two bridges and no Node', async () => {
    const seen = await page.evaluate(() => ({
      api: Object.keys(window.nianbao ?? {}).sort(),
      shell: typeof window.nianbaoShell?.onMenuCommand,
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(seen.api).toEqual([...API_METHODS].sort());
    expect(seen.shell).toBe('function');
    expect(seen.require).toBe('undefined');
    expect(seen.process).toBe('undefined');
    const info = await page.evaluate(() => window.nianbao!.appInfo());
    expect(info.mode).toBe('electron');
    expect(info.dataDir).toBe(dataDir);
  });

  test('the report file given on the command line is in the library', async () => {
    const lib = await page.evaluate(() => window.nianbao!.listReports());
    expect(lib.reports.map((r) => r.agency)).toContain(sampleReport().agency.name);
  });

  test('nothing leaves the machine and the page cannot navigate away', async () => {
    const fetched = await page.evaluate(() =>
      fetch('https://www.gov.cn/')
        .then(() => 'reached')
        .catch(() => 'blocked'),
    );
    expect(fetched).toBe('blocked');
    await page.evaluate(() => {
      window.location.href = 'https://www.gov.cn/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe('app://nianbao/index.html');
    const windows = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
    await page.evaluate(() => window.open('https://www.gov.cn/'));
    await page.waitForTimeout(300);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(windows);
  });
});
