import { promises as fsp } from 'node:fs';
import { mkdirPrivate, PRIVATE_FILE } from './private-fs';

/**
 * The few file operations the storage uses. Production code uses node:fs; tests inject a
 * failing variant (ENOSPC, EIO) to prove that a failed save never touches the saved file.
 */
export interface WritableHandle {
  writeFile(data: string | Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface StorageFs {
  open(path: string, flags: string): Promise<WritableHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  readFile(path: string): Promise<Buffer>;
  readdir(path: string): Promise<string[]>;
  stat(path: string): Promise<{ mtimeMs: number; ctimeMs?: number; size: number; isFile(): boolean }>;
  mkdir(path: string, options: { recursive: true; mode?: number }): Promise<unknown>;
}

export const nodeFs: StorageFs = {
  // The data folder is this user's alone: new files 600 and new folders 700, whatever the umask.
  async open(path, flags) {
    const handle = await fsp.open(path, flags, PRIVATE_FILE);
    if (flags.startsWith('w')) await handle.chmod(PRIVATE_FILE).catch(() => undefined);
    return handle;
  },
  rename: (from, to) => fsp.rename(from, to),
  unlink: (path) => fsp.unlink(path),
  readFile: (path) => fsp.readFile(path),
  readdir: (path) => fsp.readdir(path),
  stat: (path) => fsp.stat(path),
  mkdir: (path) => mkdirPrivate(path),
};

export const errnoCode = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string'
    ? (e as { code: string }).code
    : undefined;
