import type { Adapter } from 'lowdb';
import { writeFileAtomic } from './atomic-write';
import { errnoCode, type StorageFs } from './fs-seam';

/**
 * A lowdb adapter for a text file whose writes are atomic and durable (lowdb's own TextFile
 * renames a temp file but never fsyncs, so a power cut can leave an empty file behind).
 * `read` gives null when the file does not exist.
 */
export class DurableTextFile implements Adapter<string> {
  constructor(
    readonly file: string,
    private readonly fs: StorageFs,
  ) {}

  async read(): Promise<string | null> {
    try {
      return (await this.fs.readFile(this.file)).toString('utf8');
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') return null;
      throw e;
    }
  }

  write(text: string): Promise<void> {
    return writeFileAtomic(this.fs, this.file, text);
  }
}

/** The file exists but its content is not what it should be (bad JSON, wrong shape). */
export class BrokenFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(problem);
    this.name = 'BrokenFileError';
  }
}

/**
 * A lowdb adapter for a JSON file on a DurableTextFile. `check` validates what was read and
 * returns the typed value or a problem text; a broken file raises BrokenFileError (never
 * silently replaced by defaults, so the caller can keep it aside first).
 */
export class DurableJsonFile<T> implements Adapter<T> {
  readonly text: DurableTextFile;

  constructor(
    file: string,
    fs: StorageFs,
    private readonly check: (value: unknown) => { ok: true; value: T } | { ok: false; problem: string },
  ) {
    this.text = new DurableTextFile(file, fs);
  }

  async read(): Promise<T | null> {
    const raw = await this.text.read();
    if (raw === null) return null;
    let value: unknown;
    try {
      value = JSON.parse(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw);
    } catch (e) {
      throw new BrokenFileError(this.text.file, `不是有效的 JSON（${e instanceof Error ? e.message : String(e)}）`);
    }
    const res = this.check(value);
    if (!res.ok) throw new BrokenFileError(this.text.file, res.problem);
    return res.value;
  }

  write(data: T): Promise<void> {
    return this.text.write(`${JSON.stringify(data, null, 2)}\n`);
  }
}
