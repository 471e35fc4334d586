import type { ConnectionState } from '../../../shared/service/http-client';

/**
 * Browser mode's link to its local server, as the page knows it. When a call finds the server
 * gone (closed, restarting) or no longer knowing this page, the page asks again every few seconds
 * by itself; the moment a server answers, `onAnswer` runs (the autosave writes what waited, or —
 * when the server no longer knows the page — learns so and says it).
 * The banner (app/ConnectionBanner.tsx) shows the state. Electron has no such link (null).
 */
export class Connection {
  private state: ConnectionState = 'ok';
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    /** A cheap call to the server (appInfo): its outcome reaches `report` through the transport. */
    private readonly probe: () => Promise<unknown>,
    private readonly onAnswer: () => void,
    private readonly intervalMs = 2000,
  ) {}

  getState = (): ConnectionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Called by the transport after every call. */
  report(next: ConnectionState): void {
    if (next === this.state) return;
    const was = this.state;
    this.state = next;
    for (const l of this.listeners) l();
    if (next === 'ok') this.stopWatching();
    else this.watch();
    if (next === 'denied' || (next === 'ok' && was !== 'ok')) this.onAnswer();
  }

  private watch(): void {
    if (this.timer !== null) return;
    this.timer = setInterval(() => void this.probe().catch(() => undefined), this.intervalMs);
  }

  private stopWatching(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}
