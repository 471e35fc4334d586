import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it, vi } from 'vitest';
import { findChromium } from '../../../electron/server/index';
import { describeUnless } from '../../fixtures/skip';

/**
 * Another user of the same computer against browser mode (issue 14 item 2): the real launcher
 * (`electron/server/main.ts`) opens the app in a real Chromium, which gets in; then a script run
 * as `nobody` reads every command line and environment in /proc, the files they name and the
 * launcher's output (written to a log anyone may read), and tries every string it found as token,
 * cookie, start-URL token and one-time code on every loopback server. Nothing opens the API. The
 * same script run as the owner does get in (so it is able to, and the test can fail).
 */

const root = fileURLToPath(new URL('../../..', import.meta.url));
const chromium = findChromium();
const NOBODY = ['--reuid=65534', '--regid=65534', '--clear-groups'];

function whyNot(): string | null {
  if (process.platform !== 'linux') return `只在 Linux 上测试（/proc；此处为 ${process.platform}）`;
  if (process.getuid?.() !== 0) return '需要 root 才能以另一个用户（nobody）运行攻击脚本';
  if (!chromium) return 'Chromium 未安装（apt-get install chromium）';
  const res = spawnSync('setpriv', [...NOBODY, process.execPath, '-e', '1']);
  if (res.error) return '没有 setpriv（util-linux）';
  return res.status === 0 ? null : `nobody 无法运行 node（${String(res.stderr).trim()}）`;
}

/** Whether /proc is mounted with hidepid (then no user sees another's command lines). */
function procHidesPids(): boolean {
  const proc = readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .find((l) => l.split(' ')[1] === '/proc');
  return /hidepid=(?!0|off)|subset=pid/.test(proc ?? '');
}

const work = mkdtempSync(join(tmpdir(), 'nianbao-other-user-'));
const children: ChildProcess[] = [];
/** Processes still running with the work folder on their command line (Chromium's helpers). */
function helpersLeft(): number[] {
  const left: number[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(work)) left.push(Number(pid));
    } catch {
      // gone meanwhile
    }
  }
  return left;
}

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  // Chromium's helpers may outlive its main process for a moment, writing their profile: wait for
  // them (then end any still there) before removing the folder they write into.
  for (let i = 0; i < 100 && helpersLeft().length; i++) await new Promise((r) => setTimeout(r, 200));
  for (const pid of helpersLeft()) process.kill(pid, 'SIGKILL');
  rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}, 60_000);

interface Attack {
  uid: number;
  readable: string[];
  refused: string[];
  candidates: number;
  ports: number[];
  granted: { port: number; how: string }[];
}

function attack(asNobody: boolean, script: string, log: string, port: number): Attack {
  // Every string found is tried on the app's server (a shared machine may have many others).
  const args = [script, log, '--port', String(port)];
  const res = asNobody
    ? spawnSync('setpriv', [...NOBODY, process.execPath, ...args], { encoding: 'utf8', timeout: 600_000 })
    : spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 600_000 });
  expect(res.error, 'the attack did not finish').toBeUndefined();
  expect(res.status, res.stderr).toBe(0);
  return JSON.parse(res.stdout) as Attack;
}

describeUnless(whyNot(), 'another local user against browser mode', () => {
  it('finds nothing in /proc, the files they name or the log that opens the API; the owner would', async () => {
    // Everyone may walk to the script and the log; the data folder is the app's own business.
    chmodSync(work, 0o755);
    const script = join(work, 'attack.mjs');
    copyFileSync(join(root, 'test', 'unit', 'server', 'fixtures', 'other-user-attack.mjs'), script);
    chmodSync(script, 0o644);
    const log = join(work, 'launcher.log');
    const logFd = openSync(log, 'w', 0o644);
    chmodSync(log, 0o644);
    // A real Chromium, headless, started by the launcher exactly as it starts a window.
    const browser = join(work, 'browser.sh');
    writeFileSync(
      browser,
      `#!/bin/sh\nfor a in "$@"; do case "$a" in --app=*) url="\${a#--app=}";; esac; done\nexec ${chromium} --headless=new --no-sandbox --disable-gpu "$@" "$url"\n`,
    );
    chmodSync(browser, 0o755);
    const dataDir = join(work, 'data');
    const launcher = spawn(
      process.execPath,
      ['--import', 'tsx', join(root, 'electron', 'server', 'main.ts'), '--data-dir', dataDir],
      {
        cwd: root,
        env: { ...process.env, DISPLAY: ':99', NIANBAO_BROWSER: browser },
        stdio: ['ignore', logFd, logFd],
      },
    );
    children.push(launcher);
    try {
      // The window got in: the one-time code it found in the page was spent and replaced.
      const page = join(dataDir, 'open-app.html');
      await vi.waitFor(() => expect(existsSync(page)).toBe(true), { timeout: 120_000, interval: 200 });
      const first = readFileSync(page, 'utf8');
      await vi.waitFor(() => expect(readFileSync(page, 'utf8')).not.toBe(first), { timeout: 120_000, interval: 200 });
      const session = JSON.parse(readFileSync(join(dataDir, 'browser-session.json'), 'utf8'));
      const secret = session.secret as string;
      const port = session.port as number;

      const nobody = attack(true, script, log, port);
      expect(nobody.uid).toBe(65534);
      expect(nobody.ports).toEqual([port]);
      expect(nobody.granted).toEqual([]);
      // It could read the command lines and the log, but not the page, the session or the environment.
      expect(nobody.readable).toContain(log);
      // (A /proc mounted with hidepid hides other users' processes altogether: less to see, same verdict.)
      if (!procHidesPids()) expect(nobody.readable).toContain(`/proc/${launcher.pid}/cmdline`);
      expect(nobody.readable).not.toContain(page);
      expect(nobody.readable).not.toContain(join(dataDir, 'browser-session.json'));
      expect(nobody.readable).not.toContain(`/proc/${launcher.pid}/environ`);
      // And the secret is written nowhere it can see.
      expect(readFileSync(log, 'utf8')).not.toContain(secret);
      const cmdlines = spawnSync('sh', ['-c', 'cat /proc/[0-9]*/cmdline 2>/dev/null | tr "\\0" " "'], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      }).stdout;
      expect(cmdlines).toContain('open-app.html');
      expect(cmdlines).not.toContain(secret);

      // The same search as the owner of the app reads the page and gets in: the script works.
      const owner = attack(false, script, log, port);
      expect(owner.granted.length).toBeGreaterThan(0);
    } finally {
      launcher.kill('SIGINT');
      await new Promise((resolve) => (launcher.exitCode !== null ? resolve(null) : launcher.once('exit', resolve)));
    }
  }, 1_500_000);
});
