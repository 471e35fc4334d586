import { ServiceError } from '../../../shared/service/api';
import { saveError } from '../atomic-write';
import type { StorageFs } from '../fs-seam';
import type { BackupPolicy } from './backup-policy';
import type { IndexCache } from './index-cache';
import type { ReportFiles } from './report-files';

/**
 * 删除 and 恢复: a report moves to `trash/` (after a backup that must succeed) and back. A damaged
 * or missing report is not trashed: its file and backups go to `damaged/`, nothing is deleted.
 * Callers hold the report's mutex.
 */

export interface TrashDeps {
  fs: StorageFs;
  files: ReportFiles;
  index: IndexCache;
  backups: BackupPolicy;
  now: () => Date;
}

export async function moveToTrash(deps: TrashDeps, id: string): Promise<void> {
  const { fs, files, index, backups } = deps;
  const file = files.reportPath(id);
  const state = await files.read(file, id);
  if (state.kind === 'missing') {
    if (await files.inTrash(id)) return; // already deleted
    const orphanBackups = await backups.store.list(id).catch(() => []);
    if (orphanBackups.length === 0)
      throw new ServiceError('找不到这份年报（可能已被删除）。请回到年报库刷新列表。', 'not_found');
    await files.setBackupsAside(id, backups.store.dir(id));
    return;
  }
  if (state.kind === 'damaged') {
    // Removing a damaged entry keeps everything: the file and its backups go to damaged/.
    await files.setAside(file, id);
    await files.setBackupsAside(id, backups.store.dir(id));
    index.forget(id);
    return;
  }
  await backups.beforeDestroying(id, state.text, 'delete');
  if (await files.inTrash(id)) await files.setAside(files.trashPath(id), `${id}-trash`);
  try {
    await fs.rename(file, files.trashPath(id));
  } catch (e) {
    throw saveError(e, '删除');
  }
  await index.recordTrashed(id, state.report, files.trashPath(id), deps.now().toISOString());
}

/** Moves a report back from the trash into the library (the caller reads and records it). */
export async function moveOutOfTrash(deps: Pick<TrashDeps, 'fs' | 'files'>, id: string): Promise<void> {
  const { fs, files } = deps;
  const from = files.trashPath(id);
  if (!(await files.exists(from)))
    throw new ServiceError('回收站中没有这份年报（可能已经恢复）。请刷新年报库。', 'not_found');
  if (await files.exists(files.reportPath(id))) {
    throw new ServiceError('年报库中已有同一份年报，无法从回收站恢复。请刷新年报库。', 'conflict');
  }
  try {
    await fs.rename(from, files.reportPath(id));
  } catch (e) {
    throw saveError(e, '恢复');
  }
}
