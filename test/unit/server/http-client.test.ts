import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS, ServiceError } from '../../../shared/service/api';
import { CONNECTION_MESSAGES, createHttpApi, type FetchLike } from '../../../shared/service/http-client';
import { createService, type NianbaoService } from '../../../electron/services/index';
import { startServer, type RunningServer } from '../../../electron/server/index';

let work: string;
let service: NianbaoService;
let server: RunningServer;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'nianbao-client-'));
  mkdirSync(join(work, 'renderer'));
  writeFileSync(join(work, 'renderer', 'index.html'), '<!doctype html><title>x</title>');
  service = createService({ dataDir: join(work, 'data'), mode: 'browser', version: '9.9.9', log: () => undefined });
  server = await startServer({ service, staticDir: join(work, 'renderer'), log: () => undefined });
});

afterAll(async () => {
  await server?.close();
  await service?.close();
  rmSync(work, { recursive: true, force: true });
});

const nodeFetch: FetchLike = (url, init) => fetch(url, init);

async function rejection(p: Promise<unknown>): Promise<ServiceError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ServiceError);
    return e as ServiceError;
  }
  throw new Error('expected a rejection');
}

describe('createHttpApi against the real server', () => {
  it('has every API method', () => {
    const client = createHttpApi(server.origin, nodeFetch, { token: server.token });
    for (const m of API_METHODS) expect(typeof client[m], m).toBe('function');
  });

  it('round-trips the library through HTTP', async () => {
    const client = createHttpApi(`${server.origin}/`, nodeFetch, { token: server.token });
    expect(await client.appInfo()).toMatchObject({ version: '9.9.9', mode: 'browser' });
    const r = await client.createReport({ agency: '某某镇人民政府', kind: 'township', year: 2024 });
    expect(await client.getReport(r.meta.id)).toEqual(r);
    const saved = await client.saveReport({ ...r, title: '通过 HTTP 保存' });
    expect(saved.id).toBe(r.meta.id);
    expect((await client.listReports()).reports.find((x) => x.id === r.meta.id)?.title).toBe('通过 HTTP 保存');
    expect(await client.deleteReport(r.meta.id)).toBeUndefined();
    expect((await client.listReports()).trash.map((x) => x.id)).toContain(r.meta.id);
    expect(await client.updateSettings({ defaultAgency: '某某镇人民政府' })).toMatchObject({
      defaultAgency: '某某镇人民政府',
    });
  });

  it('an omitted optional argument stays omitted (not null)', async () => {
    const client = createHttpApi(server.origin, nodeFetch, { token: server.token });
    const err = await rejection(client.revealDataDir());
    expect(err.code).toBe('unsupported');
    expect(err.message).toContain('数据文件夹位于');
  });

  it('throws the server’s ServiceError with its message and code', async () => {
    const client = createHttpApi(server.origin, nodeFetch, { token: server.token });
    const err = await rejection(client.getReport('no-such-report'));
    expect(err.code).toBe('not_found');
    expect(err.message).toContain('找不到');
  });

  it('without the token: one thing to do, and the page is told it is no longer known', async () => {
    const states: string[] = [];
    const client = createHttpApi(server.origin, nodeFetch, { onConnection: (s) => states.push(s) });
    const err = await rejection(client.listReports());
    expect(err.message).toBe(CONNECTION_MESSAGES.denied);
    expect(states).toEqual(['denied']);
  });

  it('when the server is gone: says so once, with one thing to do, and the page is told', async () => {
    const other = await startServer({ service, staticDir: join(work, 'renderer'), log: () => undefined });
    const states: string[] = [];
    const client = createHttpApi(other.origin, nodeFetch, { token: other.token, onConnection: (s) => states.push(s) });
    expect(await client.appInfo()).toMatchObject({ mode: 'browser' });
    await other.close();
    const err = await rejection(client.appInfo());
    expect(err.code).toBe('io');
    expect(err.message).toBe(CONNECTION_MESSAGES.offline);
    // One instruction: never both “refresh the page” and “do not close it”.
    expect(err.message).not.toContain('刷新');
    expect(states).toEqual(['ok', 'offline']);
  });

  it('uses the global fetch by default and sends credentials same-origin', async () => {
    const seen: unknown[] = [];
    const original = globalThis.fetch;
    globalThis.fetch = ((url: string, init: RequestInit) => {
      seen.push(init.credentials);
      return original(url, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), 'X-Nianbao-Token': server.token },
      });
    }) as typeof fetch;
    try {
      const client = createHttpApi(server.origin);
      expect((await client.listReports()).reports).toBeInstanceOf(Array);
      expect(seen).toEqual(['same-origin']);
    } finally {
      globalThis.fetch = original;
    }
  });
});
