// Length: the API methods of the library, each a short call into electron/services/library/
// (files, index, trash, backups) under the data-folder lock and the per-report mutex.
import { chmodSync, statSync } from 'node:fs';
import { mkdirPrivateSync } from './private-fs';
import { join } from 'node:path';
import type { Low } from 'lowdb';
import { isReservedFileName } from '../../shared/export/file-name';
import { blankReport, newId } from '../../shared/model/blank';
import { formatIssues, parseReportJson } from '../../shared/model/schema';
import type { Report } from '../../shared/model/types';
import { sampleReport } from '../../shared/sample/sample-report';
import {
  ServiceError,
  type AppInfo,
  type NewReportInput,
  type NianbaoApi,
  type ReportFileInput,
  type SaveResult,
  type Settings,
} from '../../shared/service/api';
import { BrokenFileError } from './adapters';
import { saveError } from './atomic-write';
import { BackupStore } from './backups';
import { errnoCode, nodeFs, type StorageFs } from './fs-seam';
import { KeyMutex } from './key-mutex';
import { emptyIndex, openIndex } from './library-index';
import { DataDirLock, describeHolder, type LockResult } from './lock';
import { mergeSettings, openSettings } from './settings-store';
import { createDocumentsApi, defaultExportDir, type DocumentsApi } from './documents-service';
import type { PdfPrinter } from './export/pdf-printer';
import { createAggregateApi, type AggregateApi } from './aggregate/aggregate-service';
import { BackupPolicy } from './library/backup-policy';
import { IndexCache } from './library/index-cache';
import { ReportFiles, SUBDIRS, type FileState, type ReadableFile } from './library/report-files';
import { scanLibrary } from './library/scan';
import { moveOutOfTrash, moveToTrash } from './library/trash';
import { checkId, checkNewReport, checkSaved, isReportId, parseOpenedFile } from './library/validation';

/**
 * The library behind the app: report files under `dataDir` (see docs/storage-and-browser-mode.md)
 * with their index, trash, backups and settings. This file puts the pieces of `library/` together
 * behind the NianbaoApi: one mutex per report, the data folder lock, start-up and close.
 */
import { ImportPool, type ImportPoolOptions } from './import/isolated-import';

export interface ServiceOptions {
  /** The library folder; see defaultDataDir(). */
  dataDir: string;
  mode: 'electron' | 'browser';
  version?: string;
  /** Shows a path in the system file manager (Electron: shell.showItemInFolder / openPath). */
  revealPath?: (path: string) => Promise<void>;
  /** Test seam: the file operations (inject failures such as ENOSPC). */
  fs?: StorageFs;
  /** Test seam: the clock. */
  now?: () => Date;
  /** Delay before the listing index is written after a change (it is a cache; default 1000 ms). */
  indexDelayMs?: number;
  /** Take the data folder lock (default true): only one service may write a data folder. */
  lock?: boolean;
  /** Where unexpected problems are logged (default console.error). */
  log?: (message: string, error?: unknown) => void;
  /** PDF printer for exports (Electron: printToPDF); default headless Chromium. */
  printer?: () => PdfPrinter;
  /** The user's documents folder (Electron: app.getPath('documents')); exports go to 年报导出 in it. */
  documentsDir?: string;
  /** Import workers: how many, and their time and memory limits (default: isolated-import.ts). */
  imports?: ImportPoolOptions;
}

export type NianbaoService = NianbaoApi & {
  readonly dataDir: string;
  /** Writes everything pending (the index) now. */
  flush(): Promise<void>;
  /** Waits for pending saves, writes the index, releases the data folder. */
  close(): Promise<void>;
};

const folderError = (dir: string, e: unknown) =>
  new ServiceError(
    `无法创建数据文件夹 ${dir}（${errnoCode(e) ?? String(e)}）。请检查权限，或用 --data-dir 指定其他文件夹。`,
    'io',
  );

class LibraryService {
  readonly dataDir: string;
  private readonly fs: StorageFs;
  private readonly now: () => Date;
  private readonly log: (message: string, error?: unknown) => void;
  private readonly files: ReportFiles;
  private readonly backups: BackupPolicy;
  private readonly index: IndexCache;
  private readonly settings: Low<Settings>;
  private readonly mutex = new KeyMutex();
  private readonly lock: DataDirLock | undefined;
  /** Why this service may only read (another app holds the folder, or it cannot be written). */
  readonly readOnly: string | null = null;
  private readonly ready: Promise<void>;
  private closed = false;
  private closing: Promise<void> | undefined;

  constructor(private readonly options: ServiceOptions) {
    this.dataDir = options.dataDir;
    this.fs = options.fs ?? nodeFs;
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? ((m, e) => console.error(`[nianbao] ${m}`, e ?? ''));
    this.files = new ReportFiles(this.dataDir, this.fs, () => this.stamp());
    this.backups = new BackupPolicy(new BackupStore(this.files.dirs.backups, this.fs), this.now, this.log);
    this.index = new IndexCache(openIndex(join(this.dataDir, 'index.json'), this.fs), this.fs, {
      delayMs: options.indexDelayMs ?? 1000,
      log: this.log,
    });
    this.settings = openSettings(join(this.dataDir, 'settings.json'), this.fs);
    if (options.lock !== false) {
      // mkdir before the lock: a fresh machine has no data folder yet.
      try {
        mkdirPrivateSync(this.dataDir);
      } catch (e) {
        throw folderError(this.dataDir, e);
      }
      this.lock = new DataDirLock(this.dataDir, { mode: options.mode });
      const got = this.lock.acquire();
      if (got.held) keepPrivate(this.dataDir);
      else {
        this.readOnly = readOnlyReason(got, this.dataDir);
        this.index.stopWriting();
      }
    }
    this.ready = this.init();
    // Callers see init problems on their first call; avoid an unhandled rejection meanwhile.
    this.ready.catch(() => undefined);
  }

  private async init(): Promise<void> {
    if (this.readOnly) {
      // Look, touch nothing: no folders made, no leftovers removed, broken files not moved.
      await this.settings.read().catch(() => (this.settings.data = {}));
      await this.index.db.read().catch(() => (this.index.db.data = emptyIndex()));
      return;
    }
    try {
      for (const d of [this.dataDir, ...Object.values(this.files.dirs)]) await this.fs.mkdir(d, { recursive: true });
    } catch (e) {
      throw folderError(this.dataDir, e);
    }
    const backupDirs = (await this.backups.store.ids()).map((id) => this.backups.store.dir(id));
    await this.files.removeLeftoverTemps(backupDirs);
    await this.loadOrSetAside(this.settings, 'settings', {});
    await this.loadOrSetAside(this.index.db, 'index', emptyIndex());
  }

  /** settings.json and index.json: a broken file is kept aside in damaged/ and replaced by defaults. */
  private async loadOrSetAside<T>(db: Low<T>, what: string, fallback: T): Promise<void> {
    try {
      await db.read();
    } catch (e) {
      if (!(e instanceof BrokenFileError)) throw saveError(e, `读取${what === 'settings' ? '设置' : '年报索引'}`);
      const aside = join(this.files.dirs.damaged, `${what}-${this.stamp()}.json`);
      await this.fs.rename(e.file, aside).catch((err) => this.log(`could not move ${e.file} aside`, err));
      this.log(`${e.file} was broken (${e.problem}); kept as ${aside}, starting afresh`);
      db.data = fallback;
      if (what === 'settings') await db.write().catch((err) => this.log('could not rewrite settings.json', err));
    }
  }

  private stamp(): string {
    return this.now().toISOString().replace(/[:.]/g, '-');
  }

  private async call<T>(task: () => Promise<T>): Promise<T> {
    if (this.closed) throw new ServiceError('年报服务已关闭。请重新启动年报编制助手。', 'internal');
    await this.ready;
    return task();
  }

  /** A call that writes to the data folder: refused, with the reason, when it may only be read. */
  private write<T>(task: () => Promise<T>): Promise<T> {
    if (this.readOnly) return Promise.reject(new ServiceError(`没有保存。${this.readOnly}`, 'conflict'));
    return this.call(task);
  }

  /** Writes the report file and records it in the index; an auto backup at most every few minutes. */
  private async store(id: string, report: Report, opts: { forceBackup?: boolean } = {}): Promise<void> {
    const text = await this.files.write(id, report);
    await this.index.record(id, report, this.files.reportPath(id));
    await this.backups.afterSave(id, text, opts.forceBackup === true);
  }

  /** A new report (new, sample, duplicate): stored under its own mutex with a first backup. */
  private async storeNew(report: Report): Promise<Report> {
    await this.mutex.run(report.meta.id, () => this.store(report.meta.id, report, { forceBackup: true }));
    return report;
  }

  private async requireOk(id: string): Promise<ReadableFile> {
    const state = await this.files.readReport(id);
    if (state.kind === 'ok') return state;
    if (state.kind === 'damaged') {
      throw new ServiceError(
        `这份年报的文件已损坏，无法打开：${state.problem}\n请在年报库的“已损坏”一栏中选择一个备份恢复。`,
        'damaged',
      );
    }
    if (await this.files.inTrash(id)) {
      throw new ServiceError('这份年报已移到回收站。请在年报库的回收站中恢复后再打开。', 'not_found');
    }
    throw new ServiceError('找不到这份年报（可能已被删除）。请回到年报库刷新列表。', 'not_found');
  }

  /**
   * A library report file as it is on disk now (size and modification time), or null when it cannot be
   * seen: what the 汇总 keys the units it made from the file to, so an unchanged file is not checked again.
   */
  async fileStamp(id: string): Promise<string | null> {
    if (!isReportId(id)) return null;
    try {
      const st = await this.fs.stat(this.files.reportPath(id));
      return `${st.mtimeMs}:${st.size}`;
    } catch {
      return null;
    }
  }

  private freshCopy(report: Report, patch: Partial<Report['meta']> = {}): Report {
    const stamp = this.now().toISOString();
    return { ...report, meta: { ...report.meta, id: newId(), createdAt: stamp, updatedAt: stamp, ...patch } };
  }

  /**
   * Replaces whatever the library holds under `id` with `report` (an opened file, a backup): the
   * current readable version is backed up first, a damaged one set aside. Caller holds the mutex.
   */
  private async replace(id: string, report: Report, reason: 'restore' | 'replace', state: FileState): Promise<Report> {
    if (state.kind === 'ok') await this.backups.beforeDestroying(id, state.text, reason);
    if (state.kind === 'damaged') await this.files.setAside(this.files.reportPath(id), id);
    const stored: Report = { ...report, meta: { ...report.meta, id, updatedAt: this.now().toISOString() } };
    await this.store(id, stored, { forceBackup: reason === 'replace' });
    return stored;
  }

  private get trashDeps() {
    return { fs: this.fs, files: this.files, index: this.index, backups: this.backups, now: this.now };
  }

  readonly api: Omit<NianbaoApi, keyof DocumentsApi | keyof AggregateApi> = {
    appInfo: () =>
      this.call(async (): Promise<AppInfo> => ({
        version: this.options.version ?? '0.0.0',
        mode: this.options.mode,
        dataDir: this.dataDir,
        platform: process.platform,
        defaultExportDir: defaultExportDir(this.options.documentsDir),
        ...(this.readOnly ? { readOnly: this.readOnly } : {}),
      })),

    listReports: () =>
      this.call(() =>
        scanLibrary({
          fs: this.fs,
          files: this.files,
          index: this.index,
          backups: this.backups.store,
          version: this.options.version ?? '0.0.0',
        }),
      ),

    getReport: (id) => this.call(async () => (await this.requireOk(checkId(id))).report),

    createReport: (input: NewReportInput) =>
      this.write(async () => {
        const { agency, kind, year, format } = checkNewReport(input);
        return this.storeNew(blankReport({ agency, kind, year, format, now: this.now() }));
      }),

    // Marked as the sample: listed as 示例, never anyone's last year or history, not rolled over.
    createSampleReport: () => this.write(() => this.storeNew(this.freshCopy(sampleReport(), { sample: true }))),

    saveReport: (input: Report) =>
      this.write(async (): Promise<SaveResult> => {
        const valid = checkSaved(input);
        const id = valid.meta.id;
        return this.mutex.run(id, async () => {
          const state = await this.files.readReport(id);
          if (state.kind === 'missing' && (await this.files.inTrash(id))) {
            throw new ServiceError(
              '这份年报已被删除（在回收站中），没有保存。请先在年报库的回收站中恢复它，再继续编辑。',
              'conflict',
            );
          }
          // An unknown id is a new report (imported, or opened elsewhere): it is added to the library —
          // under a name Windows can hold (an existing file keeps its name, on a system that allowed it).
          if (state.kind === 'missing' && isReservedFileName(id))
            throw new ServiceError(
              `无法保存：年报编号“${id}”是 Windows 保留的设备名（CON、NUL、COM1 等），不能用作文件名。请用“打开”把文件加入年报库（会换一个编号）。`,
              'invalid',
            );
          if (state.kind === 'damaged') await this.files.setAside(this.files.reportPath(id), id);
          const updatedAt = this.now().toISOString();
          await this.store(id, { ...valid, meta: { ...valid.meta, updatedAt } }, { forceBackup: state.kind !== 'ok' });
          return { id, updatedAt };
        });
      }),

    duplicateReport: (id) =>
      this.write(async () => {
        const { report } = await this.requireOk(checkId(id));
        // Same title, back to draft; not linked to the original (a rolled-over link to last year is kept).
        return this.storeNew(this.freshCopy(report, { status: 'draft' }));
      }),

    deleteReport: (id) => this.write(() => this.mutex.run(checkId(id), () => moveToTrash(this.trashDeps, id))),

    restoreReport: (id) =>
      this.write(() =>
        this.mutex.run(checkId(id), async () => {
          await moveOutOfTrash(this.trashDeps, id);
          const { report } = await this.requireOk(id);
          await this.index.record(id, report, this.files.reportPath(id));
          return report;
        }),
      ),

    listBackups: (id) => this.call(() => this.backups.store.list(checkId(id))),

    restoreBackup: (id, backup) =>
      this.write(async () => {
        checkId(id);
        if (typeof backup !== 'string') throw new ServiceError('请选择一个备份。', 'invalid');
        return this.mutex.run(id, async () => {
          const text = await this.backups.store.read(id, backup).catch((e) => {
            throw saveError(e, '读取备份');
          });
          if (text === null)
            throw new ServiceError('找不到这个备份（可能已被自动清理）。请刷新备份列表后重新选择。', 'not_found');
          const res = parseReportJson(text);
          if (!res.ok)
            throw new ServiceError(`这个备份也无法读取：${formatIssues(res.issues, 3)}\n请选择更早的备份。`, 'damaged');
          const state = await this.files.readReport(id);
          if (state.kind === 'missing' && (await this.files.inTrash(id))) {
            throw new ServiceError('这份年报在回收站中。请先从回收站恢复，再选择备份。', 'conflict');
          }
          return this.replace(id, res.report, 'restore', state);
        });
      }),

    getSettings: () => this.call(async () => structuredClone(this.settings.data)),

    updateSettings: (patch) =>
      this.write(() =>
        this.mutex.run('\0settings', async () => {
          const next = mergeSettings(this.settings.data, patch);
          const previous = this.settings.data;
          this.settings.data = next;
          try {
            await this.settings.write();
          } catch (e) {
            this.settings.data = previous;
            throw saveError(e, '保存设置');
          }
          return structuredClone(next);
        }),
      ),

    revealDataDir: (sub) =>
      this.call(async () => {
        if (sub != null && !SUBDIRS.includes(sub)) throw new ServiceError('没有这个文件夹。', 'invalid');
        const target = sub ? this.files.dirs[sub] : this.dataDir;
        if (!this.options.revealPath) {
          throw new ServiceError(`此模式下无法直接打开文件夹。数据文件夹位于：${target}`, 'unsupported');
        }
        await this.fs.mkdir(target, { recursive: true }).catch(() => undefined);
        await this.options.revealPath(target);
      }),

    openReportFile: (file: ReportFileInput) =>
      this.write(async () => {
        const report = parseOpenedFile(file);
        let id = report.meta.id;
        // A trashed report keeps its place in the trash; the opened file becomes a separate report,
        // as does one whose id Windows could not hold as a file name (CON, NUL…) unless it is already here.
        const here = isReportId(id) && (await this.files.exists(this.files.reportPath(id)));
        if (!isReportId(id) || (!here && (isReservedFileName(id) || (await this.files.inTrash(id))))) {
          id = newId();
        }
        const stored = id;
        return this.mutex.run(stored, async () =>
          this.replace(stored, report, 'replace', await this.files.readReport(stored)),
        );
      }),
  };

  async flush(): Promise<void> {
    await this.ready.catch(() => undefined);
    await this.mutex.idle();
    await this.index.flush(this.closed);
  }

  async close(): Promise<void> {
    if (this.closing) return this.closing;
    // New calls are refused from now on; calls already running finish and are written.
    this.closed = true;
    this.closing = this.flush().finally(() => this.lock?.release());
    return this.closing;
  }
}

/** The data folder is this user's alone: an older, wider folder is narrowed to 700 (when ours). */
function keepPrivate(dir: string): void {
  try {
    const st = statSync(dir);
    if ((st.mode & 0o077) !== 0 && process.getuid?.() === st.uid) chmodSync(dir, 0o700);
  } catch {
    // not ours to change (another owner, or a file system without modes)
  }
}

function readOnlyReason(got: Exclude<LockResult, { held: true }>, dataDir: string): string {
  if (got.reason === 'busy')
    return `只读：${describeHolder(got.holder)}。本窗口只能查看，不能保存修改；请切换到那个窗口，或先关闭它再重新打开年报编制助手。`;
  const why = got.code === 'EROFS' ? '所在的磁盘是只读的' : '没有写入这个文件夹的权限';
  return `只读：数据文件夹 ${dataDir} 不能写入（${why}）。可以查看和导出年报，但不能保存修改；要编辑，请把数据文件夹复制到可写的位置，再用 --data-dir 指定它。`;
}

/**
 * The service behind the app: a library of reports under `dataDir` (see docs/storage-and-browser-mode.md).
 * The returned object is the NianbaoApi (every method JSON-in/JSON-out) plus `close()`.
 * Throws ServiceError('conflict') when another app already uses the data folder.
 */
export function createService(options: ServiceOptions): NianbaoService {
  const service = new LibraryService(options);
  // One pool of import workers: imports, and the checks of the 汇总's units.
  const pool = new ImportPool(options.imports);
  const documents = createDocumentsApi({
    pool,
    library: service.api,
    defaultExportDir: defaultExportDir(options.documentsDir),
    ...(options.printer ? { printer: options.printer } : {}),
    ...(options.revealPath ? { revealPath: options.revealPath } : {}),
    ...(options.imports ? { imports: options.imports } : {}),
  });
  const aggregate = createAggregateApi({
    library: service.api,
    importFile: documents.importFile,
    units: (jobs) => pool.aggregateUnits(jobs),
    fileStamp: (id) => service.fileStamp(id),
  });
  return {
    ...service.api,
    ...documents,
    ...aggregate,
    dataDir: service.dataDir,
    flush: () => service.flush(),
    close: () => Promise.all([service.close(), documents.close()]).then(() => undefined),
  };
}
