import { execFile } from 'node:child_process';
import { join } from 'node:path';
// @ts-expect-error plain JS build helper
import { ensureCli } from '../../../../build/scripts/cli-build.mjs';

/**
 * The command-line tool as users run it: bin/nianbao.mjs, which runs the bundle in dist/cli (built
 * here first when it is stale, so that no test sees the build message or races another build).
 */

export const ROOT = join(__dirname, '..', '..', '..', '..');
export const BIN = join(ROOT, 'bin', 'nianbao.mjs');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Builds dist/cli when it is older than its sources (several test files may ask at once). */
export async function ensureBuiltCli(): Promise<void> {
  await (ensureCli as (root: string) => Promise<unknown>)(ROOT);
}

/** `nianbao <args>` as a child process of plain node. */
export function cli(
  args: string[],
  cwd: string,
  options: { nodeArgs?: string[]; env?: NodeJS.ProcessEnv } = {},
): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...(options.nodeArgs ?? []), BIN, ...args],
      { cwd, env: { ...process.env, ...options.env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}
