import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, type NianbaoService } from '../../../electron/services/index';
import { startServer, type RunningServer } from '../../../electron/server/index';
import { api, request } from '../server/helpers';
import { hostileCorpus } from './hostile-files';

/**
 * Browser mode under attack by files: the hostile corpus is imported through the real loopback
 * server while the page keeps listing and saving. Every import ends with a Chinese message that
 * names the file; requests sent meanwhile are answered; the server is fine afterwards.
 */

let dir: string;
let service: NianbaoService;
let server: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-hostile-server-'));
  service = createService({ dataDir: join(dir, 'data'), mode: 'browser', log: () => undefined });
  server = await startServer({ service, staticDir: join(dir, 'static'), log: () => undefined });
});
afterAll(async () => {
  await server.close();
  await service.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = async (method: string, args: unknown[] = []) => {
  const res = await api(server.port, server.token, method, args);
  expect(res.status).toBe(200);
  return JSON.parse(res.body) as { ok: boolean; result?: unknown; error?: { message: string; code: string } };
};

describe('hostile files sent to the browser-mode server', () => {
  it('each import is refused with the file named, while other requests are answered', async () => {
    const report = (await call('createReport', [{ agency: '某县人民政府', kind: 'government', year: 2024 }]))
      .result as { meta: { id: string } };
    const corpus = hostileCorpus();
    let pending = corpus.length;
    let answeredMeanwhile = 0;
    let savedMeanwhile = 0;
    const imports = corpus.map(async (f) => {
      const reply = await call('importFile', [{ name: f.name, data: Buffer.from(f.bytes).toString('base64') }]);
      pending--;
      return { f, reply };
    });
    // The page goes on working while the imports run: listing and autosave.
    const poll = (async () => {
      while (pending > 0) {
        const list = await call('listReports');
        const full = (await call('getReport', [report.meta.id])).result as Record<string, unknown>;
        const saved = await call('saveReport', [full]);
        if (pending > 0) {
          if (list.ok) answeredMeanwhile++;
          if (saved.ok) savedMeanwhile++;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const results = await Promise.all(imports);
    await poll;
    for (const { f, reply } of results) {
      expect(reply.ok, f.name).toBe(false);
      expect(reply.error!.code, f.name).toBe('invalid');
      expect(reply.error!.message.startsWith(`${f.name}：`), reply.error!.message).toBe(true);
      expect(reply.error!.message, f.name).toMatch(f.expect);
    }
    expect(answeredMeanwhile).toBeGreaterThan(0);
    expect(savedMeanwhile).toBeGreaterThan(0);
    expect((await call('listReports')).ok).toBe(true);
  });
});

describe('wrong argument types at the API boundary', () => {
  const raw = (method: string, body: string) =>
    request(server.port, {
      method: 'POST',
      path: `/api/${method}`,
      headers: { 'Content-Type': 'application/json', 'X-Nianbao-Token': server.token },
      body,
    });

  it('a deeply nested request body is refused with a message saying so', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const res = await raw('saveReport', `{"args":[${deep}]}`);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.message).toMatch(/嵌套超过 64 层/);
    // …and nothing was left broken.
    expect((await call('listReports')).ok).toBe(true);
  });

  it.each([
    [
      'exportReport',
      [{ id: 'abc', formats: 'docx' }],
      'exportReport：第 1 个参数（导出请求）的 formats（导出格式）应为列表（docx、html、pdf、fragment 中的一个或几个，最多 4 项），实际为文本“docx”。',
    ],
    [
      'exportReport',
      [{ id: 'abc', formats: ['docx'], dir: 42 }],
      'exportReport：第 1 个参数（导出请求）的 dir（导出文件夹）应为完整路径（文本，最多 4096 个字符），实际为数字 42。',
    ],
    [
      'exportReport',
      [{ id: 'abc', formats: ['docx', 'exe'] }],
      'exportReport：第 1 个参数（导出请求）的 formats（导出格式）的第 2 项应为 docx、html、pdf、fragment 之一，实际为文本“exe”。',
    ],
    ['getReport', [{ id: 'x' }], 'getReport：第 1 个参数（报告编号）应为非空文本（最多 200 个字符），实际为对象。'],
    [
      'createReport',
      [{ agency: '某局', kind: 'department', year: '2024' }],
      'createReport：第 1 个参数（新建年报的信息）的 year（年度）应为整数，实际为文本“2024”。',
    ],
    [
      'importFile',
      [{ name: 'a.pdf', data: 5 }],
      'importFile：第 1 个参数（文件）的 data（文件内容）应为 base64 文本，实际为数字 5。',
    ],
    ['listReports', [1, 2], 'listReports：参数个数不对（应为 0 个，实际 2 个）。'],
  ])('%s with %j', async (method, args, message) => {
    const res = await raw(method, JSON.stringify({ args }));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error).toEqual({ message, code: 'invalid' });
  });
});
