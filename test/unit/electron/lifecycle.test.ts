import type { App } from 'electron';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runLifecycle, type Desktop } from '../../../electron/main/lifecycle';
import { createLogger } from '../../../electron/main/logger';
import { reportFilesFromArgv } from '../../../electron/main/report-files';
import { createFakeApp, fakeEvent, asElectron } from './fake-electron';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-life-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function fakeDesktop() {
  const log: string[] = [];
  const desktop: Desktop = {
    start: async () => void log.push('start'),
    focus: () => void log.push('focus'),
    createWindow: () => log.push('window'),
    openPath: async (p) => void log.push(`open ${p}`),
    beforeQuit: () => void log.push('before-quit'),
    shutdown: async () => void log.push('shutdown'),
  };
  return { desktop, log };
}

function start(opts: { lock?: boolean; argv?: string[]; platform?: string } = {}) {
  const app = createFakeApp({ lock: opts.lock ?? true });
  const { desktop, log } = fakeDesktop();
  const fatal: string[] = [];
  const primary = runLifecycle({
    app: asElectron<App>(app),
    argv: opts.argv ?? ['/opt/nianbao/nianbao-studio'],
    cwd: '/home/clerk',
    platform: opts.platform ?? 'linux',
    createDesktop: async () => desktop,
    fatal: (m) => fatal.push(m),
    logger: createLogger({ dir }),
  });
  const ready = async () => {
    app.readyResolve!();
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 0));
  };
  return { app, log, primary, ready, fatal };
}

describe('command line files', () => {
  it('takes .nianbao paths, resolves relative ones, skips flags and other files', () => {
    expect(
      reportFilesFromArgv(
        [
          '/opt/app/nianbao-studio',
          '--no-sandbox',
          'a.nianbao',
          '/data/B.NIANBAO',
          'dist/electron/main.cjs',
          'notes.txt',
        ],
        '/home/clerk',
      ),
    ).toEqual(['/home/clerk/a.nianbao', '/data/B.NIANBAO']);
    expect(reportFilesFromArgv(['electron', '.'], '/x')).toEqual([]);
  });
});

describe('app lifecycle', () => {
  it('a second instance quits at once and builds nothing', async () => {
    const { app, log, primary, ready } = start({ lock: false });
    expect(primary).toBe(false);
    expect(app.quitCalls).toBe(1);
    await ready();
    expect(log).toEqual([]);
  });

  it('starts the desktop when ready and opens the file it was started with', async () => {
    const { log, ready } = start({ argv: ['/opt/nianbao/nianbao-studio', '2024年报.nianbao'] });
    expect(log).toEqual([]);
    await ready();
    expect(log).toEqual(['start', 'open /home/clerk/2024年报.nianbao']);
  });

  it('second start: focuses the first window and opens the forwarded file', async () => {
    const { app, log, ready } = start();
    await ready();
    app.emit(
      'second-instance',
      fakeEvent(),
      ['/opt/nianbao/nianbao-studio', '../share/旧年报.nianbao'],
      '/home/clerk/docs',
    );
    expect(log).toEqual(['start', 'focus', 'open /home/clerk/share/旧年报.nianbao']);
  });

  it('macOS open-file before ready is kept and opened after start', async () => {
    const { app, log, ready } = start({ platform: 'darwin' });
    const e = fakeEvent();
    app.emit('open-file', e, '/Users/clerk/2024.nianbao');
    expect(e.defaultPrevented).toBe(true);
    await ready();
    expect(log).toEqual(['start', 'open /Users/clerk/2024.nianbao']);
    app.emit('open-file', fakeEvent(), '/Users/clerk/2023.nianbao');
    expect(log.at(-1)).toBe('open /Users/clerk/2023.nianbao');
  });

  it('quits when the last window closes except on macOS; activate re-creates the window', async () => {
    const linux = start();
    await linux.ready();
    linux.app.emit('window-all-closed');
    expect(linux.app.quitCalls).toBe(1);
    const mac = start({ platform: 'darwin' });
    await mac.ready();
    mac.app.emit('window-all-closed');
    expect(mac.app.quitCalls).toBe(0);
    mac.app.emit('activate');
    expect(mac.log).toContain('window');
  });

  it('on quit the service is shut down before the process exits', async () => {
    const { app, log, ready } = start();
    await ready();
    const bq = fakeEvent();
    app.emit('before-quit', bq);
    const wq = fakeEvent();
    app.emit('will-quit', wq);
    expect(wq.defaultPrevented).toBe(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(log).toEqual(['start', 'before-quit', 'shutdown']);
    expect(app.exitCodes).toEqual([0]);
  });

  it('a desktop that cannot start (data folder in use) is reported and the app exits', async () => {
    const app = createFakeApp();
    const fatal: string[] = [];
    runLifecycle({
      app: asElectron<App>(app),
      argv: [],
      cwd: '/',
      platform: 'linux',
      createDesktop: async () => {
        throw new Error('数据文件夹正被另一个程序使用。');
      },
      fatal: (m) => fatal.push(m),
      logger: createLogger({ dir }),
    });
    app.readyResolve!();
    await vi.waitFor(() => expect(fatal).toEqual(['数据文件夹正被另一个程序使用。']), { timeout: 30_000 });
    expect(app.exitCodes).toEqual([1]);
  });
});
