import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { api, killStarted, request, spawnStart } from './helpers';

/**
 * `npm start` in browser mode without a display: prints the path of its open page (never a secret),
 * the page's one-time code gets the cookie once, the API answers with it, and on Ctrl+C (SIGINT to
 * the launcher) it writes what is pending and releases the data folder.
 * (--skip-build: this test does not rebuild the renderer; --browser: skip Electron even if installed.)
 */

const root = fileURLToPath(new URL('../../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'nianbao-start-'));

afterAll(() => {
  killStarted();
  rmSync(work, { recursive: true, force: true });
});

describe('npm start (browser mode, no display)', () => {
  it('prints the open page, serves the app, and saves and exits on SIGINT', async () => {
    const dataDir = join(work, 'data');
    const env = { ...process.env };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const child = spawnStart(['--browser', '--skip-build', '--data-dir', dataDir], {
      cwd: root,
      env,
    });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (out += String(d)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const page = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no open page printed:\n${out}`)), 150_000);
        const check = () => {
          const m = /file:\/\/\S+\/open-app\.html/.exec(out);
          if (m && /127\.0\.0\.1:\d+/.test(out)) {
            clearTimeout(timer);
            resolve(m[0]);
          }
        };
        child.stdout.on('data', check);
        child.on('exit', () => reject(new Error(`exited early:\n${out}`)));
      });
      expect(out).toContain(`数据文件夹：${dataDir}`);
      const file = fileURLToPath(page);
      expect(file).toBe(join(dataDir, 'open-app.html'));
      // Only this user may read the page and the session file.
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(join(dataDir, 'browser-session.json')).mode & 0o777).toBe(0o600);
      const html = readFileSync(file, 'utf8');
      const code = /name="code" value="([^"]+)"/.exec(html)![1]!;
      const port = Number(/action="http:\/\/127\.0\.0\.1:(\d+)\/session"/.exec(html)![1]);
      const secret = JSON.parse(readFileSync(join(dataDir, 'browser-session.json'), 'utf8')).secret as string;
      // Neither the code nor the secret is ever printed.
      expect(out).not.toContain(code);
      expect(out).not.toContain(secret);
      const form = { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'null' };
      const session = await request(port, { method: 'POST', path: '/session', headers: form, body: `code=${code}` });
      expect(session.status).toBe(200);
      const cookie = String(session.headers['set-cookie']).split(';')[0]!;
      expect(cookie).toBe(`nianbao_token_${port}=${secret}`);
      // The code worked once; the page now holds a fresh one.
      const again = await request(port, { method: 'POST', path: '/session', headers: form, body: `code=${code}` });
      expect(again.status).toBe(403);
      await vi.waitFor(() => expect(readFileSync(file, 'utf8')).not.toContain(code));
      const token = secret;
      const created = JSON.parse((await api(port, token, 'createSampleReport')).body);
      expect(created.ok).toBe(true);
      expect(existsSync(join(dataDir, 'nianbao.lock'))).toBe(true);

      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(out).toContain('正在保存并退出');
      // The index (written lazily) was flushed, and the folder is free for the next start.
      const index = JSON.parse(readFileSync(join(dataDir, 'index.json'), 'utf8'));
      expect(Object.keys(index.reports)).toEqual([created.result.meta.id]);
      expect(existsSync(join(dataDir, 'nianbao.lock'))).toBe(false);
      // The one-time page is gone with the server; the session stays for a window left open.
      expect(existsSync(file)).toBe(false);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
