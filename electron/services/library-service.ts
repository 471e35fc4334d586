import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Low } from 'lowdb';
import { blankReport, newId } from '../../shared/model/blank';
import { formatIssues, parseReportJson, validateReport } from '../../shared/model/schema';
import { AGENCY_KINDS, type Report } from '../../shared/model/types';
import { sampleReport } from '../../shared/sample/sample-report';
import {
  ServiceError,
  type AppInfo,
  type DamagedReport,
  type Library,
  type NewReportInput,
  type NianbaoApi,
  type ReportFileInput,
  type ReportSummary,
  type SaveResult,
  type Settings,
} from '../../shared/service/api';
import { BrokenFileError, DurableTextFile } from './adapters';
import { isTempName, saveError, writeFileAtomic } from './atomic-write';
import { BACKUP_INTERVAL_MS, BackupStore } from './backups';
import { errnoCode, nodeFs, type StorageFs } from './fs-seam';
import { KeyMutex } from './key-mutex';
import { emptyIndex, openIndex, type LibraryIndex } from './library-index';
import { DataDirLock } from './lock';
import { mergeSettings, openSettings } from './settings-store';
import { summarize } from './summary';
import { createDocumentsApi, defaultExportDir, type DocumentsApi } from './documents-service';
import type { PdfPrinter } from './export/pdf-printer';

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
}

export type NianbaoService = NianbaoApi & {
  readonly dataDir: string;
  /** Writes everything pending (the index) now. */
  flush(): Promise<void>;
  /** Waits for pending saves, writes the index, releases the data folder. */
  close(): Promise<void>;
};

/** Report ids become file names: letters, digits, - and _ only (newId gives UUIDs). */
const ID_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/;
const FORMATS = ['gov-2021', 'gov-2019', 'pre-2019'] as const;
const SUBDIRS = ['reports', 'trash', 'backups', 'damaged'] as const;

type FileState =
  { kind: 'ok'; report: Report; text: string } | { kind: 'missing' } | { kind: 'damaged'; problem: string };

const reportText = (report: Report) => `${JSON.stringify(report, null, 2)}\n`;

function checkId(id: unknown): string {
  if (typeof id !== 'string' || !ID_RE.test(id)) {
    throw new ServiceError('年报编号无效。请回到年报库刷新列表后重试。', 'invalid');
  }
  return id;
}

class LibraryService {
  readonly dataDir: string;
  private readonly fs: StorageFs;
  private readonly now: () => Date;
  private readonly log: (message: string, error?: unknown) => void;
  private readonly dirs: Record<(typeof SUBDIRS)[number], string>;
  private readonly backups: BackupStore;
  private readonly mutex = new KeyMutex();
  private readonly lock: DataDirLock | undefined;
  private readonly lastBackup = new Map<string, number>();
  private readonly index: Low<LibraryIndex>;
  private readonly settings: Low<Settings>;
  private readonly ready: Promise<void>;
  private indexTimer: NodeJS.Timeout | undefined;
  private indexDirty = false;
  private closed = false;
  private closing: Promise<void> | undefined;

  constructor(private readonly options: ServiceOptions) {
    this.dataDir = options.dataDir;
    this.fs = options.fs ?? nodeFs;
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? ((m, e) => console.error(`[nianbao] ${m}`, e ?? ''));
    this.dirs = Object.fromEntries(SUBDIRS.map((d) => [d, join(this.dataDir, d)])) as LibraryService['dirs'];
    this.backups = new BackupStore(this.dirs.backups, this.fs);
    this.index = openIndex(join(this.dataDir, 'index.json'), this.fs);
    this.settings = openSettings(join(this.dataDir, 'settings.json'), this.fs);
    if (options.lock !== false) {
      // mkdir before the lock: a fresh machine has no data folder yet.
      try {
        mkdirSync(this.dataDir, { recursive: true });
      } catch (e) {
        throw new ServiceError(
          `无法创建数据文件夹 ${this.dataDir}（${errnoCode(e) ?? String(e)}）。请检查权限，或用 --data-dir 指定其他文件夹。`,
          'io',
        );
      }
      this.lock = new DataDirLock(this.dataDir);
      this.lock.acquire();
    }
    this.ready = this.init();
    // Callers see init problems on their first call; avoid an unhandled rejection meanwhile.
    this.ready.catch(() => undefined);
  }

  private async init(): Promise<void> {
    try {
      for (const d of [this.dataDir, ...Object.values(this.dirs)]) await this.fs.mkdir(d, { recursive: true });
    } catch (e) {
      throw new ServiceError(
        `无法创建数据文件夹 ${this.dataDir}（${errnoCode(e) ?? String(e)}）。请检查权限，或用 --data-dir 指定其他文件夹。`,
        'io',
      );
    }
    await this.removeLeftoverTemps();
    await this.loadOrSetAside(this.settings, 'settings', {});
    await this.loadOrSetAside(this.index, 'index', emptyIndex());
  }

  /** A crash between writing a temp file and renaming it leaves the temp behind; only we write here. */
  private async removeLeftoverTemps(): Promise<void> {
    const folders = [this.dataDir, this.dirs.reports, this.dirs.trash];
    for (const id of await this.backups.ids()) folders.push(this.backups.dir(id));
    for (const folder of folders) {
      let names: string[];
      try {
        names = await this.fs.readdir(folder);
      } catch {
        continue;
      }
      for (const name of names) if (isTempName(name)) await this.fs.unlink(join(folder, name)).catch(() => undefined);
    }
  }

  /** settings.json and index.json: a broken file is kept aside in damaged/ and replaced by defaults. */
  private async loadOrSetAside<T>(db: Low<T>, what: string, fallback: T): Promise<void> {
    try {
      await db.read();
    } catch (e) {
      if (!(e instanceof BrokenFileError)) throw saveError(e, `读取${what === 'settings' ? '设置' : '年报索引'}`);
      const aside = join(this.dirs.damaged, `${what}-${this.stamp()}.json`);
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

  // ── files ────────────────────────────────────────────────────────────────────────────────

  private reportPath(id: string) {
    return join(this.dirs.reports, `${id}.json`);
  }

  private trashPath(id: string) {
    return join(this.dirs.trash, `${id}.json`);
  }

  private async readState(file: string, id: string): Promise<FileState> {
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

  private async exists(file: string): Promise<boolean> {
    try {
      await this.fs.stat(file);
      return true;
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') return false;
      throw saveError(e, '读取');
    }
  }

  /** Keeps an unreadable file in damaged/ (never overwritten, never deleted). */
  private async setAside(file: string, id: string): Promise<string> {
    const aside = join(this.dirs.damaged, `${id}-${this.stamp()}.json`);
    try {
      await this.fs.rename(file, aside);
    } catch (e) {
      throw saveError(e, '移走损坏的文件');
    }
    return aside;
  }

  /** Writes the report file and records it in the index; an auto backup at most every few minutes. */
  private async store(id: string, report: Report, opts: { forceBackup?: boolean } = {}): Promise<void> {
    const text = reportText(report);
    try {
      await writeFileAtomic(this.fs, this.reportPath(id), text);
    } catch (e) {
      throw saveError(e);
    }
    await this.record(id, report);
    await this.autoBackup(id, text, opts.forceBackup === true);
  }

  private async record(id: string, report: Report): Promise<void> {
    try {
      const st = await this.fs.stat(this.reportPath(id));
      this.index.data.reports[id] = { summary: summarize(report, id), mtimeMs: st.mtimeMs, size: st.size };
    } catch {
      delete this.index.data.reports[id];
    }
    delete this.index.data.trash[id];
    this.scheduleIndexWrite();
  }

  private async autoBackup(id: string, text: string, force: boolean): Promise<void> {
    const now = this.now();
    if (!this.lastBackup.has(id))
      this.lastBackup.set(id, (await this.backups.newestTime(id).catch(() => undefined)) ?? -Infinity);
    if (!force && now.getTime() - this.lastBackup.get(id)! < BACKUP_INTERVAL_MS) return;
    try {
      await this.backups.write(id, text, 'auto', now);
      this.lastBackup.set(id, now.getTime());
    } catch (e) {
      // The save itself succeeded; a missed backup is retried on the next save.
      this.log(`backup of ${id} failed`, e);
    }
  }

  /** Before a destructive action: a backup that must succeed, or the action does not happen. */
  private async safetyBackup(id: string, text: string, reason: 'delete' | 'restore' | 'replace'): Promise<void> {
    try {
      await this.backups.write(id, text, reason, this.now());
    } catch (e) {
      throw saveError(e, '备份');
    }
  }

  private scheduleIndexWrite(): void {
    this.indexDirty = true;
    if (this.indexTimer || this.closed) return;
    this.indexTimer = setTimeout(() => {
      this.indexTimer = undefined;
      void this.writeIndex();
    }, this.options.indexDelayMs ?? 1000);
    this.indexTimer.unref?.();
  }

  private writeIndex(): Promise<void> {
    return this.mutex.run('\0index', async () => {
      if (!this.indexDirty) return;
      this.indexDirty = false;
      try {
        await this.index.write();
      } catch (e) {
        // The index is only a cache; the next change or listing tries again.
        this.indexDirty = true;
        this.log('writing index.json failed', e);
      }
    });
  }

  // ── listing ──────────────────────────────────────────────────────────────────────────────

  private async jsonIds(dir: string): Promise<string[]> {
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
      .filter((id) => ID_RE.test(id));
  }

  private async scan(): Promise<Library> {
    const data = this.index.data;
    let changed = false;
    const reports: ReportSummary[] = [];
    const damaged: DamagedReport[] = [];
    const trash: ReportSummary[] = [];

    const reportIds = await this.jsonIds(this.dirs.reports);
    for (const id of reportIds) {
      const file = this.reportPath(id);
      let st;
      try {
        st = await this.fs.stat(file);
      } catch {
        continue; // deleted meanwhile
      }
      const cached = data.reports[id];
      if (cached && cached.mtimeMs === st.mtimeMs && cached.size === st.size) {
        reports.push(cached.summary);
        continue;
      }
      const state = await this.readState(file, id);
      if (state.kind === 'ok') {
        const summary = summarize(state.report, id);
        data.reports[id] = { summary, mtimeMs: st.mtimeMs, size: st.size };
        reports.push(summary);
        changed = true;
      } else if (state.kind === 'damaged') {
        if (data.reports[id]) changed = true;
        delete data.reports[id];
        damaged.push({ id, file, problem: state.problem, backups: await this.backups.list(id).catch(() => []) });
      }
    }
    const present = new Set(reportIds);
    for (const id of Object.keys(data.reports)) {
      if (!present.has(id)) {
        delete data.reports[id];
        changed = true;
      }
    }

    const trashIds = await this.jsonIds(this.dirs.trash);
    const inTrash = new Set<string>();
    for (const id of trashIds) {
      if (present.has(id)) continue; // restored meanwhile, or a leftover copy: the library file wins
      const file = this.trashPath(id);
      let st;
      try {
        st = await this.fs.stat(file);
      } catch {
        continue;
      }
      const cached = data.trash[id];
      if (cached && cached.mtimeMs === st.mtimeMs && cached.size === st.size) {
        trash.push({ ...cached.summary, deletedAt: cached.deletedAt });
        inTrash.add(id);
        continue;
      }
      const state = await this.readState(file, id);
      if (state.kind !== 'ok') continue; // only readable reports can be brought back from the trash
      // Without the index entry, the rename into the trash is the best clue (ctime changes on rename).
      const deletedAt = cached?.deletedAt ?? new Date(st.ctimeMs ?? st.mtimeMs).toISOString();
      const summary = summarize(state.report, id);
      data.trash[id] = { summary, mtimeMs: st.mtimeMs, size: st.size, deletedAt };
      trash.push({ ...summary, deletedAt });
      inTrash.add(id);
      changed = true;
    }
    for (const id of Object.keys(data.trash)) {
      if (!inTrash.has(id)) {
        delete data.trash[id];
        changed = true;
      }
    }

    // Backups without a report (its file was deleted or moved outside the app): offer them.
    const known = new Set([...present, ...inTrash]);
    for (const id of await this.backups.ids()) {
      if (known.has(id) || !ID_RE.test(id)) continue;
      const backups = await this.backups.list(id).catch(() => []);
      if (backups.length === 0) continue;
      damaged.push({
        id,
        file: this.reportPath(id),
        problem: '年报文件不见了（可能在年报编制助手之外被删除或移走）。可以从备份恢复。',
        backups,
      });
    }

    if (changed) this.scheduleIndexWrite();
    reports.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
    trash.sort((a, b) => ((a.deletedAt ?? '') < (b.deletedAt ?? '') ? 1 : -1));
    return { reports, damaged, trash };
  }

  private async requireOk(id: string): Promise<Extract<FileState, { kind: 'ok' }>> {
    const state = await this.readState(this.reportPath(id), id);
    if (state.kind === 'ok') return state;
    if (state.kind === 'damaged') {
      throw new ServiceError(
        `这份年报的文件已损坏，无法打开：${state.problem}\n请在年报库的“已损坏”一栏中选择一个备份恢复。`,
        'damaged',
      );
    }
    if (await this.exists(this.trashPath(id))) {
      throw new ServiceError('这份年报已移到回收站。请在年报库的回收站中恢复后再打开。', 'not_found');
    }
    throw new ServiceError('找不到这份年报（可能已被删除）。请回到年报库刷新列表。', 'not_found');
  }

  private freshCopy(report: Report, patch: Partial<Report['meta']> = {}): Report {
    const stamp = this.now().toISOString();
    return { ...report, meta: { ...report.meta, id: newId(), createdAt: stamp, updatedAt: stamp, ...patch } };
  }

  // ── the API ──────────────────────────────────────────────────────────────────────────────

  readonly api: Omit<NianbaoApi, keyof DocumentsApi> = {
    appInfo: () =>
      this.call(async (): Promise<AppInfo> => ({
        version: this.options.version ?? '0.0.0',
        mode: this.options.mode,
        dataDir: this.dataDir,
        platform: process.platform,
        defaultExportDir: defaultExportDir(this.options.documentsDir),
      })),

    listReports: () => this.call(() => this.scan()),

    getReport: (id) => this.call(async () => (await this.requireOk(checkId(id))).report),

    createReport: (input: NewReportInput) =>
      this.call(async () => {
        const agency = typeof input?.agency === 'string' ? input.agency.trim() : '';
        if (!agency) throw new ServiceError('请填写机关名称。', 'invalid');
        if (!AGENCY_KINDS.includes(input.kind)) throw new ServiceError('请选择机关类型。', 'invalid');
        if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) {
          throw new ServiceError('年度应为 2000 至 2100 之间的整数，例如 2024。', 'invalid');
        }
        if (input.format !== undefined && !FORMATS.includes(input.format))
          throw new ServiceError('不支持的报告格式。请重新选择。', 'invalid');
        const report = blankReport({
          agency,
          kind: input.kind,
          year: input.year,
          format: input.format,
          now: this.now(),
        });
        await this.mutex.run(report.meta.id, () => this.store(report.meta.id, report, { forceBackup: true }));
        return report;
      }),

    createSampleReport: () =>
      this.call(async () => {
        const report = this.freshCopy(sampleReport());
        await this.mutex.run(report.meta.id, () => this.store(report.meta.id, report, { forceBackup: true }));
        return report;
      }),

    saveReport: (input: Report) =>
      this.call(async (): Promise<SaveResult> => {
        const res = validateReport(input);
        if (!res.ok) throw new ServiceError(`无法保存：年报内容有误。\n${formatIssues(res.issues, 5)}`, 'invalid');
        const id = res.report.meta.id;
        if (typeof id !== 'string' || !ID_RE.test(id)) {
          throw new ServiceError(
            '无法保存：年报编号（meta.id）无效，只能包含字母、数字、“-”和“_”。请用“打开”把文件加入年报库。',
            'invalid',
          );
        }
        return this.mutex.run(id, async () => {
          const state = await this.readState(this.reportPath(id), id);
          if (state.kind === 'missing' && (await this.exists(this.trashPath(id)))) {
            throw new ServiceError(
              '这份年报已被删除（在回收站中），没有保存。请先在年报库的回收站中恢复它，再继续编辑。',
              'conflict',
            );
          }
          // An unknown id is a new report (imported, or opened elsewhere): it is added to the library.
          if (state.kind === 'damaged') await this.setAside(this.reportPath(id), id);
          const updatedAt = this.now().toISOString();
          const report: Report = { ...res.report, meta: { ...res.report.meta, updatedAt } };
          await this.store(id, report, { forceBackup: state.kind !== 'ok' });
          return { id, updatedAt };
        });
      }),

    duplicateReport: (id) =>
      this.call(async () => {
        const { report } = await this.requireOk(checkId(id));
        // Same title, back to draft; not linked to the original (a rolled-over link to last year is kept).
        const copy = this.freshCopy(report, { status: 'draft' });
        await this.mutex.run(copy.meta.id, () => this.store(copy.meta.id, copy, { forceBackup: true }));
        return copy;
      }),

    deleteReport: (id) =>
      this.call(async () => {
        checkId(id);
        await this.mutex.run(id, async () => {
          const file = this.reportPath(id);
          const state = await this.readState(file, id);
          if (state.kind === 'missing') {
            if (await this.exists(this.trashPath(id))) return; // already deleted
            const orphanBackups = await this.backups.list(id).catch(() => []);
            if (orphanBackups.length === 0)
              throw new ServiceError('找不到这份年报（可能已被删除）。请回到年报库刷新列表。', 'not_found');
            await this.setBackupsAside(id);
            return;
          }
          if (state.kind === 'damaged') {
            // Removing a damaged entry keeps everything: the file and its backups go to damaged/.
            await this.setAside(file, id);
            await this.setBackupsAside(id);
            delete this.index.data.reports[id];
            this.scheduleIndexWrite();
            return;
          }
          await this.safetyBackup(id, state.text, 'delete');
          if (await this.exists(this.trashPath(id))) await this.setAside(this.trashPath(id), `${id}-trash`);
          try {
            await this.fs.rename(file, this.trashPath(id));
          } catch (e) {
            throw saveError(e, '删除');
          }
          const st = await this.fs.stat(this.trashPath(id)).catch(() => ({ mtimeMs: 0, size: -1 }));
          delete this.index.data.reports[id];
          this.index.data.trash[id] = {
            summary: summarize(state.report, id),
            mtimeMs: st.mtimeMs,
            size: st.size,
            deletedAt: this.now().toISOString(),
          };
          this.scheduleIndexWrite();
        });
      }),

    restoreReport: (id) =>
      this.call(async () => {
        checkId(id);
        return this.mutex.run(id, async () => {
          const from = this.trashPath(id);
          if (!(await this.exists(from)))
            throw new ServiceError('回收站中没有这份年报（可能已经恢复）。请刷新年报库。', 'not_found');
          if (await this.exists(this.reportPath(id))) {
            throw new ServiceError('年报库中已有同一份年报，无法从回收站恢复。请刷新年报库。', 'conflict');
          }
          try {
            await this.fs.rename(from, this.reportPath(id));
          } catch (e) {
            throw saveError(e, '恢复');
          }
          const { report } = await this.requireOk(id);
          await this.record(id, report);
          return report;
        });
      }),

    listBackups: (id) => this.call(() => this.backups.list(checkId(id))),

    restoreBackup: (id, backup) =>
      this.call(async () => {
        checkId(id);
        if (typeof backup !== 'string') throw new ServiceError('请选择一个备份。', 'invalid');
        return this.mutex.run(id, async () => {
          const text = await this.backups.read(id, backup).catch((e) => {
            throw saveError(e, '读取备份');
          });
          if (text === null)
            throw new ServiceError('找不到这个备份（可能已被自动清理）。请刷新备份列表后重新选择。', 'not_found');
          const res = parseReportJson(text);
          if (!res.ok)
            throw new ServiceError(`这个备份也无法读取：${formatIssues(res.issues, 3)}\n请选择更早的备份。`, 'damaged');
          const file = this.reportPath(id);
          const state = await this.readState(file, id);
          if (state.kind === 'missing' && (await this.exists(this.trashPath(id)))) {
            throw new ServiceError('这份年报在回收站中。请先从回收站恢复，再选择备份。', 'conflict');
          }
          if (state.kind === 'ok') await this.safetyBackup(id, state.text, 'restore');
          if (state.kind === 'damaged') await this.setAside(file, id);
          const report: Report = {
            ...res.report,
            meta: { ...res.report.meta, id, updatedAt: this.now().toISOString() },
          };
          await this.store(id, report);
          return report;
        });
      }),

    getSettings: () => this.call(async () => structuredClone(this.settings.data)),

    updateSettings: (patch) =>
      this.call(() =>
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
        const target = sub ? this.dirs[sub] : this.dataDir;
        if (!this.options.revealPath) {
          throw new ServiceError(`此模式下无法直接打开文件夹。数据文件夹位于：${target}`, 'unsupported');
        }
        await this.fs.mkdir(target, { recursive: true }).catch(() => undefined);
        await this.options.revealPath(target);
      }),

    openReportFile: (file: ReportFileInput) =>
      this.call(async () => {
        const name = typeof file?.name === 'string' && file.name ? file.name : '所选文件';
        if (typeof file?.data !== 'string')
          throw new ServiceError(`${name}：没有读到文件内容。请重新选择文件。`, 'invalid');
        const res = parseReportJson(Buffer.from(file.data, 'base64').toString('utf8'));
        if (!res.ok) throw new ServiceError(`${name}：不是有效的年报文件。\n${formatIssues(res.issues, 5)}`, 'invalid');
        let id = res.report.meta.id;
        // A trashed report keeps its place in the trash; the opened file becomes a separate report.
        if (
          typeof id !== 'string' ||
          !ID_RE.test(id) ||
          ((await this.exists(this.trashPath(id))) && !(await this.exists(this.reportPath(id))))
        ) {
          id = newId();
        }
        const stored = id;
        return this.mutex.run(stored, async () => {
          const state = await this.readState(this.reportPath(stored), stored);
          if (state.kind === 'ok') await this.safetyBackup(stored, state.text, 'replace');
          if (state.kind === 'damaged') await this.setAside(this.reportPath(stored), stored);
          const report: Report = {
            ...res.report,
            meta: { ...res.report.meta, id: stored, updatedAt: this.now().toISOString() },
          };
          await this.store(stored, report, { forceBackup: true });
          return report;
        });
      }),
  };

  /** Backups of a report the clerk removed while damaged or missing: kept, but out of the list. */
  private async setBackupsAside(id: string): Promise<void> {
    try {
      await this.fs.rename(this.backups.dir(id), join(this.dirs.damaged, `${id}-${this.stamp()}-backups`));
    } catch (e) {
      if (errnoCode(e) !== 'ENOENT') throw saveError(e, '移走备份');
    }
  }

  async flush(): Promise<void> {
    await this.ready.catch(() => undefined);
    await this.mutex.idle();
    if (this.indexTimer) clearTimeout(this.indexTimer);
    this.indexTimer = undefined;
    await this.writeIndex();
  }

  async close(): Promise<void> {
    if (this.closing) return this.closing;
    // New calls are refused from now on; calls already running finish and are written.
    this.closed = true;
    this.closing = this.flush().finally(() => this.lock?.release());
    return this.closing;
  }
}

/**
 * The service behind the app: a library of reports under `dataDir` (see docs/storage-and-browser-mode.md).
 * The returned object is the NianbaoApi (every method JSON-in/JSON-out) plus `close()`.
 * Throws ServiceError('conflict') when another app already uses the data folder.
 */
export function createService(options: ServiceOptions): NianbaoService {
  const service = new LibraryService(options);
  const documents = createDocumentsApi({
    library: service.api,
    defaultExportDir: defaultExportDir(options.documentsDir),
    ...(options.printer ? { printer: options.printer } : {}),
    ...(options.revealPath ? { revealPath: options.revealPath } : {}),
  });
  return {
    ...service.api,
    ...documents,
    dataDir: service.dataDir,
    flush: () => service.flush(),
    close: () => service.close(),
  };
}
