import { join } from 'node:path';
import { formatIssues, parseReportJson } from '../../../shared/model/schema';
import type { Report } from '../../../shared/model/types';
import { DurableTextFile } from '../adapters';
import { isTempName, saveError, writeFileAtomic } from '../atomic-write';
import { errnoCode, type StorageFs } from '../fs-seam';
import { isReportId } from './validation';

/**
 * The report files of a data folder: `reports/<id>.json` (the library), `trash/<id>.json`,
 * `damaged/` (files that could not be read, kept and never overwritten). The files are the truth;
 * the index is only a cache of them.
 */

export const SUBDIRS = ['reports', 'trash', 'backups', 'damaged'] as const;
export type Subdir = (typeof SUBDIRS)[number];

export type FileState =
  { kind: 'ok'; report: Report; text: string } | { kind: 'missing' } | { kind: 'damaged'; problem: string };

export type ReadableFile = Extract<FileState, { kind: 'ok' }>;

const reportText = (report: Report): string => `${JSON.stringify(report, null, 2)}\n`;

export class ReportFiles {
  readonly dirs: Record<Subdir, string>;

  constructor(
    readonly dataDir: string,
    private readonly fs: StorageFs,
    /** A time stamp for names of files set aside. */
    private readonly stamp: () => string,
  ) {
    this.dirs = Object.fromEntries(SUBDIRS.map((d) => [d, join(dataDir, d)])) as Record<Subdir, string>;
  }

  reportPath(id: string): string {
    return join(this.dirs.reports, `${id}.json`);
  }

  trashPath(id: string): string {
    return join(this.dirs.trash, `${id}.json`);
  }

  async read(file: string, id: string): Promise<FileState> {
    let text: string | null;
    try {
      text = await new DurableTextFile(file, this.fs).read();
    } catch (e) {
      return {
        kind: 'damaged',
        problem: `无法读取文件（${errnoCode(e) ?? String(e)}）。请检查文件权限，或从备份恢复。`,
      };
    }
    if (text === null) return { kind: 'missing' };
    if (text.trim() === '')
      return { kind: 'damaged', problem: '文件是空的（可能在保存时断电或磁盘已满）。请从备份恢复。' };
    const res = parseReportJson(text);
    if (!res.ok)
      return { kind: 'damaged', problem: `文件内容有误，无法作为年报打开：\n${formatIssues(res.issues, 3)}` };
    // The file name is the id: a file copied in by hand under another name still opens as itself.
    const report = res.report.meta.id === id ? res.report : { ...res.report, meta: { ...res.report.meta, id } };
    return { kind: 'ok', report, text };
  }

  readReport(id: string): Promise<FileState> {
    return this.read(this.reportPath(id), id);
  }

  async exists(file: string): Promise<boolean> {
    try {
      await this.fs.stat(file);
      return true;
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') return false;
      throw saveError(e, '读取');
    }
  }

  inTrash(id: string): Promise<boolean> {
    return this.exists(this.trashPath(id));
  }

  /** Writes a report file atomically (a ServiceError with the reason when it fails); returns its text. */
  async write(id: string, report: Report): Promise<string> {
    const text = reportText(report);
    try {
      await writeFileAtomic(this.fs, this.reportPath(id), text);
    } catch (e) {
      throw saveError(e);
    }
    return text;
  }

  /** Keeps an unreadable file in damaged/ (never overwritten, never deleted). */
  async setAside(file: string, id: string): Promise<string> {
    const aside = join(this.dirs.damaged, `${id}-${this.stamp()}.json`);
    try {
      await this.fs.rename(file, aside);
    } catch (e) {
      throw saveError(e, '移走损坏的文件');
    }
    return aside;
  }

  /** Backups of a report the clerk removed while damaged or missing: kept, but out of the list. */
  async setBackupsAside(id: string, backupsDir: string): Promise<void> {
    try {
      await this.fs.rename(backupsDir, join(this.dirs.damaged, `${id}-${this.stamp()}-backups`));
    } catch (e) {
      if (errnoCode(e) !== 'ENOENT') throw saveError(e, '移走备份');
    }
  }

  /** The ids of the report files in a folder (names that cannot be ids are not ours). */
  async ids(dir: string): Promise<string[]> {
    let names: string[];
    try {
      names = await this.fs.readdir(dir);
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') return [];
      throw saveError(e, '读取年报库');
    }
    return names
      .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
      .map((n) => n.slice(0, -5))
      .filter(isReportId);
  }

  /** A crash between writing a temp file and renaming it leaves the temp behind; only we write here. */
  async removeLeftoverTemps(extraFolders: string[]): Promise<void> {
    for (const folder of [this.dataDir, this.dirs.reports, this.dirs.trash, ...extraFolders]) {
      let names: string[];
      try {
        names = await this.fs.readdir(folder);
      } catch {
        continue;
      }
      for (const name of names) if (isTempName(name)) await this.fs.unlink(join(folder, name)).catch(() => undefined);
    }
  }
}
