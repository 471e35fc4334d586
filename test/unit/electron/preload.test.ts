import { beforeEach, describe, expect, it, vi } from 'vitest';
import { API_METHODS, ServiceError, toServiceError, type NianbaoApi } from '../../../shared/service/api';
import type { ShellBridge } from '../../../shared/service/shell';
import {
  MENU_CHANNEL,
  REPORT_OPENED_CHANNEL,
  SHELL_INVOKE_CHANNELS,
  SHELL_SEND_CHANNELS,
} from '../../../shared/service/ipc';

const fake = await vi.hoisted(async () => (await import('./fake-electron')).createFakeElectron());
vi.mock('electron', () => fake.module);

// Importing the preload runs it, like Electron does before the page loads.
await import('../../../electron/preload/preload');

const api = fake.exposed.get('nianbao') as NianbaoApi;
const shell = fake.exposed.get('nianbaoShell') as ShellBridge;

describe('preload', () => {
  beforeEach(() => {
    fake.ipcRenderer.invocations.length = 0;
    fake.ipcRenderer.sends.length = 0;
    fake.ipcRenderer.answer = (channel, ...args) => ({ ok: true, value: { channel, args } });
  });

  it('exposes exactly two objects: nianbao and nianbaoShell (never ipcRenderer)', () => {
    expect([...fake.exposed.keys()].sort()).toEqual(['nianbao', 'nianbaoShell']);
    for (const value of fake.exposed.values()) {
      expect(Object.values(value as object)).not.toContain(fake.ipcRenderer);
      expect(value).not.toHaveProperty('invoke');
      expect(value).not.toHaveProperty('send');
    }
  });

  it('nianbao has exactly the API_METHODS, all functions', () => {
    expect(Object.keys(api).sort()).toEqual([...API_METHODS].sort());
    for (const m of API_METHODS) expect(typeof api[m]).toBe('function');
  });

  it('each method invokes nianbao:<method> with its arguments and resolves with the value', async () => {
    for (const m of API_METHODS) {
      const fn = api[m] as (...a: unknown[]) => Promise<unknown>;
      const value = await fn('a', 2);
      expect(value).toEqual({ channel: `nianbao:${m}`, args: ['a', 2] });
    }
    expect(fake.ipcRenderer.invocations.map((i) => i[0])).toEqual(API_METHODS.map((m) => `nianbao:${m}`));
  });

  it('a service error arrives as an Error whose code toServiceError recovers', async () => {
    fake.ipcRenderer.answer = () => ({ ok: false, error: { message: '找不到这份年报。', code: 'not_found' } });
    const err = await api.getReport('x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    const se = toServiceError(err);
    expect(se).toBeInstanceOf(ServiceError);
    expect(se.code).toBe('not_found');
    expect(se.message).toBe('找不到这份年报。');
    // Even after Electron prefixes the message on its way through the bridge.
    const prefixed = toServiceError(
      new Error(`Error invoking remote method 'nianbao:getReport': Error: ${(err as Error).message}`),
    );
    expect(prefixed.code).toBe('not_found');
    expect(prefixed.message).toBe('找不到这份年报。');
  });

  it('a malformed answer becomes an internal error, not a resolved garbage value', async () => {
    fake.ipcRenderer.answer = () => 'nonsense';
    const err = await api.listReports().catch((e: unknown) => e);
    expect(toServiceError(err).code).toBe('internal');
  });

  it('shell functions use their own channels', async () => {
    await shell.pickFile('report');
    await shell.saveFileAs('年报.docx', 'AAAA', 'docx');
    await shell.pickFolder();
    await shell.pickFolder('/home/x');
    await shell.revealPath('/home/x/a.docx');
    await shell.openExternal('https://www.gov.cn/');
    expect(fake.ipcRenderer.invocations).toEqual([
      [SHELL_INVOKE_CHANNELS.pickFile, 'report'],
      [SHELL_INVOKE_CHANNELS.saveFileAs, '年报.docx', 'AAAA', 'docx'],
      [SHELL_INVOKE_CHANNELS.pickFolder],
      [SHELL_INVOKE_CHANNELS.pickFolder, '/home/x'],
      [SHELL_INVOKE_CHANNELS.revealPath, '/home/x/a.docx'],
      [SHELL_INVOKE_CHANNELS.openExternal, 'https://www.gov.cn/'],
    ]);
    shell.setDocumentState({ dirty: true, title: '2024年报' });
    expect(fake.ipcRenderer.sends).toContainEqual([
      SHELL_SEND_CHANNELS.setDocumentState,
      { dirty: true, title: '2024年报' },
    ]);
    expect(shell.platform).toBe(process.platform);
  });

  it('onMenuCommand passes known commands only and unsubscribes', () => {
    const got: string[] = [];
    const off = shell.onMenuCommand((c) => got.push(c));
    fake.ipcRenderer.emit(MENU_CHANNEL, {}, 'save');
    fake.ipcRenderer.emit(MENU_CHANNEL, {}, 'rm -rf');
    fake.ipcRenderer.emit(MENU_CHANNEL, {}, 'redo');
    off();
    fake.ipcRenderer.emit(MENU_CHANNEL, {}, 'undo');
    expect(got).toEqual(['save', 'redo']);
  });

  it('onReportOpened announces the page once and delivers ids', () => {
    const got: string[] = [];
    const off = shell.onReportOpened((id) => got.push(id));
    const off2 = shell.onReportOpened(() => undefined);
    expect(fake.ipcRenderer.sends.filter((s) => s[0] === SHELL_SEND_CHANNELS.rendererReady)).toHaveLength(1);
    fake.ipcRenderer.emit(REPORT_OPENED_CHANNEL, {}, 'r-1');
    fake.ipcRenderer.emit(REPORT_OPENED_CHANNEL, {}, 42);
    off();
    off2();
    fake.ipcRenderer.emit(REPORT_OPENED_CHANNEL, {}, 'r-2');
    expect(got).toEqual(['r-1']);
  });
});
