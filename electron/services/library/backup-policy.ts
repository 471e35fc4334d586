import type { BackupReason } from '../../../shared/service/api';
import { saveError } from '../atomic-write';
import { BACKUP_INTERVAL_MS, type BackupStore } from '../backups';

/**
 * When a backup is written: while editing at most every few minutes (a missed one is retried on
 * the next save), and before anything destructive always — or the destructive action does not happen.
 */
export class BackupPolicy {
  private readonly last = new Map<string, number>();

  constructor(
    readonly store: BackupStore,
    private readonly now: () => Date,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

  /** After a save; `force` for a new report or one that replaced a damaged file. */
  async afterSave(id: string, text: string, force: boolean): Promise<void> {
    const now = this.now();
    if (!this.last.has(id)) this.last.set(id, (await this.store.newestTime(id).catch(() => undefined)) ?? -Infinity);
    if (!force && now.getTime() - this.last.get(id)! < BACKUP_INTERVAL_MS) return;
    try {
      await this.store.write(id, text, 'auto', now);
      this.last.set(id, now.getTime());
    } catch (e) {
      // The save itself succeeded; a missed backup is retried on the next save.
      this.log(`backup of ${id} failed`, e);
    }
  }

  /** Before a destructive action: a backup that must succeed. */
  async beforeDestroying(id: string, text: string, reason: Exclude<BackupReason, 'auto'>): Promise<void> {
    try {
      await this.store.write(id, text, reason, this.now());
    } catch (e) {
      throw saveError(e, '备份');
    }
  }
}
