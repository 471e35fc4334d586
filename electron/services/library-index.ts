import { Low } from 'lowdb';
import type { ReportSummary } from '../../shared/service/api';
import { DurableJsonFile } from './adapters';
import type { StorageFs } from './fs-seam';

/**
 * Bumped when what an entry holds changes: entries of another version are read again from their files.
 * 2: the counts with last year's report (`countsKey`), infos, blank cells, the sample mark, `hasBaseline`.
 */
export const ENTRY_VERSION = 2;

/** A summary plus the file's size and mtime when it was read: a mismatch means the entry is stale. */
export interface IndexEntry {
  summary: ReportSummary;
  mtimeMs: number;
  size: number;
  v?: number;
  /** The report keeps last year's figures (meta.derivedFrom.baseline): its own last year's stand-in. */
  hasBaseline?: boolean;
  /**
   * What the summary's check counts were computed with (last year's report and its file); counts
   * whose key no longer matches are computed again.
   */
  countsKey?: string;
}

export interface TrashEntry extends IndexEntry {
  deletedAt: string;
}

/**
 * `<dataDir>/index.json`: a cache for fast listing. The report files are the truth; any entry whose
 * file changed (size/mtime) is re-read, a missing or broken index is rebuilt from the files.
 */
export interface LibraryIndex {
  version: 1;
  reports: Record<string, IndexEntry>;
  trash: Record<string, TrashEntry>;
}

export const emptyIndex = (): LibraryIndex => ({ version: 1, reports: {}, trash: {} });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const isEntry = (v: unknown): v is IndexEntry =>
  isObject(v) &&
  typeof v.mtimeMs === 'number' &&
  typeof v.size === 'number' &&
  isObject(v.summary) &&
  typeof v.summary.id === 'string' &&
  typeof v.summary.updatedAt === 'string' &&
  typeof v.summary.title === 'string';

function checkIndex(value: unknown): { ok: true; value: LibraryIndex } | { ok: false; problem: string } {
  if (!isObject(value) || value.version !== 1 || !isObject(value.reports) || !isObject(value.trash)) {
    return { ok: false, problem: '索引文件的结构不对' };
  }
  // Drop malformed entries rather than the whole index: they are simply re-read from their files.
  const reports: Record<string, IndexEntry> = {};
  for (const [id, e] of Object.entries(value.reports)) if (isEntry(e)) reports[id] = e;
  const trash: Record<string, TrashEntry> = {};
  for (const [id, e] of Object.entries(value.trash))
    if (isEntry(e) && typeof (e as TrashEntry).deletedAt === 'string') trash[id] = e as TrashEntry;
  return { ok: true, value: { version: 1, reports, trash } };
}

export function openIndex(file: string, fs: StorageFs): Low<LibraryIndex> {
  return new Low<LibraryIndex>(new DurableJsonFile(file, fs, checkIndex), emptyIndex());
}
