/**
 * The real main-process bundle (esbuild, as `npm run build` makes it) started in Node against the
 * fake 'electron' module: proves the bundle loads (lowdb and the service bundled, no stray
 * requires), wires the app up on 'ready' and keeps its data in the data folder it was given.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../../shared/service/api';
import { createFakeElectron, FakeBrowserWindow, type FakeElectron } from './fake-electron';

const root = new URL('../../..', import.meta.url).pathname;
let dir: string;
let fake: FakeElectron;
const saved = { argv: process.argv, env: process.env.NIANBAO_DATA_DIR };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-bundle-'));
  const appDir = join(dir, 'app', 'dist', 'electron');
  mkdirSync(appDir, { recursive: true });
  await build({
    absWorkingDir: root,
    entryPoints: ['electron/main/main.ts'],
    outfile: join(appDir, 'main.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron'],
    mainFields: ['main', 'module'],
    logLevel: 'silent',
  });
  // The bundle's require('electron') finds this stand-in.
  mkdirSync(join(dir, 'app', 'node_modules', 'electron'), { recursive: true });
  writeFileSync(
    join(dir, 'app', 'node_modules', 'electron', 'index.js'),
    'module.exports = globalThis.__fakeElectron;',
  );
  mkdirSync(join(dir, 'app', 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(dir, 'app', 'dist', 'renderer', 'index.html'), '<!doctype html><title>t</title>');

  fake = createFakeElectron();
  (globalThis as Record<string, unknown>).__fakeElectron = fake.module;
  process.env.NIANBAO_DATA_DIR = join(dir, 'data');
  process.argv = ['/opt/nianbao/nianbao-studio'];
  createRequire(join(dir, 'app', 'x.js'))(join(appDir, 'main.cjs'));
  fake.app.readyResolve!();
  // The window opens once the service has started on the data folder: real disk work, slow on a busy machine.
  await vi.waitFor(() => expect(FakeBrowserWindow.instances.length).toBeGreaterThan(0), {
    timeout: 60_000,
    interval: 20,
  });
});

afterAll(async () => {
  process.argv = saved.argv;
  if (saved.env === undefined) delete process.env.NIANBAO_DATA_DIR;
  else process.env.NIANBAO_DATA_DIR = saved.env;
  // Release the service's data-folder lock the way a quit does.
  const willQuit = { defaultPrevented: false, preventDefault() {} };
  fake?.app.emit('will-quit', willQuit);
  await new Promise((r) => setTimeout(r, 50));
  rmSync(dir, { recursive: true, force: true });
});

describe('main bundle', () => {
  it('registers the app:// scheme before ready and starts the window on ready', () => {
    expect(fake.module.protocol.privileged).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    const w = FakeBrowserWindow.instances.at(-1)!;
    expect(w).toBeDefined();
    expect(w.webContents.url).toBe('app://nianbao/index.html');
    expect(w.options.webPreferences.preload).toBe(join(dir, 'app', 'dist', 'electron', 'preload.cjs'));
  });

  it('registers every API channel and answers from the real service in the data folder', async () => {
    for (const m of API_METHODS) expect(fake.ipcMain.handlers.has(`nianbao:${m}`), m).toBe(true);
    const w = FakeBrowserWindow.instances.at(-1)!;
    const info = (await fake.ipcMain.invoke(
      { sender: { id: w.webContents.id }, senderFrame: { url: 'app://nianbao/', parent: null } },
      'nianbao:appInfo',
    )) as {
      ok: boolean;
      value: { mode: string; dataDir: string };
    };
    expect(info.ok).toBe(true);
    expect(info.value.mode).toBe('electron');
    expect(info.value.dataDir).toBe(join(dir, 'data'));
  });

  it('writes its log under <data dir>/logs and installs the Chinese menu', () => {
    const log = join(dir, 'data', 'logs', 'main.log');
    expect(existsSync(log)).toBe(true);
    expect(readFileSync(log, 'utf8')).toContain('启动 年报编制助手');
    const labels = (fake.menu.template as Array<{ label: string }>).map((m) => m.label);
    expect(labels).toEqual(
      process.platform === 'darwin'
        ? ['年报编制助手', '文件', '编辑', '视图', '窗口', '帮助']
        : ['文件', '编辑', '视图', '帮助'],
    );
  });
});
