import { closeSync, openSync, readFileSync, statSync, unlinkSync, utimesSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { ServiceError } from '../../shared/service/api';
import { errnoCode } from './fs-seam';

export const LOCK_FILE = 'nianbao.lock';
/** The holder touches the lock this often; a lock untouched for STALE_MS is considered abandoned. */
const HEARTBEAT_MS = 30_000;
const STALE_MS = 120_000;

interface LockInfo {
  pid: number;
  host: string;
  since: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errnoCode(e) === 'EPERM';
  }
}

/**
 * Makes the service the only writer of a data folder: a second app (an Electron window and a
 * browser-mode server, or two servers) on the same folder would otherwise overwrite each other's
 * index and saves. A lock left by a crashed or killed process is taken over when its process is
 * gone or it has not been touched for two minutes (guards against a reused process id).
 */
export class DataDirLock {
  private timer: NodeJS.Timeout | undefined;
  private held = false;
  readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, LOCK_FILE);
  }

  acquire(): void {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const fd = openSync(this.file, 'wx');
        const info: LockInfo = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
        writeSync(fd, JSON.stringify(info));
        closeSync(fd);
        this.held = true;
        this.timer = setInterval(() => this.touch(), HEARTBEAT_MS);
        this.timer.unref();
        return;
      } catch (e) {
        if (errnoCode(e) !== 'EEXIST')
          throw new ServiceError(
            `无法使用数据文件夹 ${this.file}（${errnoCode(e) ?? String(e)}）。请检查文件夹权限，或用 --data-dir 指定其他文件夹。`,
            'io',
          );
      }
      const holder = this.holder();
      // An unreadable lock is usually left by a crash, but it may be one being written right now.
      const busy = holder ? !this.stale(holder) : this.ageMs() < 5_000;
      if (busy) {
        throw new ServiceError(
          `年报数据文件夹正被另一个年报编制助手窗口使用${holder ? `（进程 ${holder.pid}）` : ''}。请切换到那个窗口，或先关闭它再打开；如果确认没有其他窗口在运行，请两分钟后重试。`,
          'conflict',
        );
      }
      try {
        unlinkSync(this.file);
      } catch (e) {
        if (errnoCode(e) !== 'ENOENT')
          throw new ServiceError(
            `无法接管数据文件夹的锁文件 ${this.file}（${errnoCode(e)}）。请删除该文件后重试。`,
            'io',
          );
      }
    }
    throw new ServiceError('无法锁定数据文件夹：另一个程序在同时打开它。请稍后重试。', 'conflict');
  }

  private holder(): LockInfo | null {
    try {
      const info = JSON.parse(readFileSync(this.file, 'utf8')) as LockInfo;
      return typeof info.pid === 'number' ? info : null;
    } catch {
      return null; // unreadable or half-written by a crashed process: treat as abandoned
    }
  }

  private stale(info: LockInfo): boolean {
    if (info.pid === process.pid) return false;
    if (info.host === hostname() && !alive(info.pid)) return true;
    return this.ageMs() > STALE_MS;
  }

  private ageMs(): number {
    try {
      return Date.now() - statSync(this.file).mtimeMs;
    } catch {
      return Number.POSITIVE_INFINITY;
    }
  }

  private touch(): void {
    try {
      const now = new Date();
      utimesSync(this.file, now, now);
    } catch {
      // best effort: a missing heartbeat only lets another process take over after two minutes
    }
  }

  release(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (!this.held) return;
    this.held = false;
    try {
      const info = this.holder();
      if (info?.pid === process.pid) unlinkSync(this.file);
    } catch {
      // already gone
    }
  }
}
