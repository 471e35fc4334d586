import type { CliIo } from '../../../../electron/cli/command';

/**
 * The CLI's input/output for a command run in-process (`main(argv, t.io)`): what it printed is kept
 * for the test to read (`t.out()`, `t.err()`). `isTTY` true draws progress on stderr as in a terminal.
 */
export function cliIo(cwd: string, isTTY = false): { io: CliIo; out: () => string; err: () => string } {
  let stdout = '';
  let stderr = '';
  return {
    io: { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, isTTY },
    out: () => stdout,
    err: () => stderr,
  };
}
