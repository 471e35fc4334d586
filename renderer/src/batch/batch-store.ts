import { useSyncExternalStore } from 'react';
import type { NianbaoApi } from '../../../shared/service/api';
import { errorText } from '../api/context';
import { FileReadError, readBrowserFile } from '../import/file-read';
import { checkRows, pool, type BatchRow } from './batch-logic';

/**
 * One 批量检查 at a time, kept in memory while the clerk opens a row's preview and comes back.
 * Files are read two at a time (the service parses PDFs on one core; two overlap reading and
 * parsing without starving the window). The File handles are kept, not their contents.
 */

export interface BatchState {
  rows: BatchRow[];
  running: boolean;
  stopped: boolean;
  startedAt: Date | null;
  done: number;
}

const BATCH_CONCURRENCY = 2;

let state: BatchState = { rows: [], running: false, stopped: false, startedAt: null, done: 0 };
let files: File[] = [];
let run = 0;
const listeners = new Set<() => void>();

function set(next: Partial<BatchState>) {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

function updateRow(index: number, patch: Partial<BatchRow>) {
  set({ rows: state.rows.map((r) => (r.index === index ? { ...r, ...patch } : r)) });
}

function getBatch(): BatchState {
  return state;
}

export function batchFile(index: number): File | undefined {
  return files[index];
}

export function useBatch(): BatchState {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, getBatch);
}

/** Stops taking new files; the ones being read finish. */
export function stopBatch(): void {
  if (state.running) set({ stopped: true });
}

export function clearBatch(): void {
  run++;
  files = [];
  set({ rows: [], running: false, stopped: false, startedAt: null, done: 0 });
}

export async function startBatch(api: Pick<NianbaoApi, 'importFile'>, chosen: File[]): Promise<void> {
  const mine = ++run;
  files = chosen;
  set({
    rows: chosen.map((f, index) => ({
      index,
      fileName: f.name,
      size: f.size,
      state: 'waiting',
      findings: [],
      counts: { error: 0, warning: 0, info: 0 },
    })),
    running: true,
    stopped: false,
    startedAt: new Date(),
    done: 0,
  });
  await pool(
    chosen,
    BATCH_CONCURRENCY,
    async (file, index) => {
      if (mine !== run) return;
      updateRow(index, { state: 'reading' });
      let patch: Partial<BatchRow>;
      try {
        const input = await readBrowserFile(file);
        const preview = await api.importFile(input);
        const [checked] = checkRows([{ ...state.rows[index]!, state: 'done', preview }]);
        patch = checked!;
      } catch (e) {
        patch = { state: 'failed', error: e instanceof FileReadError ? e.message : errorText(e) };
      }
      if (mine !== run) return;
      updateRow(index, patch);
      set({ done: state.done + 1 });
    },
    () => mine !== run || state.stopped,
  );
  if (mine !== run) return;
  // With every report read, pair each with last year's report of the same agency for the cross-year checks.
  set({ rows: checkRows(state.rows), running: false });
}
