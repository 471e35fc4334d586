import { chmodSync, existsSync, fchmodSync, mkdirSync, promises as fsp } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The data folder is this user's alone: its folders are 700 and its files 600 whatever the umask
 * (a umask of 000 would widen nothing, but one like 277 would make a new folder unwritable, and a
 * mode given to mkdir/open is only ever narrowed by the umask). Each folder made here, parents
 * included, and each file created is set to exactly its mode after it is made. A file system
 * without Unix modes (FAT, a Windows share) refuses chmod or ignores it: that is not an error.
 */

export const PRIVATE_FILE = 0o600;
export const PRIVATE_DIR = 0o700;

const ignore = () => undefined;

/** The folders of `path` that do not exist yet, outermost first. */
async function missing(path: string): Promise<string[]> {
  const out: string[] = [];
  for (let p = path; ; p = dirname(p)) {
    try {
      await fsp.stat(p);
      return out.reverse();
    } catch {
      out.push(p);
      if (dirname(p) === p) return out.reverse();
    }
  }
}

/** mkdir -p, each folder made 700. */
export async function mkdirPrivate(path: string): Promise<void> {
  for (const p of await missing(path)) {
    try {
      await fsp.mkdir(p, { mode: PRIVATE_DIR });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      continue; // made meanwhile by someone else: not ours to change
    }
    await fsp.chmod(p, PRIVATE_DIR).catch(ignore);
  }
}

/** mkdir -p, each folder made 700 (at start-up, before anything else runs). */
export function mkdirPrivateSync(path: string): void {
  const todo: string[] = [];
  for (let p = path; !existsSync(p); p = dirname(p)) {
    todo.unshift(p);
    if (dirname(p) === p) break;
  }
  for (const p of todo) {
    try {
      mkdirSync(p, { mode: PRIVATE_DIR });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      continue;
    }
    try {
      chmodSync(p, PRIVATE_DIR);
    } catch {
      // no modes here
    }
  }
}

/** A file just created through `fd`: exactly 600. */
export function privateFd(fd: number): void {
  try {
    fchmodSync(fd, PRIVATE_FILE);
  } catch {
    // no modes here
  }
}
