import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  readonly dir: string;
  readonly file: string;
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

export interface LoggerOptions {
  /** The logs folder (created when missing), usually `<data dir>/logs`. */
  dir: string;
  /** Rotate when the current file would exceed this size. */
  maxBytes?: number;
  /** How many rotated files to keep besides the current one (main.1.log … main.N.log). */
  maxFiles?: number;
  /** Also print to stderr (development). */
  echo?: boolean;
  now?: () => Date;
}

function describe(detail: unknown): string {
  if (detail === undefined) return '';
  if (detail instanceof Error)
    return `\n  ${(detail.stack ?? `${detail.name}: ${detail.message}`).replace(/\n/g, '\n  ')}`;
  if (typeof detail === 'string') return ` ${detail}`;
  try {
    return ` ${JSON.stringify(detail)}`;
  } catch {
    return ` ${String(detail)}`;
  }
}

/**
 * A plain-text log with size-based rotation. Writes synchronously: the last lines before a crash
 * are the ones that matter, and the app logs little. A failing disk must never take the app down,
 * so write errors are swallowed.
 */
export function createLogger(opts: LoggerOptions): Logger {
  const maxBytes = opts.maxBytes ?? 1024 * 1024;
  const maxFiles = Math.max(1, opts.maxFiles ?? 5);
  const now = opts.now ?? (() => new Date());
  const file = join(opts.dir, 'main.log');
  const rotated = (n: number) => join(opts.dir, `main.${n}.log`);

  const rotate = () => {
    rmSync(rotated(maxFiles), { force: true });
    for (let n = maxFiles - 1; n >= 1; n--) {
      if (existsSync(rotated(n))) renameSync(rotated(n), rotated(n + 1));
    }
    renameSync(file, rotated(1));
  };

  const write = (level: LogLevel, message: string, detail?: unknown) => {
    const line = `${now().toISOString()} [${level}] ${message}${describe(detail)}\n`;
    if (opts.echo) process.stderr.write(line);
    try {
      mkdirSync(opts.dir, { recursive: true });
      let size = 0;
      try {
        size = statSync(file).size;
      } catch {
        size = 0;
      }
      if (size > 0 && size + Buffer.byteLength(line) > maxBytes) rotate();
      appendFileSync(file, line, 'utf8');
    } catch {
      // Logging is best effort.
    }
  };

  return {
    dir: opts.dir,
    file,
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
  };
}
