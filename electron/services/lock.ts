import { closeSync, openSync, readFileSync, statSync, unlinkSync, utimesSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { ServiceError } from '../../shared/service/api';
import { errnoCode } from './fs-seam';
import { privateFd } from './private-fs';
import { SAME_START_TOLERANCE_MS, ownStart, processStart } from './process-start';

export const LOCK_FILE = 'nianbao.lock';
/** The holder touches the lock this often (only another computer sharing the folder needs it). */
const HEARTBEAT_MS = 30_000;
/** A lock of another computer untouched this long is abandoned (NIANBAO_LOCK_STALE_MS for tests). */
const STALE_MS = 120_000;

export interface LockInfo {
  pid: number;
  host: string;
  since: string;
  /** When the holding process started (ms since 1970): a reused process id has another start. */
  startedAt?: number;
  /** What holds it, for the message to a second instance. */
  mode?: 'electron' | 'browser';
}

export type LockResult =
  | { held: true }
  /** Another running app holds the folder. */
  | { held: false; reason: 'busy'; holder: LockInfo | null }
  /** The folder cannot be written (read-only disk, no permission). */
  | { held: false; reason: 'read-only'; code: string };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errnoCode(e) === 'EPERM';
  }
}

export interface LockOptions {
  mode?: LockInfo['mode'];
  /** Age after which another computer's lock counts as abandoned (default 2 minutes). */
  staleMs?: number;
}

/**
 * Makes the service the only writer of a data folder: a second app (an Electron window and a
 * browser-mode server, or two servers) on the same folder would otherwise overwrite each other's
 * index and saves. A lock is taken over only when its holder is gone: on this computer the holding
 * process must have ended (its id is free, or now belongs to a process that started at another
 * time), however long it has not been heard from — a frozen app keeps its folder. Only a lock
 * written by another computer (a shared folder) falls back to the age of its heartbeat.
 */
export class DataDirLock {
  private timer: NodeJS.Timeout | undefined;
  private held = false;
  readonly file: string;
  private readonly staleMs: number;

  constructor(
    dataDir: string,
    private readonly options: LockOptions = {},
  ) {
    this.file = join(dataDir, LOCK_FILE);
    const fromEnv = Number(process.env.NIANBAO_LOCK_STALE_MS);
    this.staleMs = options.staleMs ?? (Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : STALE_MS);
  }

  acquire(): LockResult {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const fd = openSync(this.file, 'wx', 0o600);
        privateFd(fd);
        const info: LockInfo = {
          pid: process.pid,
          host: hostname(),
          since: new Date().toISOString(),
          startedAt: ownStart(),
          ...(this.options.mode ? { mode: this.options.mode } : {}),
        };
        writeSync(fd, JSON.stringify(info));
        closeSync(fd);
        this.held = true;
        this.timer = setInterval(() => this.touch(), HEARTBEAT_MS);
        this.timer.unref();
        return { held: true };
      } catch (e) {
        const code = errnoCode(e);
        if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
          return { held: false, reason: 'read-only', code };
        if (code !== 'EEXIST')
          throw new ServiceError(
            `无法使用数据文件夹 ${this.file}（${code ?? String(e)}）。请检查文件夹权限，或用 --data-dir 指定其他文件夹。`,
            'io',
          );
      }
      const holder = this.holder();
      // An unreadable lock is usually left by a crash, but it may be one being written right now.
      const busy = holder ? this.live(holder) : this.ageMs() < 5_000;
      if (busy) return { held: false, reason: 'busy', holder };
      try {
        unlinkSync(this.file);
      } catch (e) {
        const code = errnoCode(e);
        if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
          return { held: false, reason: 'read-only', code };
        if (code !== 'ENOENT')
          throw new ServiceError(`无法接管数据文件夹的锁文件 ${this.file}（${code}）。请删除该文件后重试。`, 'io');
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

  /** Whether the app that wrote the lock still runs. */
  private live(info: LockInfo): boolean {
    if (info.host !== hostname()) return this.ageMs() <= this.staleMs;
    if (!alive(info.pid)) return false;
    if (typeof info.startedAt !== 'number') {
      // A lock of an older version: no start time to compare, so the old age rule decides.
      return info.pid === process.pid || this.ageMs() <= this.staleMs;
    }
    const start = info.pid === process.pid ? ownStart() : processStart(info.pid);
    // The id now belongs to a process that started at another time: the holder is gone.
    return start === null || Math.abs(start - info.startedAt) <= SAME_START_TOLERANCE_MS;
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
      // best effort: only another computer sharing the folder relies on the heartbeat
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

/** The Chinese sentence naming the instance that holds a folder (for the read-only banner). */
export function describeHolder(holder: LockInfo | null): string {
  if (!holder) return '另一个年报编制助手正在使用这个数据文件夹';
  const what =
    holder.mode === 'browser'
      ? '浏览器模式的年报编制助手'
      : holder.mode === 'electron'
        ? '年报编制助手窗口'
        : '另一个年报编制助手';
  const since = Date.parse(holder.since);
  const when = Number.isFinite(since) ? `，自 ${new Date(since).toLocaleString('zh-CN', { hour12: false })} 起` : '';
  const where = holder.host !== hostname() ? `在计算机“${holder.host}”上` : '';
  return `${where}${what}（进程 ${holder.pid}${when}）正在使用这个数据文件夹`;
}
