import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { main } from '../../../electron/cli/main';
import { cliIo } from '../cli/support/cli-io';

/**
 * A folder of files to run `nianbao batch` over, in-process, for the tests that put hostile files
 * among real reports: made (and filled by `fill`) before the file's tests, removed after them.
 * The import limits a test lowers through the environment are put back after each test, so that
 * one test's cap never stops another's files.
 */

const LIMITS = ['NIANBAO_IMPORT_TIMEOUT_MS', 'NIANBAO_IMPORT_MEMORY_MB'];

export interface BatchFolder {
  /** The folder (the batch's working directory); set once the file's tests start. */
  readonly dir: string;
  /** `nianbao batch <args>` run in `dir`, with what it printed. */
  batch(args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
}

export function batchFolder(prefix: string, fill: (dir: string) => void | Promise<void>): BatchFolder {
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    await fill(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const saved = Object.fromEntries(LIMITS.map((k) => [k, process.env[k]]));
  afterEach(() => {
    for (const k of LIMITS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });
  return {
    get dir() {
      return dir;
    },
    async batch(args) {
      const t = cliIo(dir);
      const code = await main(['batch', ...args], t.io);
      return { code, stdout: t.out(), stderr: t.err() };
    },
  };
}
