import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, type NianbaoService } from '../../../electron/services/index';
import { startServer, type RunningServer } from '../../../electron/server/index';
import { api } from '../server/helpers';
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
