/** What every CLI command module exports. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Whether stderr is a terminal (progress bars are drawn only then). */
  isTTY: boolean;
}

export interface CliCommand {
  /** As in the command table (commands/index.ts, which also holds the one-line summary). */
  name: string;
  /** Full usage text (Chinese), shown by `nianbao help <command>` and on wrong usage. */
  usage: string;
  /** Options that take a value (`--last file`). */
  valueOptions: readonly string[];
  /** Resolves to the exit code: 0 fine, 1 findings with errors, 2 unreadable input or wrong usage. */
  run(argv: string[], io: CliIo): Promise<number>;
}
