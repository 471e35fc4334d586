import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createService, type NianbaoService } from '../../../electron/services/index';
import { findChromium, startServer, type RunningServer } from '../../../electron/server/index';
import { OPEN_PAGE_FILE, writeOpenPage } from '../../../electron/server/session';
import { describeUnless } from '../../fixtures/skip';

/**
 * The token flow in a real browser: the start URL sets the cookie and redirects; the page's own
 * script then calls the API with nothing but the cookie; an inline script is blocked by the CSP;
 * a page on another origin cannot call the API.
 */

const browserPath = findChromium();
let work: string;
let service: NianbaoService;
let server: RunningServer;
let id: string;

beforeAll(async () => {
  if (!browserPath) return;
  work = mkdtempSync(join(tmpdir(), 'nianbao-chromium-'));
  const dir = join(work, 'renderer');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><title>loading</title>
<script>window.inlineRan = true;</script>
<script type="module" src="./assets/app.js"></script></head><body></body></html>`,
  );
  writeFileSync(
    join(dir, 'assets', 'app.js'),
    `const res = await fetch('/api/listReports', {
  method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"args":[]}', credentials: 'same-origin',
});
const body = await res.json();
document.title = body.ok ? 'reports:' + body.result.reports.length : 'error:' + body.error.message;`,
  );
  service = createService({ dataDir: join(work, 'data'), mode: 'browser', log: () => undefined });
  id = (await service.createSampleReport()).meta.id;
  server = await startServer({ service, staticDir: dir, log: () => undefined });
});

afterAll(async () => {
  await server?.close();
  await service?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describeUnless(!browserPath && 'Chromium 未安装（apt-get install chromium）', 'browser mode in real Chromium', () => {
  it('token → cookie → redirect; the page calls the API with the cookie; inline scripts are blocked', async () => {
    const { chromium } = await import('@playwright/test');
    const browser = await chromium.launch({
      executablePath: browserPath!,
      args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
    });
    try {
      const page = await browser.newPage();
      const csp: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
      });
      await page.goto(server.url);
      expect(page.url()).toBe(`${server.origin}/`);
      await page.waitForFunction(() => document.title !== 'loading', null, { timeout: 60_000 });
      expect(await page.title()).toBe('reports:1');
      expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan ?? false)).toBe(false);
      expect(csp.length).toBeGreaterThan(0);
      const cookies = await page.context().cookies();
      expect(cookies.find((c) => c.name === `nianbao_token_${server.port}`)).toMatchObject({
        httpOnly: true,
        sameSite: 'Strict',
      });
      expect(await page.evaluate(() => document.cookie)).toBe('');

      // A hostile page on another port of 127.0.0.1 (same site, so the Strict cookie IS sent)
      // tries a JSON fetch and a form post: the Origin check refuses both.
      const evil = createServer((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html><title>evil</title>
<form id="f" method="POST" enctype="text/plain" action="${server.origin}/api/deleteReport">
<input name='{"args":["${id}"],"x":"' value='"}'></form>
<script>
fetch('${server.origin}/api/deleteReport', {
  method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ args: ['${id}'] }),
})
  .then(() => 'fetch-ok', () => 'fetch-blocked')
  .then((r) => { document.title = r; document.getElementById('f').submit(); });
</script>`);
      });
      await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
      try {
        const evilPage = await browser.newPage();
        await evilPage.goto(`http://127.0.0.1:${(evil.address() as AddressInfo).port}/`);
        await evilPage.waitForURL(`${server.origin}/api/deleteReport`, { timeout: 60_000 });
        expect(await evilPage.content()).toContain('拒绝访问');
        expect((await service.listReports()).reports.map((r) => r.id)).toEqual([id]);
      } finally {
        evil.close();
      }
    } finally {
      await browser.close();
    }
  });

  it('the open page: its one-time code becomes the cookie, the app loads; used again, it is refused', async () => {
    const { chromium } = await import('@playwright/test');
    const browser = await chromium.launch({
      executablePath: browserPath!,
      args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
    });
    try {
      const pageDir = join(work, 'open');
      mkdirSync(pageDir, { recursive: true });
      const fileUrl = writeOpenPage(pageDir, server.origin, server.newCode());
      const stale = readFileSync(join(pageDir, OPEN_PAGE_FILE), 'utf8');
      const page = await browser.newPage();
      await page.goto(fileUrl);
      await page.waitForURL(`${server.origin}/`, { timeout: 60_000 });
      await page.waitForFunction(() => document.title !== 'loading', null, { timeout: 60_000 });
      expect(await page.title()).toBe('reports:1');
      const cookies = await page.context().cookies();
      expect(cookies.find((c) => c.name === `nianbao_token_${server.port}`)).toMatchObject({
        httpOnly: true,
        sameSite: 'Strict',
      });
      // The same page opened again in another browser: its code is spent.
      writeFileSync(join(pageDir, 'stale.html'), stale);
      const other = await browser.newContext();
      const second = await other.newPage();
      await second.goto(`file://${join(pageDir, 'stale.html')}`);
      await second.waitForURL(`${server.origin}/session`, { timeout: 60_000 });
      await expect.poll(() => second.content()).toContain('已经用过或已失效');
      const res = await second.request.post(`${server.origin}/api/listReports`, {
        headers: { 'Content-Type': 'application/json' },
        data: '{"args":[]}',
      });
      expect(res.status()).toBe(403);
      await other.close();
    } finally {
      await browser.close();
    }
  });
});
