/**
 * Guards unsaved changes when the window closes. The renderer reports its document state
 * (`setDocumentState`); on close with unsaved changes the clerk chooses 保存 / 不保存 / 取消.
 * 保存 asks the renderer to save (the 'save' menu command) and closes once it reports
 * `dirty: false`, or keeps the window open and says so when that does not happen in time.
 */

export interface DocumentState {
  dirty: boolean;
  title: string;
}

export type CloseChoice = 'save' | 'discard' | 'cancel';

export interface CloseGuardDeps {
  askToSave(title: string): Promise<CloseChoice>;
  requestSave(): void;
  /** Closes the window for real (the guard lets this close through). */
  close(): void;
  /** Tells the clerk the save did not finish, so the window stays open. */
  reportSaveFailed(): void;
  onStateChange?(state: DocumentState): void;
  timeoutMs?: number;
}

export class CloseGuard {
  private state: DocumentState = { dirty: false, title: '' };
  private allowClose = false;
  private busy = false;
  private cleanWaiters: Array<() => void> = [];

  constructor(private readonly deps: CloseGuardDeps) {}

  get documentState(): DocumentState {
    return { ...this.state };
  }

  setState(state: DocumentState): void {
    this.state = { dirty: state.dirty, title: state.title };
    this.deps.onStateChange?.(this.documentState);
    if (!state.dirty) {
      const waiters = this.cleanWaiters;
      this.cleanWaiters = [];
      for (const w of waiters) w();
    }
  }

  /** True once the clerk allowed the window to close (or nothing was unsaved). */
  get closing(): boolean {
    return this.allowClose;
  }

  /**
   * The window's 'close' handler. Returns whether the close was let through; when not, it has
   * called `event.preventDefault()` and settles the question asynchronously.
   */
  handleClose(event: { preventDefault(): void }): boolean {
    if (this.allowClose || !this.state.dirty) return true;
    event.preventDefault();
    if (!this.busy) void this.decide();
    return false;
  }

  private waitUntilClean(timeoutMs: number): Promise<boolean> {
    if (!this.state.dirty) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.cleanWaiters = this.cleanWaiters.filter((w) => w !== done);
        resolve(false);
      }, timeoutMs);
      this.cleanWaiters.push(done);
    });
  }

  private async decide(): Promise<void> {
    this.busy = true;
    try {
      const choice = await this.deps.askToSave(this.state.title);
      if (choice === 'cancel') return;
      if (choice === 'save') {
        const cleaned = this.waitUntilClean(this.deps.timeoutMs ?? 15_000);
        this.deps.requestSave();
        if (!(await cleaned)) {
          this.deps.reportSaveFailed();
          return;
        }
      }
      this.allowClose = true;
      this.deps.close();
    } finally {
      this.busy = false;
    }
  }
}
