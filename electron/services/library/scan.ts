import type { Report } from '../../../shared/model/types';
import type { DamagedReport, Library, ReportSummary } from '../../../shared/service/api';
import type { StorageFs } from '../fs-seam';
import type { BackupStore } from '../backups';
import { ENTRY_VERSION } from '../library-index';
import { entryOf, type IndexCache } from './index-cache';
import { refreshCounts } from './counts';
import type { ReportFiles } from './report-files';
import { isReportId } from './validation';

/** How many stat calls are in flight at once. */
const STAT_BATCH = 64;

type FileStat = Awaited<ReturnType<StorageFs['stat']>>;

async function statAll(fs: StorageFs, paths: string[]): Promise<Array<FileStat | null>> {
  const out: Array<FileStat | null> = new Array<FileStat | null>(paths.length).fill(null);
  for (let i = 0; i < paths.length; i += STAT_BATCH) {
    const batch = paths.slice(i, i + STAT_BATCH);
    const got = await Promise.all(batch.map((p) => fs.stat(p).catch(() => null)));
    for (const [j, st] of got.entries()) out[i + j] = st;
  }
  return out;
}

/**
 * The library as listed: every report file (its summary from the index when the file has not
 * changed since, else read again), damaged files with their backups, the trash, and backups left
 * without a report. The index is brought up to date on the way, the check counts last (they depend
 * on last year's report).
 */
export async function scanLibrary(deps: {
  fs: StorageFs;
  files: ReportFiles;
  index: IndexCache;
  backups: BackupStore;
  /** The app's version: counts made by another version are made again (its rules may differ). */
  version: string;
}): Promise<Library> {
  const { fs, files, index, backups } = deps;
  const data = index.data;
  let changed = false;
  const listed: string[] = [];
  const damaged: DamagedReport[] = [];
  const trash: ReportSummary[] = [];
  // Reports read during this listing, so that counting does not read them again.
  const read = new Map<string, Report>();

  const reportIds = await files.ids(files.dirs.reports);
  // The files' sizes and times, asked for many at once (one after the other, 2,000 files took
  // most of a listing's time); the rest goes file by file, in order, as before.
  const stats = await statAll(
    fs,
    reportIds.map((id) => files.reportPath(id)),
  );
  for (const [i, id] of reportIds.entries()) {
    const file = files.reportPath(id);
    const st = stats[i];
    if (!st) continue; // deleted meanwhile
    const cached = data.reports[id];
    if (cached && cached.mtimeMs === st.mtimeMs && cached.size === st.size && cached.v === ENTRY_VERSION) {
      listed.push(id);
      continue;
    }
    const state = await files.read(file, id);
    if (state.kind === 'ok') {
      const entry = entryOf(state.report, id, st);
      data.reports[id] = entry;
      read.set(id, state.report);
      listed.push(id);
      changed = true;
    } else if (state.kind === 'damaged') {
      if (data.reports[id]) changed = true;
      delete data.reports[id];
      damaged.push({ id, file, problem: state.problem, backups: await backups.list(id).catch(() => []) });
    }
  }
  const present = new Set(reportIds);
  for (const id of Object.keys(data.reports)) {
    if (!present.has(id)) {
      delete data.reports[id];
      changed = true;
    }
  }

  const inTrash = new Set<string>();
  for (const id of await files.ids(files.dirs.trash)) {
    if (present.has(id)) continue; // restored meanwhile, or a leftover copy: the library file wins
    const file = files.trashPath(id);
    let st;
    try {
      st = await fs.stat(file);
    } catch {
      continue;
    }
    const cached = data.trash[id];
    if (cached && cached.mtimeMs === st.mtimeMs && cached.size === st.size && cached.v === ENTRY_VERSION) {
      trash.push({ ...cached.summary, deletedAt: cached.deletedAt });
      inTrash.add(id);
      continue;
    }
    const state = await files.read(file, id);
    if (state.kind !== 'ok') continue; // only readable reports can be brought back from the trash
    // Without the index entry, the rename into the trash is the best clue (ctime changes on rename).
    const deletedAt = cached?.deletedAt ?? new Date(st.ctimeMs ?? st.mtimeMs).toISOString();
    const entry = { ...entryOf(state.report, id, st), deletedAt };
    data.trash[id] = entry;
    trash.push({ ...entry.summary, deletedAt });
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
  for (const id of await backups.ids()) {
    if (known.has(id) || !isReportId(id)) continue;
    const list = await backups.list(id).catch(() => []);
    if (list.length === 0) continue;
    damaged.push({
      id,
      file: files.reportPath(id),
      problem: '年报文件不见了（可能在年报编制助手之外被删除或移走）。可以从备份恢复。',
      backups: list,
    });
  }

  if (await refreshCounts(data.reports, files, read, deps.version)) changed = true;
  if (changed) index.changed();
  const reports = listed.map((id) => data.reports[id]!.summary);
  reports.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
  trash.sort((a, b) => ((a.deletedAt ?? '') < (b.deletedAt ?? '') ? 1 : -1));
  return { reports, damaged, trash };
}
