import { useSyncExternalStore } from 'react';
import type { Report } from '../../../shared/model/types';
import type { ImportPreview, ReportFileInput } from '../../../shared/service/api';

/**
 * The file being previewed (#/import). It is not saved anywhere until the clerk chooses 保存, so
 * it lives in memory; a reload of #/import shows an empty state instead.
 */
export interface ImportSession {
  /** Changes with every new file (a fresh preview state). */
  key: number;
  preview: ImportPreview;
  fileName: string;
  /** The file itself, for 以此为上年报告新建 (read lazily for files of a batch). */
  file: () => Promise<ReportFileInput>;
  /** Where 返回 leads. */
  from: 'library' | 'batch';
  /** From a batch: the report the batch checked it against as last year's (the preview counts the same). */
  last?: Report | null;
}

let current: ImportSession | null = null;
let counter = 0;
const listeners = new Set<() => void>();

export function setImportSession(session: Omit<ImportSession, 'key'> | null): void {
  current = session ? { ...session, key: ++counter } : null;
  for (const l of listeners) l();
}

function getImportSession(): ImportSession | null {
  return current;
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useImportSession(): ImportSession | null {
  return useSyncExternalStore(subscribe, getImportSession);
}
