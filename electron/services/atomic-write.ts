import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { ServiceError } from '../../shared/service/api';
import { errnoCode, type StorageFs } from './fs-seam';

/** Temp files start with a dot and end with this suffix; leftovers of a crash are removed at start. */
export const TEMP_SUFFIX = '.tmp';

export const isTempName = (name: string): boolean => name.startsWith('.') && name.endsWith(TEMP_SUFFIX);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Writes a file so that a crash, a kill or a full disk at any moment leaves either the old or the
 * new content: temp file in the same folder → write → fsync → rename over the target → fsync the
 * folder (so the rename itself survives a power cut). On failure the temp file is removed and the
 * target is untouched.
 */
export async function writeFileAtomic(fs: StorageFs, target: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(target);
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
  let handle;
  try {
    handle = await fs.open(temp, 'wx');
    await handle.writeFile(data);
    await handle.sync();
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await fs.unlink(temp).catch(() => undefined);
    throw e;
  }
  try {
    await handle.close();
    await renameWithRetry(fs, temp, target);
  } catch (e) {
    await fs.unlink(temp).catch(() => undefined);
    throw e;
  }
  await syncDir(fs, dir);
}

/**
 * On Windows a virus scanner or the search indexer briefly holds files open, and rename then
 * fails with EPERM/EBUSY/EACCES: retry for about a second before giving up.
 */
async function renameWithRetry(fs: StorageFs, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (e) {
      const code = errnoCode(e);
      if (process.platform !== 'win32' || attempt >= 8 || !(code === 'EPERM' || code === 'EBUSY' || code === 'EACCES'))
        throw e;
      await sleep(20 * (attempt + 1));
    }
  }
}

/** fsync of a folder makes a rename durable on Linux; Windows cannot open folders for that (skipped). */
export async function syncDir(fs: StorageFs, dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (e) {
    // Some file systems (network shares, some FUSE) refuse fsync on folders: the data itself is synced.
    const code = errnoCode(e);
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM' && code !== 'ENOTSUP') throw e;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** A Chinese message for a failed write that says what happened and what to do. */
export function saveError(e: unknown, what = '保存'): ServiceError {
  if (e instanceof ServiceError) return e;
  const code = errnoCode(e);
  const kept = '上次保存的内容没有受到影响。';
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new ServiceError(
        `${what}失败：磁盘空间不足。请清理磁盘（删除不需要的文件、清空系统回收站）后再${what}；${kept}`,
        'io',
      );
    case 'EACCES':
    case 'EPERM':
      return new ServiceError(
        `${what}失败：没有写入数据文件夹的权限。请检查文件夹权限，或关闭正在占用文件的程序（如杀毒软件）后重试；${kept}`,
        'io',
      );
    case 'EROFS':
      return new ServiceError(
        `${what}失败：数据文件夹所在的磁盘是只读的。请换用可写的数据文件夹（--data-dir）；${kept}`,
        'io',
      );
    case 'EIO':
      return new ServiceError(
        `${what}失败：磁盘读写出错（EIO），磁盘或 U 盘可能有故障。请尽快把年报另存到其他磁盘；${kept}`,
        'io',
      );
    case 'EMFILE':
    case 'ENFILE':
    case 'EBUSY':
      return new ServiceError(`${what}失败：文件暂时被占用（${code}）。请稍后重试；${kept}`, 'io');
    default:
      return new ServiceError(
        `${what}失败（${code ?? (e instanceof Error ? e.message : String(e))}）。请重试；如果一再失败，请把年报另存到其他位置。${kept}`,
        'io',
      );
  }
}
