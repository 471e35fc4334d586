import type { NianbaoApi } from '../../shared/service/api';
import type { Logger } from './logger';

export const MAX_RECENT = 10;

const sameFile = (a: string, b: string, platform: string) =>
  platform === 'win32' || platform === 'darwin' ? a.toLowerCase() === b.toLowerCase() : a === b;

/** The list with `path` moved to the front, without duplicates, at most `max` long. */
export function pushRecent(list: readonly string[], path: string, platform: string, max = MAX_RECENT): string[] {
  return [path, ...list.filter((p) => !sameFile(p, path, platform))].slice(0, max);
}

export function removeRecent(list: readonly string[], path: string, platform: string): string[] {
  return list.filter((p) => !sameFile(p, path, platform));
}

export interface RecentFilesDeps {
  service: Pick<NianbaoApi, 'getSettings' | 'updateSettings'>;
  platform: string;
  /** The OS list (Windows jump list, macOS Dock menu): app.addRecentDocument / clearRecentDocuments. */
  os?: { addRecentDocument(path: string): void; clearRecentDocuments(): void };
  onChange?(list: readonly string[]): void;
  logger?: Logger;
}

/**
 * 最近打开: our own list in the settings (`recentFiles`, shared with the renderer) plus the
 * operating system's. A settings failure only costs the list, never the open or the save.
 */
export class RecentFiles {
  private items: string[] = [];

  constructor(private readonly deps: RecentFilesDeps) {}

  get list(): readonly string[] {
    return this.items;
  }

  async load(): Promise<readonly string[]> {
    try {
      const s = await this.deps.service.getSettings();
      this.items = Array.isArray(s.recentFiles)
        ? s.recentFiles.filter((p): p is string => typeof p === 'string').slice(0, MAX_RECENT)
        : [];
    } catch (e) {
      this.deps.logger?.warn('读取最近打开列表失败', e);
      this.items = [];
    }
    this.deps.onChange?.(this.items);
    return this.items;
  }

  async add(path: string): Promise<void> {
    this.items = pushRecent(this.items, path, this.deps.platform);
    this.deps.os?.addRecentDocument(path);
    await this.persist();
  }

  async remove(path: string): Promise<void> {
    this.items = removeRecent(this.items, path, this.deps.platform);
    await this.persist();
  }

  async clear(): Promise<void> {
    this.items = [];
    this.deps.os?.clearRecentDocuments();
    await this.persist();
  }

  private async persist(): Promise<void> {
    this.deps.onChange?.(this.items);
    try {
      await this.deps.service.updateSettings({ recentFiles: [...this.items] });
    } catch (e) {
      this.deps.logger?.warn('保存最近打开列表失败', e);
    }
  }
}
