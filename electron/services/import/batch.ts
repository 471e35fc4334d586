import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve } from 'node:path';
import { runChecks, countBySeverity } from '../../../shared/checks/index';
import { notReportOf, settleWithLastYear } from '../../../shared/import/index';
import type { Finding } from '../../../shared/checks/types';
import type { Report } from '../../../shared/model/types';
import { ImportPool, type ImportPoolOptions } from './isolated-import';
import { IMPORTABLE_EXTENSIONS, LoadError, REPORT_EXTENSIONS, type LoadedReport } from './load-report';

/**
 * Checking many reports at once (a supervisor's folder of downloaded reports): find the files,
 * read and check them in a pool of import workers (one per job, each with the import time and
 * memory limits, so that every core works and a hostile file is refused alone), check again on the
 * main thread only the reports whose agency's report of the year before is in the batch (the
 * cross-year checks need both), and collect what a summary needs.
 */

export interface BatchItem {
  /** As given or found, relative to the working directory when possible. */
  file: string;
  path: string;
  loaded?: LoadedReport;
  /** Why the file could not be read (Chinese). */
  error?: string;
  findings: Finding[];
  counts: { error: number; warning: number; info: number };
  /** Whether cross-year checks ran (last year's report of the agency was in the batch). */
  withLast?: string;
}

const WANTED = new Set<string>([...IMPORTABLE_EXTENSIONS, ...REPORT_EXTENSIONS]);
const MAX_FILES = 20000;

/** Files named on the command line, and the report-like files inside the folders named (recursively). */
export async function expandInputs(inputs: string[], cwd: string): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    if (!seen.has(p) && files.length < MAX_FILES) {
      seen.add(p);
      files.push(p);
    }
  };
  const walk = async (dir: string, depth: number) => {
    if (depth > 12) return;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p, depth + 1);
      else if (e.isFile() && WANTED.has(extname(e.name).toLowerCase()) && !e.name.startsWith('~$')) add(p);
    }
  };
  for (const input of inputs) {
    const p = resolve(cwd, input);
    try {
      const s = await stat(p);
      if (s.isDirectory()) await walk(p, 0);
      else add(p);
    } catch {
      missing.push(input);
    }
  }
  return { files, missing };
}

/** Runs `task` over `items` with at most `limit` at a time, calling `done` as each finishes. */
export async function pool<T, R>(
  items: T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
  done?: (index: number, result: R) => void,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!, i);
      done?.(i, results[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

export interface BatchOptions {
  cwd: string;
  /** Import workers (`--jobs`). */
  concurrency: number;
  /** Time and memory limits of each file (default: isolated-import.ts). */
  limits?: ImportPoolOptions['limits'];
  now?: Date;
  onProgress?: (doneCount: number, total: number, file: string) => void;
}

/**
 * Files one batch worker reads before a fresh worker replaces it. Each fresh worker loads the
 * readers again and V8 compiles and optimises them again (its own isolate): with the pool's default
 * of 200, 500 mixed reports on `--jobs 1` took 3 workers and 12.3–13.5 s CPU, against 9.6–11.0 s
 * for one worker reading all 500 (V8's compiler threads redo their work for every worker). The
 * readers' caches are bounded, and the heap cap of each worker holds whatever the count: one worker
 * reading 1,000 files peaked at 141 MB resident for the whole process (135 MB after 500).
 */
export const BATCH_JOBS_PER_WORKER = 1000;

const agencyKey = (r: Report) => r.agency.name.replace(/\s+/g, '');

export async function runBatch(files: string[], opts: BatchOptions): Promise<BatchItem[]> {
  let finished = 0;
  // Findings the workers made without last year's report: kept unless the batch holds last year's.
  const alone = new Map<BatchItem, Finding[]>();
  // Each worker holds its next file before it has answered the current one (pipeline), so it never
  // waits for the main thread between two files; a third file per worker waits on the main thread.
  const workers = new ImportPool({
    size: opts.concurrency,
    pipeline: 2,
    maxJobsPerWorker: BATCH_JOBS_PER_WORKER,
    ...(opts.limits ? { limits: opts.limits } : {}),
  });
  workers.warm();
  const items = await pool(
    files,
    opts.concurrency * 3,
    async (path): Promise<BatchItem> => {
      const file = relative(opts.cwd, path).startsWith('..') ? path : relative(opts.cwd, path) || basename(path);
      try {
        const { loaded, findings, checkError } = await workers.checkFile(path, opts.now);
        const item: BatchItem = { file, path, loaded, findings: [], counts: { error: 0, warning: 0, info: 0 } };
        if (findings) alone.set(item, findings);
        if (checkError) item.error = `${basename(path)}：检查时出错（${checkError}）。`;
        return item;
      } catch (e) {
        const error =
          e instanceof LoadError ? e.message : `${basename(path)}：${e instanceof Error ? e.message : String(e)}`;
        return { file, path, error, findings: [], counts: { error: 0, warning: 0, info: 0 } };
      }
    },
    (_i, item) => opts.onProgress?.(++finished, files.length, item.file),
  ).finally(() => workers.close());
  // Last year's report of the same agency, when the batch holds it (“洪泽区人民政府” and
  // “淮安市洪泽区人民政府” are the same agency named with and without its city).
  const sameAgency = (a: string, b: string) =>
    a === b || (Math.min(a.length, b.length) >= 4 && (a.endsWith(b) || b.endsWith(a)));
  const byYear = new Map<number, BatchItem[]>();
  for (const o of items) {
    if (!o.loaded) continue;
    const list = byYear.get(o.loaded.report.year) ?? [];
    list.push(o);
    byYear.set(o.loaded.report.year, list);
  }
  const lastOf = (r: Report): BatchItem | undefined =>
    agencyKey(r)
      ? byYear.get(r.year - 1)?.find((o) => sameAgency(agencyKey(o.loaded!.report), agencyKey(r)))
      : undefined;
  for (const item of items) {
    let r = item.loaded?.report;
    if (!r || item.error) continue;
    const last = lastOf(r);
    // Table 2 rows whose digits ran together may be decided by last year's 现行有效件数.
    const imported = item.loaded?.imported;
    if (last?.loaded && imported?.pending?.length) {
      const settled = settleWithLastYear(r, imported.pending, last.loaded.report);
      if (settled.report !== r) {
        r = settled.report;
        const more = { report: r, warnings: settled.warnings };
        item.loaded = { ...item.loaded!, ...more, imported: { ...imported, ...more, pending: settled.pending } };
      }
    }
    // A blank template or an outline is named as such (summary, CLI), not checked as a report.
    if (notReportOf(r)) continue;
    const found = alone.get(item);
    if (!last && found) {
      item.findings = found;
      item.counts = countBySeverity(found);
      continue;
    }
    try {
      item.findings = runChecks(r, {
        last: last?.loaded?.report ?? null,
        mode: r.meta?.source ? 'import' : 'editor',
        ...(opts.now ? { now: opts.now } : {}),
      });
    } catch (e) {
      item.error = `${basename(item.path)}：检查时出错（${e instanceof Error ? e.message : String(e)}）。`;
      item.findings = [];
    }
    item.counts = countBySeverity(item.findings);
    if (last) item.withLast = last.file;
  }
  return items;
}

/** Most urgent first: unreadable files, then reports with errors, then warnings, then clean ones. */
export function bySeverity(a: BatchItem, b: BatchItem): number {
  const rank = (x: BatchItem) => (x.error ? 0 : x.counts.error ? 1 : x.counts.warning ? 2 : 3);
  return (
    rank(a) - rank(b) ||
    b.counts.error - a.counts.error ||
    b.counts.warning - a.counts.warning ||
    a.file.localeCompare(b.file, 'zh-CN')
  );
}
