import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain JS build helper
import { fetchElectron } from '../../../build/scripts/electron-fetch.mjs';
import { killStarted, spawnStart } from './helpers';

/**
 * `npm start` fetches a missing Electron with Electron's own installer (install.js → @electron/get)
 * and falls back to browser mode, saying why, when that fails. The mirrors here are loopback
 * servers (or a closed loopback port): nothing leaves the machine. The installer runs in a copy of
 * the electron package, so the project's own node_modules/electron is never touched.
 */

const root = fileURLToPath(new URL('../../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'nianbao-electron-fetch-'));
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});
afterAll(() => {
  killStarted();
  rmSync(work, { recursive: true, force: true });
});

interface FetchResult {
  ok: boolean;
  reason?: string;
  binary?: string;
}

/** A copy of node_modules/electron (installer, version, checksums) whose dependencies resolve to the real ones. */
function electronCopy(name: string): string {
  const top = join(work, name, 'node_modules');
  const dir = join(top, 'electron');
  mkdirSync(dir, { recursive: true });
  for (const f of ['install.js', 'package.json', 'checksums.json'])
    copyFileSync(join(root, 'node_modules', 'electron', f), join(dir, f));
  for (const scope of ['@electron', '@electron-internal'])
    symlinkSync(join(root, 'node_modules', scope), join(top, scope));
  return dir;
}

/** A mirror on a loopback port that answers every request with `handler`. */
async function mirror(handler: (path: string) => { status: number; body?: Buffer | string }): Promise<string> {
  const server = createServer((req, res) => {
    const { status, body } = handler(decodeURIComponent(req.url ?? '/'));
    res.writeHead(status);
    res.end(body ?? '');
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}/`;
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return address.port;
}

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete e.ELECTRON_OVERRIDE_DIST_PATH;
  delete e.npm_config_electron_mirror;
  return e;
}

describe('fetching Electron with its own installer', () => {
  it('an unreachable mirror: no binary, and the reason names the address it could not reach', async () => {
    const port = await closedPort();
    const dir = electronCopy('unreachable');
    const result: FetchResult = await fetchElectron({
      electronDir: dir,
      env: env({ ELECTRON_MIRROR: `http://127.0.0.1:${port}/`, electron_config_cache: join(work, 'cache-1') }),
    });
    expect(result.ok).toBe(false);
    expect(result.reason).toContain(`无法连接到下载地址 127.0.0.1:${port}`);
    expect(existsSync(join(dir, 'path.txt'))).toBe(false);
  });

  it('a mirror that refuses (HTTP 403, a blocked network): the reason says so', async () => {
    const url = await mirror(() => ({ status: 403, body: 'Forbidden' }));
    const result: FetchResult = await fetchElectron({
      electronDir: electronCopy('blocked'),
      env: env({ ELECTRON_MIRROR: url, electron_config_cache: join(work, 'cache-2') }),
    });
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(/拒绝访问（HTTP 403）/);
  });

  it('a mirror that has the file: the installer downloads, checks and unpacks it; path.txt names the binary', async () => {
    const version = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
    const program = process.platform === 'win32' ? 'electron.exe' : 'electron';
    const zip = new JSZip();
    zip.file(program, '#!/bin/sh\necho stand-in electron\n', { unixPermissions: 0o755 });
    zip.file('version', version);
    const bytes = await zip.generateAsync({ type: 'nodebuffer', platform: 'UNIX' });
    const requested: string[] = [];
    const url = await mirror((path) => {
      requested.push(path);
      if (path.endsWith('SHASUMS256.txt'))
        return {
          status: 200,
          body: `${createHash('sha256').update(bytes).digest('hex')} *electron-v${version}-${process.platform}-${process.arch}.zip\n`,
        };
      if (basename(path).startsWith(`electron-v${version}-`)) return { status: 200, body: bytes };
      return { status: 404 };
    });
    const dir = electronCopy('served');
    const result: FetchResult = await fetchElectron({
      electronDir: dir,
      // The stand-in zip is not the real release, so the sums come from the mirror, as a mirror of
      // another build would give them (electron_use_remote_checksums).
      env: env({
        ELECTRON_MIRROR: url,
        electron_config_cache: join(work, 'cache-3'),
        electron_use_remote_checksums: '1',
      }),
    });
    expect(result, result.reason).toMatchObject({ ok: true });
    expect(result.binary).toBe(join(dir, 'dist', program));
    expect(readFileSync(join(dir, 'path.txt'), 'utf8')).toBe(program);
    expect(requested.some((p) => p.includes(`/v${version}/`))).toBe(true);
  });
});

describe('npm start without Electron, where it cannot be downloaded', () => {
  it('falls back to browser mode, says why and how to get Electron, and serves the app', async () => {
    const port = await closedPort();
    const dataDir = join(work, 'start-data');
    const child = spawnStart(['--no-open', '--skip-build', '--data-dir', dataDir], {
      cwd: root,
      // A display, so that start.mjs wants the desktop app; an empty dist override, so that an
      // Electron installed in this checkout is not used and nothing can be unpacked into it.
      env: env({
        DISPLAY: ':99',
        ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
        electron_config_cache: join(work, 'cache-4'),
        ELECTRON_OVERRIDE_DIST_PATH: join(work, 'no-electron-here'),
      }),
    });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (out += String(d)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await new Promise<void>((resolve, reject) => {
        const check = () => {
          // Browser mode prints the page to open and the server's address (never a token).
          if (/本地服务的地址是 http:\/\/127\.0\.0\.1:\d+\//.test(out)) resolve();
        };
        child.stdout.on('data', check);
        child.stderr.on('data', check);
        child.on('exit', () => reject(new Error(`exited early:\n${out}`)));
      });
      expect(out).toContain('正在用 Electron 自带的安装程序下载 Electron');
      expect(out).toContain(`无法下载 Electron：无法连接到下载地址 127.0.0.1:${port}`);
      expect(out).toContain('改用浏览器模式');
      for (const hint of ['ELECTRON_MIRROR', 'ELECTRON_OVERRIDE_DIST_PATH', 'docs/desktop.md'])
        expect(out).toContain(hint);
      expect(out).not.toMatch(/token=/);
      // The server it started answers (without the one-time code the page holds, it refuses access).
      const origin = /本地服务的地址是 (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)![1]!;
      const res = await fetch(`${origin}/api/ping`).catch((e: unknown) => e);
      expect(res).toBeInstanceOf(Response);
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
