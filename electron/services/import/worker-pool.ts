import { Worker, type ResourceLimits, type Transferable } from 'node:worker_threads';

/**
 * A small pool of worker threads with a wall-clock limit per job and a memory cap per worker.
 * Imports run here so that a hostile or broken file can neither block the server / the Electron
 * main process (the thread that answers the window) nor take the whole process down: a job over
 * its time is stopped by terminating its worker, a worker over its heap dies alone, and either way
 * the pool starts a fresh worker for the next job.
 *
 * Generic: the worker script posts `{ ready: true }` once its modules are loaded (start-up is not
 * counted against a job's time), then answers each `{ id, input }` message with `{ id, reply }`,
 * one job after the other in the order they came; what the input and reply mean is the caller's
 * business (see isolated-import.ts). The pool rejects only with WorkerJobError (timeout, memory,
 * crash).
 *
 * With `pipeline` > 1 (batch), a worker is handed its next job before it has answered the current
 * one, so it never waits for the main thread between two files (on a busy machine the main thread
 * may not be scheduled at once). Only the job at the head of a worker is running: its time limit
 * starts when the job before it was answered, and when a worker is stopped the jobs queued behind
 * the failed one go back to the front of the queue, not blamed.
 */

export interface WorkerLimits {
  /** Wall-clock time one job may take, in ms. */
  timeoutMs: number;
  /** V8 heap (old generation) of one worker, in MB. */
  memoryMb: number;
}

export type WorkerFailure = 'timeout' | 'memory' | 'crashed';

export class WorkerJobError extends Error {
  override readonly name = 'WorkerJobError';
  constructor(
    readonly reason: WorkerFailure,
    readonly limits: WorkerLimits,
    detail = '',
  ) {
    super(`worker job failed: ${reason}${detail ? ` (${detail})` : ''}`);
  }
}

/** How to start a worker: a script file, plus data it reads from workerData. */
export interface WorkerScript {
  file: string | URL;
  workerData?: unknown;
  execArgv?: string[];
}

export interface PoolOptions {
  script: WorkerScript;
  /** Workers at most (jobs beyond wait in order). */
  size: number;
  limits: WorkerLimits;
  /** An idle worker is stopped after this long (frees the memory a large file left behind). */
  idleMs?: number;
  /** A worker is replaced after this many jobs (caches of the readers do not grow forever). */
  maxJobsPerWorker?: number;
  /** Jobs handed to one worker at a time (default 1: a job never waits behind a slow file). */
  pipeline?: number;
}

interface Job {
  id: number;
  input: unknown;
  transfer: Transferable[];
  resolve(reply: unknown): void;
  reject(error: unknown): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Jobs handed to the worker, in order; the first is the one running. */
  inFlight: Job[];
  /** Jobs handed to this worker in all. */
  jobs: number;
  timer: NodeJS.Timeout | null;
  idleTimer: NodeJS.Timeout | null;
  /** Why the pool itself ended this worker (so its exit is not reported as a crash). */
  ending: WorkerFailure | 'idle' | 'closed' | null;
}

let nextJobId = 1;

const describe = (e: unknown) => (e instanceof Error ? e.message : e === undefined ? '' : String(e));

export class WorkerPool<In, Out> {
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private closed = false;

  constructor(private readonly options: PoolOptions) {}

  get limits(): WorkerLimits {
    return this.options.limits;
  }

  get size(): number {
    return this.options.size;
  }

  /** Starts the workers now (a batch does not want the first files to pay for start-up). */
  warm(count = this.options.size): void {
    while (!this.closed && this.slots.size < Math.min(count, this.options.size)) this.spawn();
  }

  run(input: In, transfer: Transferable[] = []): Promise<Out> {
    if (this.closed) return Promise.reject(new Error('worker pool is closed'));
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ id: nextJobId++, input, transfer, resolve: resolve as (r: unknown) => void, reject });
      this.dispatch();
    });
  }

  /** Stops every worker; jobs still waiting or running are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('worker pool is closed'));
    await Promise.all([...this.slots].map((slot) => this.end(slot, 'closed')));
  }

  private dispatch(): void {
    const depth = Math.max(1, this.options.pipeline ?? 1);
    const max = this.options.maxJobsPerWorker ?? 200;
    while (this.queue.length) {
      // The least loaded worker that can take one more (a worker near its job limit takes no more).
      let slot: Slot | undefined;
      for (const s of this.slots) {
        if (!s.ready || s.ending !== null || s.inFlight.length >= depth || s.jobs >= max) continue;
        if (!slot || s.inFlight.length < slot.inFlight.length) slot = s;
      }
      if (!slot) {
        // Workers still starting will take the waiting jobs when they are ready.
        const starting = [...this.slots].filter((s) => !s.ready).length;
        const live = [...this.slots].filter((s) => s.ending === null && (s.jobs < max || !s.ready)).length;
        if (live < this.options.size && this.slots.size < this.options.size + 1 && starting < this.queue.length) {
          this.spawn();
          continue;
        }
        return;
      }
      this.start(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot {
    const { script, limits } = this.options;
    const resourceLimits: ResourceLimits = {
      maxOldGenerationSizeMb: limits.memoryMb,
      maxYoungGenerationSizeMb: Math.max(4, Math.min(48, Math.floor(limits.memoryMb / 8))),
      stackSizeMb: 4,
    };
    const worker = new Worker(script.file, {
      workerData: script.workerData,
      resourceLimits,
      ...(script.execArgv ? { execArgv: script.execArgv } : {}),
    });
    const slot: Slot = { worker, ready: false, inFlight: [], jobs: 0, timer: null, idleTimer: null, ending: null };
    this.slots.add(slot);
    // Loading the modules of a worker is not the file's fault, but a worker that never starts is broken.
    slot.timer = setTimeout(() => void this.end(slot, 'crashed'), Math.max(60_000, limits.timeoutMs));
    slot.timer.unref();
    worker.on('message', (msg: { id?: number; reply?: unknown; ready?: boolean }) => {
      if (msg?.ready === true && !slot.ready) {
        slot.ready = true;
        if (slot.timer) clearTimeout(slot.timer);
        slot.timer = null;
        this.idle(slot);
        this.dispatch();
        return;
      }
      const job = slot.inFlight[0];
      if (!job || msg?.id !== job.id) return;
      this.finish(slot);
      job.resolve(msg.reply);
      if (slot.inFlight.length) this.startTimer(slot);
      else if (slot.jobs >= (this.options.maxJobsPerWorker ?? 200)) void this.end(slot, 'idle');
      else this.idle(slot);
      this.dispatch();
    });
    let failure: unknown;
    worker.on('error', (e) => {
      failure = e;
    });
    worker.on('exit', () => {
      this.slots.delete(slot);
      if (slot.timer) clearTimeout(slot.timer);
      if (slot.idleTimer) clearTimeout(slot.idleTimer);
      const [job, ...behind] = slot.inFlight;
      slot.inFlight = [];
      // Jobs queued behind the one that failed never started: they go first to the next worker.
      if (this.closed) for (const j of behind) j.reject(new Error('worker pool is closed'));
      else this.queue.unshift(...behind);
      // A worker that could not even start fails the job that waited for it, not silently forever.
      if (!slot.ready && !job && slot.ending !== 'idle' && slot.ending !== 'closed') {
        const waiting = this.queue.shift();
        waiting?.reject(new WorkerJobError('crashed', this.options.limits, describe(failure)));
      }
      if (job) {
        const code = (failure as { code?: string } | undefined)?.code;
        const reason: WorkerFailure =
          slot.ending === 'timeout'
            ? 'timeout'
            : slot.ending === 'memory' || code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? 'memory'
              : 'crashed';
        job.reject(new WorkerJobError(reason, this.options.limits, describe(failure)));
      }
      if (!this.closed) this.dispatch();
    });
    return slot;
  }

  private start(slot: Slot, job: Job): void {
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    try {
      slot.worker.postMessage({ id: job.id, input: job.input }, job.transfer);
    } catch (e) {
      job.reject(e);
      if (!slot.inFlight.length) this.idle(slot);
      return;
    }
    slot.inFlight.push(job);
    slot.jobs++;
    // A busy worker keeps the process alive (a CLI waiting for it must not exit); an idle one does not.
    slot.worker.ref();
    if (slot.inFlight.length === 1) this.startTimer(slot);
  }

  /** The time limit of the job now running in the worker (the head of its jobs). */
  private startTimer(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => void this.end(slot, 'timeout'), this.options.limits.timeoutMs);
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.inFlight.shift();
  }

  private idle(slot: Slot): void {
    slot.worker.unref();
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = setTimeout(() => void this.end(slot, 'idle'), this.options.idleMs ?? 30_000);
    slot.idleTimer.unref();
  }

  private async end(slot: Slot, why: NonNullable<Slot['ending']>): Promise<void> {
    if (slot.ending !== null) return;
    slot.ending = why;
    if (slot.timer) clearTimeout(slot.timer);
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    this.slots.delete(slot);
    await slot.worker.terminate().catch(() => undefined);
    // A replacement starts as soon as a job waits (dispatch counts live slots only).
    if (!this.closed) this.dispatch();
  }
}
