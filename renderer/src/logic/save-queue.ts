import type { Report } from '../../../shared/model/types';
import type { SaveResult } from '../../../shared/service/api';

/**
 * Autosave that never loses an edit. The latest unsaved version of each report stays in memory
 * until the service has confirmed it; a failed save is retried (after 2 s, 5 s, 15 s, then every
 * 30 s) and on demand. It lives outside the editor so that leaving the editor does not drop a
 * pending save.
 */

export type SaveStatus = 'saved' | 'dirty' | 'saving' | 'error';

export interface SaveState {
  status: SaveStatus;
  /** Time of the last confirmed save (ISO). */
  savedAt?: string;
  /** Why the last attempt failed, in the service's words. */
  error?: string;
  /** Failed attempts in a row. */
  failures: number;
}

export interface SaveQueueOptions {
  save(report: Report): Promise<SaveResult>;
  /** Delay between the last change and the save. */
  delayMs?: number;
  retryMs?: readonly number[];
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export class SaveQueue {
  private pending = new Map<string, Report>();
  private inFlight: Promise<void> | null = null;
  private timer: unknown = null;
  private listeners = new Set<(s: SaveState) => void>();
  private state: SaveState = { status: 'saved', failures: 0 };
  private readonly delayMs: number;
  private readonly retryMs: readonly number[];
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly opts: SaveQueueOptions) {
    this.delayMs = opts.delayMs ?? 1000;
    this.retryMs = opts.retryMs ?? [2000, 5000, 15000, 30000];
    this.setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  getState(): SaveState {
    return this.state;
  }

  /** Whether some change has not been confirmed by the service yet. */
  get dirty(): boolean {
    return this.pending.size > 0 || this.inFlight !== null;
  }

  subscribe(listener: (s: SaveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every report with a change the service has not confirmed (to download when it cannot be reached). */
  pendingReports(): Report[] {
    return [...this.pending.values()];
  }

  /** The unsaved version of a report, if any (reopening it must show the latest edits). */
  unsaved(id: string): Report | undefined {
    return this.pending.get(id);
  }

  /**
   * The latest version of a report for a screen that opens it: the unsaved one in memory wins over
   * the file (nothing typed is ever lost by reopening a report before its save has gone through).
   */
  latest(id: string, load: (id: string) => Promise<Report>): Promise<Report> {
    const unsaved = this.pending.get(id);
    return unsaved ? Promise.resolve(unsaved) : load(id);
  }

  /** A report changed: save it shortly. */
  schedule(report: Report): void {
    this.pending.set(report.meta.id, report);
    if (this.state.status !== 'error') this.set({ ...this.state, status: this.inFlight ? 'saving' : 'dirty' });
    this.arm(this.state.status === 'error' ? this.retryDelay() : this.delayMs);
  }

  /** Saves everything pending now; resolves true when nothing is left unsaved. */
  async flush(): Promise<boolean> {
    this.disarm();
    // Wait for a save under way, then save what changed meanwhile.
    for (let guard = 0; guard < 5; guard++) {
      if (this.inFlight) await this.inFlight;
      if (this.pending.size === 0) return true;
      await this.saveOnce();
      if (this.state.status === 'error') return false;
    }
    return this.pending.size === 0;
  }

  private retryDelay(): number {
    const i = Math.min(Math.max(this.state.failures - 1, 0), this.retryMs.length - 1);
    return this.retryMs[i]!;
  }

  private arm(ms: number) {
    this.disarm();
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.saveOnce();
    }, ms);
  }

  private disarm() {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
  }

  private saveOnce(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    const batch = [...this.pending.entries()];
    if (batch.length === 0) return Promise.resolve();
    this.pending.clear();
    this.set({ ...this.state, status: 'saving' });
    const run = async () => {
      let savedAt: string | undefined;
      let error: string | undefined;
      for (const [id, report] of batch) {
        try {
          const res = await this.opts.save(report);
          savedAt = res.updatedAt;
        } catch (e) {
          error = e instanceof Error ? e.message : String(e);
          // Keep the edit unless a newer version is already waiting.
          if (!this.pending.has(id)) this.pending.set(id, report);
        }
      }
      this.inFlight = null;
      if (error !== undefined) {
        const failures = this.state.failures + 1;
        this.set({ status: 'error', error, failures, savedAt: this.state.savedAt });
        this.arm(this.retryDelay());
      } else {
        this.set({
          status: this.pending.size ? 'dirty' : 'saved',
          savedAt: savedAt ?? this.state.savedAt,
          failures: 0,
        });
        if (this.pending.size) this.arm(this.delayMs);
      }
    };
    this.inFlight = run();
    return this.inFlight;
  }

  private set(state: SaveState) {
    const cur = this.state;
    // Nothing new to show: keep the same object (subscribers re-render only on a real change).
    if (
      cur.status === state.status &&
      cur.error === state.error &&
      cur.savedAt === state.savedAt &&
      cur.failures === state.failures
    )
      return;
    this.state = state;
    for (const l of this.listeners) l(state);
  }
}
