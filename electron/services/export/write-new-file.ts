import { link, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';

/**
 * Writing an export without ever replacing a file silently, and atomically: the content goes to a
 * temp file in the same folder (written and synced), which is then hard-linked to the free name —
 * `link` fails if the name exists, so two exports at once cannot overwrite each other — and the
 * temp name removed. File systems without hard links (FAT32/exFAT USB sticks, some network
 * shares) fall back to checking the name and renaming.
 */

const code = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | undefined)?.code;

/** report.docx → report(2).docx */
export function numbered(path: string, n: number): string {
  if (n <= 1) return path;
  const ext = extname(path);
  return join(dirname(path), `${basename(path, ext)}(${n})${ext}`);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (e) {
    if (code(e) === 'ENOENT') return false;
    throw e;
  }
}

async function writeTemp(dir: string, name: string, data: Uint8Array | string): Promise<string> {
  // Opened exclusively ('wx'): the random part only keeps concurrent writers apart, so Math.random
  // does (node:crypto would be loaded for it alone, a few milliseconds of a CLI export).
  const temp = join(dir, `.${name}.${process.pid}.${Math.random().toString(16).slice(2, 10)}.tmp`);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  await handle.close();
  return temp;
}

export type ExistsPolicy = 'number' | 'replace' | 'fail';

export interface WrittenFile {
  path: string;
  /** `replace` policy: there was a file of that name, now replaced. */
  replaced: boolean;
}

/**
 * Writes `data` to `target`, or — when a file of that name exists — by policy: `number` takes the
 * first free name(2), (3) …; `replace` replaces it atomically (and says so); `fail` throws EEXIST.
 */
export async function writeNewFile(
  target: string,
  data: Uint8Array | string,
  policy: ExistsPolicy = 'number',
): Promise<WrittenFile> {
  const dir = dirname(target);
  const temp = await writeTemp(dir, basename(target), data);
  try {
    if (policy === 'replace') {
      const had = await exists(target);
      await rename(temp, target);
      return { path: target, replaced: had };
    }
    for (let n = 1; n < 1000; n++) {
      const candidate = numbered(target, n);
      try {
        await link(temp, candidate);
        await unlink(temp).catch(() => undefined);
        return { path: candidate, replaced: false };
      } catch (e) {
        const c = code(e);
        if (c === 'EEXIST') {
          if (policy === 'fail') throw e;
          continue;
        }
        if (c === 'EPERM' || c === 'ENOTSUP' || c === 'ENOSYS' || c === 'EXDEV' || c === 'EOPNOTSUPP') {
          if (await exists(candidate)) {
            if (policy === 'fail') throw Object.assign(new Error(`EEXIST: ${candidate}`), { code: 'EEXIST' });
            continue;
          }
          await rename(temp, candidate);
          return { path: candidate, replaced: false };
        }
        throw e;
      }
    }
    throw Object.assign(new Error(`EEXIST: ${target}`), { code: 'EEXIST' });
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
}

/** A Chinese message for a failed export write that says what to do. */
export function writeErrorMessage(e: unknown, path: string): string {
  const name = basename(path);
  switch (code(e)) {
    case 'EEXIST':
      return `${name}：文件已存在，没有覆盖。请换一个文件名或文件夹。`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `${name}：磁盘空间不足，没有写入。请清理磁盘后重试。`;
    case 'EACCES':
    case 'EPERM':
      return `${name}：没有写入这个文件夹的权限，或文件正被其他程序（如 WPS/Word）打开。请关闭该文件或换一个文件夹后重试。`;
    case 'EROFS':
      return `${name}：目标磁盘是只读的。请换一个文件夹。`;
    case 'ENOENT':
    case 'ENOTDIR':
      return `${name}：文件夹不存在。请先创建文件夹或换一个位置。`;
    case 'EBUSY':
      return `${name}：文件正被占用。请关闭正在打开它的程序后重试。`;
    default:
      return `${name}：写入失败（${code(e) ?? (e instanceof Error ? e.message : String(e))}）。请重试或换一个文件夹。`;
  }
}
