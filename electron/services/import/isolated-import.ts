import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report } from '../../../shared/model/types';
import { ServiceError, type ImportPreview, type ReportFileInput } from '../../../shared/service/api';
import type { CheckedFile, ImportTask, TaskErrorData, TaskReply } from './import-tasks';
import type { UnitJob } from '../aggregate/read-units';
import type { AggregateUnit } from '../../../shared/aggregate/types';
import { LoadError, type LoadedReport } from './load-error';
import { WorkerJobError, WorkerPool, type WorkerLimits, type WorkerScript } from './worker-pool';

/**
 * Imports off the main thread: every file the app, the server or the CLI reads as a report goes
 * through an import worker with a time limit and a memory cap (docs/security.md, “Imports run
 * isolated and bounded”). A file that runs past either is stopped and named in a Chinese message;
 * the thread that answers the window, the other requests and the autosave never waits for it.
 */

export const DEFAULT_IMPORT_LIMITS: WorkerLimits = { timeoutMs: 30_000, memoryMb: 512 };

/** NIANBAO_IMPORT_TIMEOUT_MS and NIANBAO_IMPORT_MEMORY_MB override the defaults (tests, odd machines). */
export function importLimits(
  overrides: Partial<WorkerLimits> = {},
  env: Record<string, string | undefined> = process.env,
): WorkerLimits {
  const num = (v: string | undefined, min: number) => {
    const n = Number(v);
    return Number.isFinite(n) && n >= min ? n : undefined;
  };
  return {
    timeoutMs: overrides.timeoutMs ?? num(env.NIANBAO_IMPORT_TIMEOUT_MS, 10) ?? DEFAULT_IMPORT_LIMITS.timeoutMs,
    memoryMb: overrides.memoryMb ?? num(env.NIANBAO_IMPORT_MEMORY_MB, 8) ?? DEFAULT_IMPORT_LIMITS.memoryMb,
  };
}

/**
 * The worker's entry: the bundled import-worker.cjs/.mjs beside the running bundle (Electron main,
 * the CLI bundle), else the TypeScript source loaded through tsx (tests, development).
 */
export function importWorkerScript(): WorkerScript {
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  const dir = dirname(here);
  if (!here.endsWith('.ts')) {
    for (const name of ['import-worker.cjs', 'import-worker.mjs', 'import-worker.js']) {
      if (existsSync(join(dir, name))) return { file: join(dir, name) };
    }
    throw new Error(
      `import-worker.cjs is missing beside ${here}: the bundle must include electron/services/import/import-worker.ts`,
    );
  }
  return { file: join(dir, 'import-worker-dev.mjs') };
}

export interface ImportPoolOptions {
  /** Workers at most (default: the cores, 1 to 4). */
  size?: number;
  limits?: Partial<WorkerLimits>;
  idleMs?: number;
  /** Files handed to one worker at a time (default 1; batch: 2, see worker-pool.ts). */
  pipeline?: number;
  /** Files one worker reads before a fresh one replaces it (default: worker-pool.ts's). */
  maxJobsPerWorker?: number;
}

export const defaultImportWorkers = (): number => Math.max(1, Math.min(4, cpus().length));

/** The typed face of the pool: one method per task, errors rebuilt as the callers know them. */
export class ImportPool {
  private made: WorkerPool<ImportTask, TaskReply> | null = null;
  readonly limits: WorkerLimits;
  readonly size: number;

  constructor(private readonly options: ImportPoolOptions = {}) {
    this.limits = importLimits(options.limits);
    this.size = Math.max(1, options.size ?? defaultImportWorkers());
  }

  /** Made on first use: an app that never imports never looks for the worker's file. */
  private get pool(): WorkerPool<ImportTask, TaskReply> {
    this.made ??= new WorkerPool({
      script: importWorkerScript(),
      size: this.size,
      limits: this.limits,
      ...(this.options.idleMs !== undefined ? { idleMs: this.options.idleMs } : {}),
      ...(this.options.pipeline !== undefined ? { pipeline: this.options.pipeline } : {}),
      ...(this.options.maxJobsPerWorker !== undefined ? { maxJobsPerWorker: this.options.maxJobsPerWorker } : {}),
    });
    return this.made;
  }

  warm(): void {
    this.pool.warm();
  }

  close(): Promise<void> {
    return this.made?.close() ?? Promise.resolve();
  }

  /** A path from the command line; throws LoadError naming the file. */
  async loadFile(path: string): Promise<LoadedReport> {
    const name = basename(path);
    const reply = await this.send({ task: 'loadFile', path }, [], (m) => new LoadError(`${name}：${m}`));
    if (!reply.ok) throw revive(reply.error, name, 'load');
    return reply.value as LoadedReport;
  }

  /** `batch`: a path read and checked alone (no last year); throws LoadError naming the file. */
  async checkFile(path: string, now?: Date): Promise<CheckedFile> {
    const name = basename(path);
    const task: ImportTask = { task: 'checkFile', path, ...(now ? { now: now.toISOString() } : {}) };
    const reply = await this.send(task, [], (m) => new LoadError(`${name}：${m}`));
    if (!reply.ok) throw revive(reply.error, name, 'load');
    return reply.value as CheckedFile;
  }

  /** A file picked in the app; throws ServiceError naming the file. */
  async readAny(file: ReportFileInput): Promise<ImportPreview> {
    const { name, bytes } = fileBytes(file);
    const reply = await this.send({ task: 'readAny', name, bytes }, [bytes.buffer], (m) => serviceError(name, m));
    if (!reply.ok) throw revive(reply.error, name, 'service');
    return reply.value as ImportPreview;
  }

  /** Last year's report from a file (rollover); throws ServiceError naming the file. */
  async lastYear(file: ReportFileInput): Promise<Report> {
    const { name, bytes } = fileBytes(file);
    const reply = await this.send({ task: 'lastYear', name, bytes }, [bytes.buffer], (m) => serviceError(name, m));
    if (!reply.ok) throw revive(reply.error, name, 'service');
    return reply.value as Report;
  }

  /** 汇总: units of reports already read (their checks run in the workers, side by side). */
  async aggregateUnits(jobs: UnitJob[]): Promise<AggregateUnit[]> {
    const reply = await this.send({ task: 'aggregateUnits', jobs }, [], (m) => new ServiceError(m, 'internal'));
    if (!reply.ok) throw new ServiceError(reply.error.message, 'internal');
    return reply.value as AggregateUnit[];
  }

  private async send(task: ImportTask, transfer: ArrayBuffer[], wrap: (message: string) => Error): Promise<TaskReply> {
    try {
      return await this.pool.run(task, transfer);
    } catch (e) {
      if (e instanceof WorkerJobError) throw wrap(failureText(e));
      throw e;
    }
  }
}

/** Why a worker was stopped, for the clerk (the caller puts the file name in front). */
export function failureText(e: WorkerJobError): string {
  const tail = '这个文件可能异常（例如嵌套层次极深、内容被压缩得极大，或已损坏）。请改用网页版、Word 版或文本版再试。';
  if (e.reason === 'timeout') return `读取用时超过 ${Math.round(e.limits.timeoutMs / 100) / 10} 秒，已停止。${tail}`;
  if (e.reason === 'memory') return `读取需要的内存超过 ${e.limits.memoryMb} MB，已停止。${tail}`;
  return `读取时出错，已停止。${tail}`;
}

const serviceError = (name: string, message: string) => new ServiceError(`${name}：${message}`, 'invalid');

/** Base64 from the window to bytes that can be handed to the worker (moved, not copied). */
function fileBytes(file: ReportFileInput): { name: string; bytes: Uint8Array<ArrayBuffer> } {
  const name = typeof file?.name === 'string' && file.name ? basename(file.name) : '所选文件';
  if (typeof file?.data !== 'string') throw new ServiceError(`${name}：没有读到文件内容。请重新选择文件。`, 'invalid');
  const buf = Buffer.from(file.data, 'base64');
  // Small Buffers share one pooled ArrayBuffer: copy into one of its own before it is transferred.
  const bytes = new Uint8Array(buf.byteLength);
  bytes.set(buf);
  return { name, bytes };
}

function revive(error: TaskErrorData, name: string, as: 'load' | 'service'): Error {
  switch (error.type) {
    case 'load':
      return new LoadError(error.message);
    case 'service':
      return new ServiceError(error.message, (error.code as ServiceError['code']) ?? 'invalid');
    case 'import': {
      const text = error.message.startsWith(name) ? error.message : `${name}：${error.message}`;
      if (as === 'load') return new LoadError(text);
      return new ServiceError(text, 'invalid');
    }
    default: {
      const text = `${name}：读取时出错（${error.message.slice(0, 160)}）。文件可能已损坏或是不常见的格式；请改用网页版、Word 版或 PDF 版再试。`;
      return as === 'load' ? new LoadError(text) : new ServiceError(text, 'invalid');
    }
  }
}

let shared: ImportPool | null = null;

/** The process-wide pool of the CLI commands (idle workers do not keep the process alive). */
export function sharedImportPool(): ImportPool {
  shared ??= new ImportPool();
  return shared;
}

/** The CLI's `batch --jobs n` sets the size before the first file is read. */
export async function resetSharedImportPool(options?: ImportPoolOptions): Promise<ImportPool> {
  const old = shared;
  shared = new ImportPool(options);
  await old?.close();
  return shared;
}
