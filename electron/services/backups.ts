import { join } from 'node:path';
import type { BackupInfo, BackupReason } from '../../shared/service/api';
import { writeFileAtomic } from './atomic-write';
import { errnoCode, type StorageFs } from './fs-seam';

/** Keep the newest KEEP_LAST backups, plus the newest one of each day for KEEP_DAYS days. */
export const KEEP_LAST = 20;
export const KEEP_DAYS = 30;
/** While the clerk edits, a backup is written at most this often (every save before a destructive action). */
export const BACKUP_INTERVAL_MS = 3 * 60_000;

const NAME_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(?:-(\d+))?-(auto|delete|restore|replace)\.json$/;

export interface ParsedBackupName {
  name: string;
  time: Date;
  reason: BackupReason;
}

/** `2025-01-20T01-00-00-000Z-auto.json` → its time and reason; null for anything else (incl. traversal). */
export function parseBackupName(name: string): ParsedBackupName | null {
  const m = NAME_RE.exec(name);
  if (!m) return null;
  const time = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
  if (Number.isNaN(time.getTime())) return null;
  return { name, time, reason: m[7] as BackupReason };
}

export function backupName(time: Date, reason: BackupReason, seq = 0): string {
  const stamp = time.toISOString().replace(/[:.]/g, '-');
  return `${stamp}${seq ? `-${seq}` : ''}-${reason}.json`;
}

const localDay = (d: Date) => `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;

/** Which backups survive pruning: the newest `keepLast`, plus the newest of each local day within `keepDays`. */
export function backupsToKeep(
  backups: readonly ParsedBackupName[],
  now: Date,
  keepLast = KEEP_LAST,
  keepDays = KEEP_DAYS,
): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.time.getTime() - a.time.getTime() || (a.name < b.name ? 1 : -1));
  const keep = new Set(newestFirst.slice(0, keepLast).map((b) => b.name));
  const seenDays = new Set<string>();
  const horizon = now.getTime() - keepDays * 86_400_000;
  for (const b of newestFirst) {
    if (b.time.getTime() < horizon) continue;
    const day = localDay(b.time);
    if (seenDays.has(day)) continue;
    seenDays.add(day);
    keep.add(b.name);
  }
  return keep;
}

/** Rotating backups of each report under `<dataDir>/backups/<id>/`. */
export class BackupStore {
  constructor(
    readonly root: string,
    private readonly fs: StorageFs,
  ) {}

  dir(id: string): string {
    return join(this.root, id);
  }

  private async names(id: string): Promise<ParsedBackupName[]> {
    let names: string[];
    try {
      names = await this.fs.readdir(this.dir(id));
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') return [];
      throw e;
    }
    return names.map(parseBackupName).filter((b): b is ParsedBackupName => b !== null);
  }

  /** Newest first. */
  async list(id: string): Promise<BackupInfo[]> {
    const parsed = await this.names(id);
    const infos: BackupInfo[] = [];
    for (const b of parsed) {
      try {
        const st = await this.fs.stat(join(this.dir(id), b.name));
        infos.push({ name: b.name, savedAt: b.time.toISOString(), size: st.size, reason: b.reason });
      } catch {
        // pruned meanwhile
      }
    }
    return infos.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : a.name < b.name ? 1 : -1));
  }

  async newestTime(id: string): Promise<number | undefined> {
    const parsed = await this.names(id);
    return parsed.reduce<number | undefined>(
      (max, b) => (max === undefined || b.time.getTime() > max ? b.time.getTime() : max),
      undefined,
    );
  }

  async write(id: string, text: string, reason: BackupReason, now: Date): Promise<string> {
    await this.fs.mkdir(this.dir(id), { recursive: true });
    const existing = new Set((await this.names(id)).map((b) => b.name));
    let seq = 0;
    while (existing.has(backupName(now, reason, seq))) seq++;
    const name = backupName(now, reason, seq);
    await writeFileAtomic(this.fs, join(this.dir(id), name), text);
    await this.prune(id, now);
    return name;
  }

  /** The backup's text, or null when no such backup exists (unknown or malformed names included). */
  async read(id: string, name: string): Promise<string | null> {
    if (!parseBackupName(name)) return null;
    try {
      return (await this.fs.readFile(join(this.dir(id), name))).toString('utf8');
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') return null;
      throw e;
    }
  }

  async prune(id: string, now: Date): Promise<void> {
    const parsed = await this.names(id);
    const keep = backupsToKeep(parsed, now);
    for (const b of parsed) {
      if (!keep.has(b.name)) await this.fs.unlink(join(this.dir(id), b.name)).catch(() => undefined);
    }
  }

  /** Report ids that have a backup folder (to find reports whose file went missing). */
  async ids(): Promise<string[]> {
    try {
      return await this.fs.readdir(this.root);
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') return [];
      throw e;
    }
  }
}
