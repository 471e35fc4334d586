import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sampleReport } from '../../../shared/sample/sample-report';
import { MENU_CHANNEL, REPORT_OPENED_CHANNEL, SHELL_SEND_CHANNELS } from '../../../shared/service/ipc';
import { createService } from '../../../electron/services/index';
import { createLogger } from '../../../electron/main/logger';
import { FakeBrowserWindow, FakeWebContents, fakeEvent, ipcEvent } from './fake-electron';

const fake = await vi.hoisted(async () => (await import('./fake-electron')).createFakeElectron());
vi.mock('electron', () => fake.module);

const { DesktopApp } = await import('../../../electron/main/desktop-app');

let dir: string;
let service: ReturnType<typeof createService>;
let desktop: InstanceType<typeof DesktopApp>;

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));
const win = () => FakeBrowserWindow.instances.at(-1)!;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-desktop-'));
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>年报编制助手</title>');
  service = createService({ dataDir: join(dir, 'data'), mode: 'electron', version: 'test', log: () => undefined });
  fake.ipcMain.handlers.clear();
  fake.ipcMain.removeAllListeners();
  fake.dialog.messageBoxes.length = 0;
  fake.dialog.responses.length = 0;
  desktop = new DesktopApp({
    service,
    logger: createLogger({ dir: join(dir, 'data', 'logs') }),
    dataDir: join(dir, 'data'),
    bundleDir: join(dir, 'electron'),
    rendererDir: join(dir, 'renderer'),
  });
  await desktop.start();
});

afterEach(async () => {
  await service.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('desktop shell wiring', () => {
  it('opens one locked-down window on app://nianbao with the sandboxed preload', async () => {
    const w = win();
    const prefs = w.options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: join(dir, 'electron', 'preload.cjs'),
    });
    expect(w.webContents.url).toBe('app://nianbao/index.html');
    const served = await fake.session.protocolHandlers.get('app')!({ url: 'app://nianbao/index.html' });
    expect(await served.text()).toContain('年报编制助手');
    expect(served.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('the session the window uses refuses the network and every permission', async () => {
    const cancelled = (url: string) =>
      new Promise<boolean | undefined>((resolve) => fake.session.beforeRequest!({ url }, (r) => resolve(r.cancel)));
    expect(await cancelled('https://example.com/track.js')).toBe(true);
    expect(await cancelled('http://127.0.0.1:8080/')).toBe(true);
    expect(await cancelled('app://nianbao/assets/index.js')).toBe(false);
    const granted = await new Promise<boolean>((resolve) =>
      fake.session.permissionRequestHandler!(win().webContents, 'media', resolve),
    );
    expect(granted).toBe(false);
    expect(fake.session.permissionCheckHandler!()).toBe(false);
    expect(fake.session.spellcheck).toBe(false);
  });

  it('every webContents created later (a devtools page, a stray window) is locked down too', () => {
    const contents = new FakeWebContents();
    fake.app.emit('web-contents-created', {}, contents);
    expect(contents.openWindow('https://example.com/')).toEqual({ action: 'deny' });
    expect(fake.shell.opened).toEqual(['https://example.com/']); // a web link goes to the system browser
    const navigation = fakeEvent();
    contents.emit('will-navigate', navigation, 'file:///etc/passwd');
    expect(navigation.defaultPrevented).toBe(true);
    const inside = fakeEvent();
    contents.emit('will-navigate', inside, 'app://nianbao/index.html');
    expect(inside.defaultPrevented).toBe(false);
  });

  it('registers the IPC channels and answers the window, not others', async () => {
    const w = win();
    const ok = await fake.ipcMain.invoke(ipcEvent(w.webContents.id), 'nianbao:listReports');
    expect(ok).toMatchObject({ ok: true, value: { reports: [] } });
    const refused = await fake.ipcMain.invoke(ipcEvent(w.webContents.id + 100), 'nianbao:listReports');
    expect(refused).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });

  it('menu commands reach the renderer over nianbao:menu', () => {
    const template = fake.menu.template as MenuItemConstructorOptions[];
    const file = (template.find((m) => m.label === '文件')!.submenu as MenuItemConstructorOptions[]).find(
      (i) => i.label === '保存',
    )!;
    (file.click as unknown as () => void)();
    expect(win().webContents.sent).toContainEqual([MENU_CHANNEL, 'save']);
  });

  it('a double-clicked .nianbao reaches the page once it listens; a bad one gets an error dialog', async () => {
    const w = win();
    const file = join(dir, '2024年报.nianbao');
    writeFileSync(file, JSON.stringify(sampleReport()));
    await desktop.openPath(file);
    expect(w.webContents.sent.filter((s) => s[0] === REPORT_OPENED_CHANNEL)).toEqual([]);
    fake.ipcMain.emit(SHELL_SEND_CHANNELS.rendererReady, ipcEvent(w.webContents.id));
    const opened = w.webContents.sent.filter((s) => s[0] === REPORT_OPENED_CHANNEL);
    expect(opened).toHaveLength(1);
    const id = opened[0]![1] as string;
    expect((await service.getReport(id)).agency.name).toBe(sampleReport().agency.name);
    expect((await service.getSettings()).recentFiles).toEqual([file]);

    const bad = join(dir, '坏.nianbao');
    writeFileSync(bad, '{"kind":"something else"}');
    await desktop.openPath(bad);
    expect(fake.dialog.messageBoxes.at(-1)).toMatchObject({ type: 'error', message: '无法打开年报文件' });
    expect(String(fake.dialog.messageBoxes.at(-1)!.detail)).toContain('坏.nianbao');
  });

  it('closing with unsaved changes asks 保存/不保存/取消 and 保存 waits for the renderer', async () => {
    const w = win();
    fake.ipcMain.emit(SHELL_SEND_CHANNELS.setDocumentState, ipcEvent(w.webContents.id), {
      dirty: true,
      title: '2024年报',
    });
    expect(w.title).toBe('● 2024年报 - 年报编制助手');

    fake.dialog.responses.push(2); // 取消
    w.close();
    await tick(5);
    expect(w.destroyed).toBe(false);
    expect(fake.dialog.messageBoxes.at(-1)).toMatchObject({ buttons: ['保存', '不保存', '取消'], cancelId: 2 });

    fake.dialog.responses.push(0); // 保存
    w.close();
    await vi.waitFor(() => expect(w.webContents.sent).toContainEqual([MENU_CHANNEL, 'save']), { timeout: 30_000 });
    expect(w.destroyed).toBe(false);
    fake.ipcMain.emit(SHELL_SEND_CHANNELS.setDocumentState, ipcEvent(w.webContents.id), {
      dirty: false,
      title: '2024年报',
    });
    await vi.waitFor(() => expect(w.destroyed).toBe(true), { timeout: 30_000 });
  });
});
