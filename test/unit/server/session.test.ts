import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, type NianbaoService } from '../../../electron/services/index';
import { startServer, type RunningServer } from '../../../electron/server/index';
import {
  OPEN_PAGE_FILE,
  SESSION_FILE,
  newSecret,
  openPageHtml,
  readSession,
  writeOpenPage,
  writeSession,
} from '../../../electron/server/session';
import { api, request } from './helpers';

/**
 * The hand-over of the secret without a command line: one-time codes for POST /session, the
 * previous start's secret accepted once more (a window left open across a restart), and the
 * files that carry them readable only by this user.
 */

let work: string;
let service: NianbaoService;
let server: RunningServer;
const previous = newSecret();
const form = { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'null' };

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'nianbao-session-'));
  service = createService({ dataDir: join(work, 'data'), mode: 'browser', log: () => undefined });
  server = await startServer({
    service,
    staticDir: join(work, 'static'),
    previousSecret: previous,
    log: () => undefined,
  });
});
afterAll(async () => {
  await server.close();
  await service.close();
  rmSync(work, { recursive: true, force: true });
});

const post = (body: string, headers: Record<string, string> = form) =>
  request(server.port, { method: 'POST', path: '/session', headers, body });

describe('one-time codes', () => {
  it('a code gives the cookie once, with a page that moves on to the app from this origin', async () => {
    const code = server.newCode();
    const res = await post(`code=${code}`);
    expect(res.status).toBe(200);
    expect(res.headers['set-cookie']).toEqual([
      `nianbao_token_${server.port}=${server.token}; HttpOnly; SameSite=Strict; Path=/`,
    ]);
    expect(res.body).toContain('<meta http-equiv="refresh" content="0;url=/">');
    expect(res.headers['cache-control']).toBe('no-store');
    const again = await post(`code=${code}`);
    expect(again.status).toBe(403);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.body).toContain('已经用过或已失效');
  });

  it('a new code revokes the unused one; a wrong code, a foreign origin or a GET get nothing', async () => {
    const first = server.newCode();
    const second = server.newCode();
    expect((await post(`code=${first}`)).status).toBe(403);
    expect((await post(`code=${'x'.repeat(second.length)}`)).status).toBe(403);
    expect((await post(`code=${second}`, { ...form, Origin: 'http://evil.example' })).status).toBe(403);
    expect((await request(server.port, { path: `/session?code=${second}` })).status).toBe(405);
    // None of these spent it.
    expect((await post(`code=${second}`)).status).toBe(200);
  });

  it('no code is valid before one is issued', async () => {
    const fresh = await startServer({ service, staticDir: join(work, 'static'), log: () => undefined });
    try {
      const res = await request(fresh.port, { method: 'POST', path: '/session', headers: form, body: 'code=' });
      expect(res.status).toBe(403);
    } finally {
      await fresh.close();
    }
  });
});

describe('the previous start’s secret', () => {
  const withCookie = (value: string) =>
    api(server.port, '', 'listReports', [], { 'X-Nianbao-Token': '', Cookie: `nianbao_token_${server.port}=${value}` });

  it('is accepted from a window left open, which gets the new secret', async () => {
    const res = await request(server.port, {
      method: 'POST',
      path: '/api/listReports',
      headers: { 'Content-Type': 'application/json', Cookie: `nianbao_token_${server.port}=${previous}` },
      body: '{"args":[]}',
    });
    expect(res.status).toBe(200);
    expect(res.headers['set-cookie']).toEqual([
      `nianbao_token_${server.port}=${server.token}; HttpOnly; SameSite=Strict; Path=/`,
    ]);
    // The current secret needs no new cookie.
    const current = await request(server.port, {
      method: 'POST',
      path: '/api/listReports',
      headers: { 'Content-Type': 'application/json', Cookie: `nianbao_token_${server.port}=${server.token}` },
      body: '{"args":[]}',
    });
    expect(current.status).toBe(200);
    expect(current.headers['set-cookie']).toBeUndefined();
  });

  it('any other value is refused', async () => {
    expect((await withCookie(newSecret())).status).toBe(403);
  });
});

describe('the files that carry them', () => {
  it('are written 600 and read back tolerantly', () => {
    const dir = mkdtempSync(join(work, 'd-'));
    const secret = newSecret();
    writeSession(dir, { secret, port: 43210 });
    expect(statSync(join(dir, SESSION_FILE)).mode & 0o777).toBe(0o600);
    expect(readSession(dir)).toEqual({ secret, port: 43210 });
    const url = writeOpenPage(dir, 'http://127.0.0.1:43210', 'CODE123');
    expect(url).toBe(`file://${join(dir, OPEN_PAGE_FILE)}`);
    expect(statSync(join(dir, OPEN_PAGE_FILE)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, OPEN_PAGE_FILE), 'utf8')).toBe(openPageHtml('http://127.0.0.1:43210', 'CODE123'));
    writeFileSync(join(dir, SESSION_FILE), '{"secret": 5, "port": "x"}');
    expect(readSession(dir)).toEqual({});
    writeFileSync(join(dir, SESSION_FILE), 'garbage');
    expect(readSession(dir)).toEqual({});
  });
});
