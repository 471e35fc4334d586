// Length: the tests of the loopback server, one short test per rule of its access control.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ServiceError, type NianbaoApi } from '../../../shared/service/api';
import { createService, type NianbaoService } from '../../../electron/services/index';
import { startServer, type RunningServer } from '../../../electron/server/index';
import { DEFAULT_MAX_BODY } from '../../../electron/server/server';
import { api, rawPost, request } from './helpers';
import { itUnless } from '../../fixtures/skip';

let work: string;
let staticDir: string;
let service: NianbaoService;
let server: RunningServer;
let port: number;
let token: string;

const INDEX =
  '<!doctype html><html><head><meta charset="utf-8"><title>年报编制助手</title>' +
  '<script type="module" src="./assets/app.js"></script></head><body><div id="root"></div></body></html>';

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'nianbao-server-'));
  staticDir = join(work, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), INDEX);
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("app")');
  writeFileSync(join(staticDir, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(work, 'secret.txt'), 'TOP-SECRET');
  symlinkSync(join(work, 'secret.txt'), join(staticDir, 'assets', 'link.txt'));
  service = createService({ dataDir: join(work, 'data'), mode: 'browser', log: () => undefined });
  server = await startServer({ service, staticDir, log: () => undefined });
  ({ port, token } = server);
});

afterAll(async () => {
  await server?.close();
  await service?.close();
  rmSync(work, { recursive: true, force: true });
});

const cookieName = () => `nianbao_token_${port}`;

describe('browser-mode server: binding and token', () => {
  it('listens on 127.0.0.1 only, on a free port, with a 32-byte random token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${port}/?token=${token}`);
    expect(server.origin).toBe(`http://127.0.0.1:${port}`);
    expect(port).toBeGreaterThan(0);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  });

  // On Linux all of 127.0.0.0/8 is this machine: a server bound to every interface (0.0.0.0, so reachable
  // from the network) would answer on 127.0.0.2 too; one bound to 127.0.0.1 alone refuses. This needs no
  // network interface (and sends nothing beyond loopback), so it runs on every Linux machine.
  itUnless(
    process.platform !== 'linux' && `only Linux routes all of 127.0.0.0/8 to this machine (here: ${process.platform})`,
    'is bound to 127.0.0.1 alone: another address of this machine is refused',
    async () => {
      expect((await request(port, { headers: { 'X-Nianbao-Token': token } })).status).not.toBe(0);
      await expect(request(port, { host: '127.0.0.2', headers: { 'X-Nianbao-Token': token } })).rejects.toThrow(
        /ECONNREFUSED/,
      );
    },
  );

  it('the start URL sets an HttpOnly SameSite=Strict cookie and redirects to / (token leaves the address bar)', async () => {
    const res = await request(port, { path: `/?token=${token}` });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    const cookie = res.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toContain(`${cookieName()}=${token}`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);

    const page = await request(port, { path: '/', headers: { Cookie: `${cookieName()}=${token}` } });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toBe(INDEX);
  });

  it('refuses a wrong start token', async () => {
    const res = await request(port, { path: '/?token=guess' });
    expect(res.status).toBe(403);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.body).toContain('拒绝访问');
  });

  it('refuses requests without the token, or with a wrong one (cookie or header)', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { Cookie: `${cookieName()}=wrong` },
      { 'X-Nianbao-Token': 'wrong' },
      { Cookie: `nianbao_token_1=${token}` },
    ];
    for (const headers of attempts) {
      const page = await request(port, { path: '/', headers });
      expect(page.status, JSON.stringify(headers)).toBe(403);
      expect(page.body).toContain('拒绝访问');
      expect(page.body).not.toContain('<div id="root">');
      const call = await request(port, {
        method: 'POST',
        path: '/api/listReports',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: '{"args":[]}',
      });
      expect(call.status).toBe(403);
    }
  });

  it('refuses a foreign Origin or Host (DNS rebinding), even with the token', async () => {
    const bad: Record<string, string>[] = [
      { Origin: 'http://evil.example' },
      { Origin: `http://evil.example:${port}` },
      { Origin: 'null' },
      { Origin: `https://127.0.0.1:${port}` },
      { Host: `evil.example:${port}` },
      { Host: '127.0.0.1' },
      { Host: `127.0.0.1:${port + 1}` },
      { 'Sec-Fetch-Site': 'cross-site' },
    ];
    for (const h of bad) {
      const res = await api(port, token, 'listReports', [], h);
      expect(res.status, JSON.stringify(h)).toBe(403);
      expect(res.body).toContain('拒绝访问');
      const page = await request(port, { path: `/?token=${token}`, headers: h });
      expect(page.status, JSON.stringify(h)).toBe(403);
    }
    const good: Record<string, string>[] = [
      { Origin: `http://127.0.0.1:${port}` },
      { Origin: `http://localhost:${port}` },
      { Host: `localhost:${port}` },
      { 'Sec-Fetch-Site': 'same-origin' },
    ];
    for (const h of good) {
      expect((await api(port, token, 'listReports', [], h)).status, JSON.stringify(h)).toBe(200);
    }
  });
});

describe('browser-mode server: API', () => {
  it('calls service methods with the token and returns their results', async () => {
    const created = JSON.parse((await api(port, token, 'createSampleReport')).body);
    expect(created.ok).toBe(true);
    const id = created.result.meta.id;
    const got = await api(port, token, 'getReport', [id]);
    expect(got.status).toBe(200);
    expect(got.headers['cache-control']).toBe('no-store');
    expect(got.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(got.body)).toEqual({ ok: true, result: created.result });
    const lib = JSON.parse((await api(port, token, 'listReports', [], { Cookie: `${cookieName()}=${token}` })).body);
    expect(lib.result.reports.map((r: { id: string }) => r.id)).toContain(id);
    expect(JSON.parse((await api(port, token, 'deleteReport', [id])).body)).toEqual({ ok: true });
  });

  it('passes ServiceErrors through with message and code', async () => {
    const res = await api(port, token, 'getReport', ['no-such-id']);
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body);
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('not_found');
    expect(body.error.message).toContain('找不到');
  });

  it('only methods of API_METHODS are callable', async () => {
    for (const m of ['close', 'flush', 'constructor', '__proto__', 'toString', 'nope', 'listReports/x']) {
      const res = await api(port, token, m);
      expect(res.status, m).toBe(404);
      expect(JSON.parse(res.body).ok).toBe(false);
    }
    const get = await request(port, { path: '/api/listReports', headers: { 'X-Nianbao-Token': token } });
    expect(get.status).toBe(405);
  });

  it('refuses anything but application/json (blocks form-based CSRF)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
      const headers: Record<string, string> = { 'X-Nianbao-Token': token };
      if (type) headers['Content-Type'] = type;
      const res = await request(port, { method: 'POST', path: '/api/listReports', headers, body: '{"args":[]}' });
      expect(res.status, type).toBe(415);
      expect(JSON.parse(res.body).error.message).toContain('JSON');
    }
    const charset = await api(port, token, 'listReports', [], { 'Content-Type': 'application/json; charset=utf-8' });
    expect(charset.status).toBe(200);
  });

  it('refuses bad JSON and a wrong body shape', async () => {
    const bad = await request(port, {
      method: 'POST',
      path: '/api/listReports',
      headers: { 'Content-Type': 'application/json', 'X-Nianbao-Token': token },
      body: '{args',
    });
    expect(bad.status).toBe(400);
    const shape = await request(port, {
      method: 'POST',
      path: '/api/getReport',
      headers: { 'Content-Type': 'application/json', 'X-Nianbao-Token': token },
      body: '{"args":"x"}',
    });
    expect(shape.status).toBe(400);
  });

  it('refuses a body over the size limit with a clear message', async () => {
    const small = await startServer({ service, staticDir, maxBodyBytes: 1024, log: () => undefined });
    try {
      const big = JSON.stringify({ args: [{ name: 'a.json', data: 'A'.repeat(5000) }] });
      const res = await api(small.port, small.token, 'openReportFile', [{ name: 'a.json', data: 'A'.repeat(5000) }]);
      expect(big.length).toBeGreaterThan(1024);
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body).error.message).toContain('过大');
      // Without Content-Length (chunked), the limit still holds.
      const chunked = await new Promise<number>((resolve, reject) => {
        import('node:http').then(({ request: r }) => {
          const req = r(
            {
              host: '127.0.0.1',
              port: small.port,
              method: 'POST',
              path: '/api/listReports',
              headers: {
                'Content-Type': 'application/json',
                'X-Nianbao-Token': small.token,
                'Transfer-Encoding': 'chunked',
              },
            },
            (res2) => {
              res2.resume();
              resolve(res2.statusCode ?? 0);
            },
          );
          req.on('error', () => resolve(413)); // the server may cut the connection right after answering
          for (let i = 0; i < 10; i++) req.write('x'.repeat(500));
          req.end();
        }, reject);
      });
      expect(chunked).toBe(413);
    } finally {
      await small.close();
    }
  });

  it('by default accepts an import of a file at the UI limit (36 MB, sent as base64 in JSON) and no body over 50 MB', async () => {
    const atLimit = Buffer.alloc(36 * 1024 * 1024, 0x41).toString('base64');
    const res = await api(port, token, 'importFile', [{ name: 'big.xyz', data: atLimit }]);
    // The importer may refuse the content; the transport must not.
    expect(res.status).not.toBe(413);
    const over = Buffer.alloc(Math.ceil((50 * 1024 * 1024 * 3) / 4) + 1024, 0x41).toString('base64');
    const big = await api(port, token, 'importFile', [{ name: 'big.xyz', data: over }]).catch(() => ({
      status: 413,
      body: '',
    }));
    expect(big.status).toBe(413);
  });

  it('the limit is exactly the documented 50 MB: a body of 50 MB is served, one byte more refused in Chinese', async () => {
    expect(DEFAULT_MAX_BODY).toBe(50 * 1024 * 1024);
    const head = '{"args":[]}';
    const atLimit = Buffer.alloc(DEFAULT_MAX_BODY, 0x20);
    atLimit.write(head, 0, 'utf8');
    const ok = await rawPost(port, token, 'listReports', atLimit, { declare: true });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).ok).toBe(true);
    const over = Buffer.concat([atLimit, Buffer.from(' ')]);
    // Refused whether the size is declared (answered before the body is read) or found while reading.
    for (const declare of [true, false]) {
      const res = await rawPost(port, token, 'listReports', over, { declare });
      expect(res.status, `declared: ${declare}`).toBe(413);
      expect(JSON.parse(res.body).error.message).toBe('请求内容过大（超过 50 MB）。请选择较小的文件。');
    }
    // The server goes on serving.
    expect((await api(port, token, 'listReports')).status).toBe(200);
  });

  it('unexpected errors give a generic Chinese message and are logged', async () => {
    const log = vi.fn();
    const broken = {
      ...service,
      listReports: async () => {
        throw new TypeError('secret internal detail');
      },
    } as unknown as NianbaoApi;
    const s = await startServer({ service: broken, staticDir, log });
    try {
      const body = JSON.parse((await api(s.port, s.token, 'listReports')).body);
      expect(body.ok).toBe(false);
      expect(body.error.code).toBe('internal');
      expect(body.error.message).toContain('意外错误');
      expect(body.error.message).not.toContain('secret');
      expect(log).toHaveBeenCalled();
      const known = {
        ...service,
        listReports: async () => {
          throw new ServiceError('磁盘满了', 'io');
        },
      } as unknown as NianbaoApi;
      const t = await startServer({ service: known, staticDir, log });
      expect(JSON.parse((await api(t.port, t.token, 'listReports')).body).error).toEqual({
        message: '磁盘满了',
        code: 'io',
      });
      await t.close();
    } finally {
      await s.close();
    }
  });
});

describe('browser-mode server: static files and headers', () => {
  const auth = () => ({ Cookie: `${cookieName()}=${token}` });

  it('serves the renderer with content types, and index.html for app routes', async () => {
    const js = await request(port, { path: '/assets/app.js', headers: auth() });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await request(port, { path: '/assets/app.css', headers: auth() })).headers['content-type']).toBe(
      'text/css; charset=utf-8',
    );
    const route = await request(port, { path: '/library/some-report', headers: auth() });
    expect(route.status).toBe(200);
    expect(route.body).toBe(INDEX);
    expect((await request(port, { path: '/assets/missing.js', headers: auth() })).status).toBe(404);
    const head = await request(port, { method: 'HEAD', path: '/', headers: auth() });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect((await request(port, { method: 'DELETE', path: '/', headers: auth() })).status).toBe(405);
  });

  it('refuses directory traversal in every spelling, and symlinks out of the folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets/%00.js',
      '/%E0%A4%A',
      '/assets/link.txt',
      '/.git/config',
    ]) {
      const res = await request(port, { path, headers: auth() });
      expect([400, 403, 404], path).toContain(res.status);
      expect(res.body, path).not.toContain('TOP-SECRET');
    }
  });

  it('sends the security headers on pages, files, API answers and refusals', async () => {
    const responses = [
      await request(port, { path: '/', headers: auth() }),
      await request(port, { path: '/assets/app.js', headers: auth() }),
      await api(port, token, 'appInfo'),
      await request(port, { path: '/' }),
    ];
    for (const res of responses) {
      const csp = String(res.headers['content-security-policy']);
      for (const directive of [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
      ]) {
        expect(csp).toContain(directive);
      }
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('says how to build the renderer when dist/renderer is missing', async () => {
    const s = await startServer({ service, staticDir: join(work, 'not-built'), log: () => undefined });
    try {
      const res = await request(s.port, { path: '/', headers: { 'X-Nianbao-Token': s.token } });
      expect(res.status).toBe(503);
      expect(res.body).toContain('界面尚未构建');
      expect(res.body).toContain('npm start');
    } finally {
      await s.close();
    }
  });

  it('two servers have different tokens and refuse each other’s', async () => {
    const other = await startServer({ service, staticDir, log: () => undefined });
    try {
      expect(other.token).not.toBe(token);
      expect((await api(other.port, token, 'appInfo')).status).toBe(403);
    } finally {
      await other.close();
    }
  });
});
