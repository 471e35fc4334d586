import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { api, request } from './helpers';

/**
 * `npm start` in browser mode without a display: prints the address with its token, serves the
 * API, and on Ctrl+C (SIGINT to the launcher) writes what is pending and releases the data folder.
 * (--skip-build: this test does not rebuild the renderer; --browser: skip Electron even if installed.)
 */

const root = fileURLToPath(new URL('../../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'nianbao-start-'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm start (browser mode, no display)', () => {
  it('prints the address, serves the app, and saves and exits on SIGINT', async () => {
    const dataDir = join(work, 'data');
    const env = { ...process.env };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const child = spawn(
      process.execPath,
      [join(root, 'build', 'scripts', 'start.mjs'), '--browser', '--skip-build', '--data-dir', dataDir],
      {
        cwd: root,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (out += String(d)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no address printed:\n${out}`)), 150_000);
        const check = () => {
          const m = /http:\/\/127\.0\.0\.1:(\d+)\/\?token=[A-Za-z0-9_-]{43}/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[0]);
          }
        };
        child.stdout.on('data', check);
        child.on('exit', () => reject(new Error(`exited early:\n${out}`)));
      });
      expect(out).toContain(`数据文件夹：${dataDir}`);
      const { port, searchParams } = new URL(url);
      const token = searchParams.get('token')!;
      const start = await request(Number(port), { path: `/?token=${token}` });
      expect(start.status).toBe(303);
      const created = JSON.parse((await api(Number(port), token, 'createSampleReport')).body);
      expect(created.ok).toBe(true);
      expect(existsSync(join(dataDir, 'nianbao.lock'))).toBe(true);

      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(out).toContain('正在保存并退出');
      // The index (written lazily) was flushed, and the folder is free for the next start.
      const index = JSON.parse(readFileSync(join(dataDir, 'index.json'), 'utf8'));
      expect(Object.keys(index.reports)).toEqual([created.result.meta.id]);
      expect(existsSync(join(dataDir, 'nianbao.lock'))).toBe(false);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
