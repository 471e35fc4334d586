import type { IpcMain } from 'electron';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_METHODS, ServiceError, type NianbaoApi } from '../../../shared/service/api';
import { RENDERER_TO_MAIN_CHANNELS, SHELL_INVOKE_CHANNELS, SHELL_SEND_CHANNELS } from '../../../shared/service/ipc';
import { createService } from '../../../electron/services/index';
import { isTrustedSender, registerIpc, toIpcError, type ShellHandlers } from '../../../electron/main/ipc';
import { FakeIpcMain, asElectron, ipcEvent } from './fake-electron';

const WINDOW_ID = 7;

function setup(service: NianbaoApi) {
  const ipcMain = new FakeIpcMain();
  const shellCalls: unknown[][] = [];
  const shell: ShellHandlers = {
    pickFile: async (...a) => (shellCalls.push(['pickFile', ...a]), null),
    saveFileAs: async (...a) => (shellCalls.push(['saveFileAs', ...a]), '/tmp/x.docx'),
    pickFolder: async (...a) => (shellCalls.push(['pickFolder', ...a]), null),
    revealPath: async (...a) => void shellCalls.push(['revealPath', ...a]),
    openExternal: async (...a) => void shellCalls.push(['openExternal', ...a]),
  };
  const states: unknown[] = [];
  let ready = 0;
  const channels = registerIpc({
    ipcMain: asElectron<IpcMain>(ipcMain),
    service,
    shell,
    trustedWebContentsId: () => WINDOW_ID,
    onDocumentState: (s) => states.push(s),
    onRendererReady: () => ready++,
  });
  const call = (channel: string, ...args: unknown[]) => ipcMain.invoke(ipcEvent(WINDOW_ID), channel, ...args);
  return { ipcMain, channels, call, shellCalls, states, ready: () => ready };
}

/** A service that records calls (for the allow-list tests; the real one is used below). */
function recordingService() {
  const calls: string[] = [];
  const service = Object.fromEntries(
    API_METHODS.map((m) => [
      m,
      async (...args: unknown[]) => {
        calls.push(m);
        return { method: m, args };
      },
    ]),
  ) as unknown as NianbaoApi;
  return { service, calls };
}

describe('IPC allow-list', () => {
  it('registers nianbao:<method> for exactly the API methods plus the shell channels', () => {
    const { channels, ipcMain } = setup(recordingService().service);
    expect([...channels].sort()).toEqual([...RENDERER_TO_MAIN_CHANNELS].sort());
    for (const m of API_METHODS) expect(ipcMain.handlers.has(`nianbao:${m}`)).toBe(true);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(
      [...API_METHODS.map((m) => `nianbao:${m}`), ...Object.values(SHELL_INVOKE_CHANNELS)].sort(),
    );
    expect(channels.every((c) => c.startsWith('nianbao:'))).toBe(true);
  });

  it('rejects channels that are not on the list', async () => {
    const { ipcMain } = setup(recordingService().service);
    await expect(ipcMain.invoke(ipcEvent(WINDOW_ID), 'nianbao:deleteEverything')).rejects.toThrow(/No handler/);
    await expect(ipcMain.invoke(ipcEvent(WINDOW_ID), 'fs:readFile', '/etc/passwd')).rejects.toThrow(/No handler/);
  });

  it('refuses foreign senders: another webContents, a subframe, a page that is not the app', async () => {
    const { service, calls } = recordingService();
    const { ipcMain } = setup(service);
    for (const event of [
      ipcEvent(WINDOW_ID + 1),
      ipcEvent(WINDOW_ID, 'app://nianbao/index.html', { url: 'app://nianbao/' }),
      ipcEvent(WINDOW_ID, 'https://evil.example/'),
      ipcEvent(WINDOW_ID, 'file:///home/u/evil.html'),
      { sender: { id: WINDOW_ID }, senderFrame: null },
    ]) {
      const res = await ipcMain.invoke(event, 'nianbao:listReports');
      expect(res).toEqual({ ok: false, error: { message: expect.stringContaining('拒绝访问'), code: 'unsupported' } });
    }
    expect(calls).toEqual([]);
    expect(isTrustedSender(ipcEvent(WINDOW_ID), undefined)).toBe(false);
  });

  it('checks argument shapes before the service sees them', async () => {
    const { service, calls } = recordingService();
    const { call } = setup(service);
    const bad: Array<[string, unknown[]]> = [
      ['nianbao:getReport', []],
      ['nianbao:getReport', [42]],
      ['nianbao:getReport', ['']],
      ['nianbao:getReport', ['id', 'extra']],
      ['nianbao:listReports', ['unexpected']],
      ['nianbao:createReport', [{ agency: 'x', kind: 'alien', year: 2024 }]],
      ['nianbao:createReport', [{ agency: 'x', kind: 'department', year: 2024.5 }]],
      ['nianbao:saveReport', ['{"json":"string"}']],
      ['nianbao:saveReport', [[1, 2]]],
      ['nianbao:restoreBackup', ['id']],
      ['nianbao:updateSettings', [null]],
      ['nianbao:revealDataDir', ['../../etc']],
      ['nianbao:openReportFile', [{ name: 'a.nianbao', data: 'not base64!' }]],
      [SHELL_INVOKE_CHANNELS.pickFile, ['exe']],
      [SHELL_INVOKE_CHANNELS.saveFileAs, ['a.docx', 'AAAA', 'exe']],
      [SHELL_INVOKE_CHANNELS.revealPath, ['']],
      [SHELL_INVOKE_CHANNELS.openExternal, [{ url: 'https://x' }]],
    ];
    for (const [channel, args] of bad) {
      const res = (await call(channel, ...args)) as { ok: boolean; error?: { code: string; message: string } };
      expect(res.ok, `${channel} ${JSON.stringify(args)}`).toBe(false);
      expect(res.error?.code).toBe('invalid');
      expect(res.error?.message).toMatch(/参数/);
    }
    expect(calls).toEqual([]);
  });

  it('passes good calls through and wraps the value', async () => {
    const { service, calls } = recordingService();
    const { call, shellCalls } = setup(service);
    expect(await call('nianbao:getReport', 'r1')).toEqual({ ok: true, value: { method: 'getReport', args: ['r1'] } });
    expect(await call('nianbao:createReport', { agency: '某局', kind: 'department', year: 2024 })).toMatchObject({
      ok: true,
    });
    expect(await call('nianbao:revealDataDir')).toMatchObject({ ok: true });
    expect(await call(SHELL_INVOKE_CHANNELS.saveFileAs, '年报.docx', 'UEsDBA==', 'docx')).toEqual({
      ok: true,
      value: '/tmp/x.docx',
    });
    expect(await call(SHELL_INVOKE_CHANNELS.revealPath, '/tmp/x.docx')).toEqual({ ok: true, value: null });
    expect(calls).toEqual(['getReport', 'createReport', 'revealDataDir']);
    expect(shellCalls).toEqual([
      ['saveFileAs', '年报.docx', 'UEsDBA==', 'docx'],
      ['revealPath', '/tmp/x.docx'],
    ]);
  });

  it('keeps the ServiceError message and code; other errors become internal with a Chinese message', async () => {
    const service = recordingService().service;
    service.getReport = async () => {
      throw new ServiceError('找不到这份年报，它可能已被删除。', 'not_found');
    };
    service.listReports = async () => {
      throw new TypeError('boom');
    };
    const { call } = setup(service);
    expect(await call('nianbao:getReport', 'r1')).toEqual({
      ok: false,
      error: { message: '找不到这份年报，它可能已被删除。', code: 'not_found' },
    });
    const res = (await call('nianbao:listReports')) as { ok: false; error: { message: string; code: string } };
    expect(res.error.code).toBe('internal');
    expect(res.error.message).toContain('boom');
    expect(res.error.message).toMatch(/操作没有完成/);
    expect(toIpcError('plain').code).toBe('internal');
  });

  it('setDocumentState and rendererReady accept the main window only, with checked shapes', () => {
    const { ipcMain, states, ready } = setup(recordingService().service);
    ipcMain.emit(SHELL_SEND_CHANNELS.setDocumentState, ipcEvent(WINDOW_ID), { dirty: true, title: '2024年报' });
    ipcMain.emit(SHELL_SEND_CHANNELS.setDocumentState, ipcEvent(WINDOW_ID + 1), { dirty: false, title: 'x' });
    ipcMain.emit(SHELL_SEND_CHANNELS.setDocumentState, ipcEvent(WINDOW_ID), { dirty: 'yes', title: 'x' });
    ipcMain.emit(SHELL_SEND_CHANNELS.rendererReady, ipcEvent(WINDOW_ID + 1));
    ipcMain.emit(SHELL_SEND_CHANNELS.rendererReady, ipcEvent(WINDOW_ID));
    expect(states).toEqual([{ dirty: true, title: '2024年报' }]);
    expect(ready()).toBe(1);
  });
});

describe('IPC with the real service', () => {
  let dir: string;
  let service: ReturnType<typeof createService>;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-ipc-'));
    service = createService({ dataDir: dir, mode: 'electron', version: 'test', log: () => undefined });
  });
  afterEach(async () => {
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates, reads and lists a report over the channels; a missing one is not_found', async () => {
    const { call } = setup(service);
    const created = (await call('nianbao:createReport', {
      agency: '云溪县统计局',
      kind: 'department',
      year: 2024,
    })) as {
      ok: true;
      value: { meta: { id: string } };
    };
    expect(created.ok).toBe(true);
    const id = created.value.meta.id;
    const got = (await call('nianbao:getReport', id)) as { ok: true; value: { agency: { name: string } } };
    expect(got.value.agency.name).toBe('云溪县统计局');
    const list = (await call('nianbao:listReports')) as { ok: true; value: { reports: Array<{ id: string }> } };
    expect(list.value.reports.map((r) => r.id)).toContain(id);
    const missing = (await call('nianbao:getReport', 'no-such-report')) as {
      ok: false;
      error: { code: string; message: string };
    };
    expect(missing.ok).toBe(false);
    expect(missing.error.code).toBe('not_found');
    expect(missing.error.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
