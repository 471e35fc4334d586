import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../../electron/services/lock';
import { ownStart } from '../../../electron/services/process-start';
import { serviceError, useTempDataDirs } from './helpers';

/**
 * The data-folder lock is lost only by a dead process: an app frozen (SIGSTOP) far longer than the
 * old two-minute rule keeps its folder, and a second app opens read-only naming it; a killed app's
 * lock is taken over at once, also when its process id was reused meanwhile. The age of the
 * heartbeat matters only for a lock written by another computer. NIANBAO_LOCK_STALE_MS shortens
 * that age here (300 ms instead of 2 minutes), so a test waiting past it proves it is not used.
 */

const tmp = useTempDataDirs();
const root = fileURLToPath(new URL('../../..', import.meta.url));
const fixture = join(root, 'test', 'unit', 'services', 'fixtures', 'hold-folder.ts');
const children: ChildProcess[] = [];
const STALE = 300;
let savedEnv: string | undefined;

beforeEach(() => {
  savedEnv = process.env.NIANBAO_LOCK_STALE_MS;
  process.env.NIANBAO_LOCK_STALE_MS = String(STALE);
});
afterEach(() => {
  if (savedEnv === undefined) delete process.env.NIANBAO_LOCK_STALE_MS;
  else process.env.NIANBAO_LOCK_STALE_MS = savedEnv;
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

/** Starts an app holding `dataDir` in another process; resolves with it and a line reader. */
async function holder(dataDir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, dataDir], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, NIANBAO_LOCK_STALE_MS: String(STALE) },
  });
  children.push(child);
  const lines: string[] = [];
  let buf = '';
  child.stdout!.on('data', (d) => {
    buf += String(d);
    let nl;
    while ((nl = buf.indexOf('\n')) >= 0) {
      lines.push(buf.slice(0, nl));
      buf = buf.slice(nl + 1);
    }
  });
  const next = async (timeoutMs = 120_000): Promise<string> => {
    const started = Date.now();
    while (lines.length === 0) {
      if (child.exitCode !== null) throw new Error(`holder exited (${child.exitCode})`);
      if (Date.now() - started > timeoutMs) throw new Error('holder did not answer');
      await new Promise((r) => setTimeout(r, 20));
    }
    return lines.shift()!;
  };
  expect(await next()).toBe('ready');
  return { child, next, send: (line: string) => child.stdin!.write(`${line}\n`) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the data-folder lock', () => {
  it('a frozen app keeps its folder long past the stale age; the second opens read-only and no edit is lost', async () => {
    const dataDir = tmp.dir();
    const setup = tmp.open({ dataDir });
    const r = await setup.createSampleReport();
    await setup.close();

    const a = await holder(dataDir);
    a.child.kill('SIGSTOP');
    try {
      // Ten times the stale age without a heartbeat: the old rule would take the lock here.
      await sleep(STALE * 10);
      const b = tmp.open({ dataDir });
      const info = await b.appInfo();
      expect(info.readOnly).toContain(`进程 ${a.child.pid}`);
      expect(info.readOnly).toContain('浏览器模式的年报编制助手');
      const err = await serviceError(b.saveReport({ ...r, title: '第二个实例的修改' }));
      expect(err.code).toBe('conflict');
      expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).pid).toBe(a.child.pid);
    } finally {
      a.child.kill('SIGCONT');
    }
    // The frozen app wakes up and saves: acknowledged, and on disk.
    a.send(`save ${r.meta.id} 冻结后保存的标题`);
    expect(await a.next()).toBe('saved 冻结后保存的标题');
    const onDisk = JSON.parse(readFileSync(join(dataDir, 'reports', `${r.meta.id}.json`), 'utf8'));
    expect(onDisk.title).toBe('冻结后保存的标题');

    // Killed, it holds nothing: the next app takes over at once.
    a.child.kill('SIGKILL');
    await new Promise((resolve) => a.child.once('exit', resolve));
    const c = tmp.open({ dataDir });
    expect((await c.appInfo()).readOnly).toBeUndefined();
    await c.saveReport({ ...onDisk, title: '接管后保存' });
    expect(JSON.parse(readFileSync(join(dataDir, 'reports', `${r.meta.id}.json`), 'utf8')).title).toBe('接管后保存');
  });

  it('a lock whose process id now belongs to another process (started at another time) is taken over', async () => {
    const dataDir = tmp.dir();
    // Process 1 is alive, but it is not the app that wrote this lock (it started long before).
    writeFileSync(
      join(dataDir, LOCK_FILE),
      JSON.stringify({
        pid: 1,
        host: hostname(),
        since: new Date().toISOString(),
        startedAt: ownStart(),
        mode: 'browser',
      }),
    );
    const s = tmp.open({ dataDir });
    expect((await s.appInfo()).readOnly).toBeUndefined();
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
  });

  it('a live holder with the right start time is never taken over, however old the lock file', async () => {
    const dataDir = tmp.dir();
    const a = await holder(dataDir);
    const lock = join(dataDir, LOCK_FILE);
    // As if it had not been touched for an hour (the heartbeat is irrelevant on one computer).
    const { utimesSync } = await import('node:fs');
    const old = new Date(Date.now() - 3600_000);
    utimesSync(lock, old, old);
    const b = tmp.open({ dataDir });
    expect((await b.appInfo()).readOnly).toContain(`进程 ${a.child.pid}`);
  });

  it('another computer’s lock counts by its heartbeat; an unreadable one after a few seconds', async () => {
    const dataDir = tmp.dir();
    const lock = join(dataDir, LOCK_FILE);
    writeFileSync(
      lock,
      JSON.stringify({ pid: 4242, host: 'another-pc', since: new Date().toISOString(), mode: 'electron' }),
    );
    const fresh = tmp.open({ dataDir });
    expect((await fresh.appInfo()).readOnly).toContain('在计算机“another-pc”上年报编制助手窗口（进程 4242');
    await fresh.close();
    await sleep(STALE * 2);
    const later = tmp.open({ dataDir });
    expect((await later.appInfo()).readOnly).toBeUndefined();
    await later.close();
    writeFileSync(lock, '{"pid": 12');
    const { utimesSync } = await import('node:fs');
    const old = new Date(Date.now() - 10_000);
    utimesSync(lock, old, old);
    const garbled = tmp.open({ dataDir });
    expect((await garbled.appInfo()).readOnly).toBeUndefined();
  });
});
