import { request as httpRequest } from 'node:http';
import { test, expect } from './support/fixtures';

/** Raw HTTP (Node), so that Host and Origin can be set to anything. */
function call(
  origin: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; text: string }> {
  const url = new URL(path, origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, method: body === undefined ? 'GET' : 'POST', headers },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const json = { 'Content-Type': 'application/json' };
const body = JSON.stringify({ args: [] });

test.describe('browser-mode server refuses foreign requests', () => {
  test('the API answers with the token', async ({ shared }) => {
    const res = await call(shared.origin, '/api/listReports', { ...json, 'X-Nianbao-Token': shared.token }, body);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text).ok).toBe(true);
  });

  test('without the token', async ({ shared }) => {
    const api = await call(shared.origin, '/api/listReports', json, body);
    expect(api.status).toBe(403);
    expect(api.text).not.toContain('"reports"');
    const page = await call(shared.origin, '/', {});
    expect(page.status).toBe(403);
    const wrong = await call(
      shared.origin,
      '/api/listReports',
      { ...json, 'X-Nianbao-Token': 'x'.repeat(shared.token.length) },
      body,
    );
    expect(wrong.status).toBe(403);
  });

  test('with a foreign Origin, even with the token', async ({ shared }) => {
    const res = await call(
      shared.origin,
      '/api/listReports',
      { ...json, 'X-Nianbao-Token': shared.token, Origin: 'http://evil.example' },
      body,
    );
    expect(res.status).toBe(403);
    expect(res.text).not.toContain('"reports"');
  });

  test('with a foreign Host (DNS rebinding), even with the token', async ({ shared }) => {
    const port = new URL(shared.origin).port;
    const res = await call(
      shared.origin,
      '/api/listReports',
      { ...json, 'X-Nianbao-Token': shared.token, Host: `evil.example:${port}` },
      body,
    );
    expect(res.status).toBe(403);
    expect(res.text).not.toContain('"reports"');
  });

  test('a page of another site in the browser cannot read the library', async ({ page, shared }) => {
    // The app's cookie is set, then a foreign page tries a cross-origin call.
    await page.goto(shared.url);
    await page.route('http://evil.example/', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<html><body>evil</body></html>' }),
    );
    await page.goto('http://evil.example/');
    const outcome = await page.evaluate(async (origin) => {
      try {
        const res = await fetch(`${origin}/api/listReports`, {
          method: 'POST',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body: '{"args":[]}',
        });
        return `status ${res.status}`;
      } catch {
        return 'blocked';
      }
    }, shared.origin);
    expect(outcome).toBe('blocked');
  });
});
