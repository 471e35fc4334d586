import type { Low } from 'lowdb';
import type { Report } from '../../../shared/model/types';
import { KeyMutex } from '../key-mutex';
import type { StorageFs } from '../fs-seam';
import { ENTRY_VERSION, type IndexEntry, type LibraryIndex } from '../library-index';
import { describe } from '../summary';

/**
 * `index.json` kept in memory and written a moment after it changes (it is a cache: a lost write
 * only means a slower next listing). Every entry records the size and mtime of the file it was
 * made from, so a file changed behind our back is read again.
 */
export class IndexCache {
  private timer: NodeJS.Timeout | undefined;
  private dirty = false;
  private stopped = false;
  private writable = true;
  private readonly mutex = new KeyMutex();

  constructor(
    readonly db: Low<LibraryIndex>,
    private readonly fs: StorageFs,
    private readonly options: { delayMs: number; log: (message: string, error?: unknown) => void },
  ) {}

  get data(): LibraryIndex {
    return this.db.data;
  }

  /** A report file was written: its summary, keyed to the file as it is now (counts: at the next listing). */
  async record(id: string, report: Report, file: string): Promise<void> {
    try {
      const st = await this.fs.stat(file);
      this.data.reports[id] = entryOf(report, id, st);
    } catch {
      delete this.data.reports[id];
    }
    delete this.data.trash[id];
    this.changed();
  }

  /** A report file moved into the trash. */
  async recordTrashed(id: string, report: Report, file: string, deletedAt: string): Promise<void> {
    const st = await this.fs.stat(file).catch(() => ({ mtimeMs: 0, size: -1 }));
    delete this.data.reports[id];
    this.data.trash[id] = { ...entryOf(report, id, st), deletedAt };
    this.changed();
  }

  forget(id: string): void {
    delete this.data.reports[id];
    this.changed();
  }

  /** Something in `data` changed: write it shortly. */
  changed(): void {
    if (!this.writable) return;
    this.dirty = true;
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.write();
    }, this.options.delayMs);
    this.timer.unref?.();
  }

  private write(): Promise<void> {
    return this.mutex.run('index', async () => {
      if (!this.dirty || !this.writable) return;
      this.dirty = false;
      try {
        await this.db.write();
      } catch (e) {
        // The index is only a cache; the next change or listing tries again.
        this.dirty = true;
        this.options.log('writing index.json failed', e);
      }
    });
  }

  /** A read-only data folder: the index is kept in memory only. */
  stopWriting(): void {
    this.writable = false;
    this.dirty = false;
  }

  /** Writes now what is pending; `stop` also ends the delayed writes (closing). */
  async flush(stop = false): Promise<void> {
    if (stop) this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.write();
  }
}

/** The index entry of a report file just read or written; its check counts are filled in by the listing. */
export function entryOf(report: Report, id: string, st: { mtimeMs: number; size: number }): IndexEntry {
  return {
    summary: describe(report, id),
    mtimeMs: st.mtimeMs,
    size: st.size,
    v: ENTRY_VERSION,
    hasBaseline: !!report.meta.derivedFrom?.baseline,
  };
}
