import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerJobError, WorkerPool } from '../../../electron/services/import/worker-pool';

/**
 * The pool that isolates imports, with a worker that misbehaves on purpose: a job that runs past
 * its time or its heap is stopped alone, the next job gets a fresh worker, and the main thread
 * keeps running meanwhile.
 */

const script = { file: fileURLToPath(new URL('./fixtures/misbehaving-worker.mjs', import.meta.url)) };
const pools: WorkerPool<string, string>[] = [];
const open = (
  size = 1,
  timeoutMs = 1500,
  memoryMb = 32,
  more: { pipeline?: number; maxJobsPerWorker?: number } = {},
) => {
  const p = new WorkerPool<string, string>({ script, size, limits: { timeoutMs, memoryMb }, ...more });
  pools.push(p);
  return p;
};
afterEach(async () => {
  for (const p of pools.splice(0)) await p.close();
});

async function failure(promise: Promise<unknown>): Promise<WorkerJobError> {
  const e = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(WorkerJobError);
  return e as WorkerJobError;
}

describe('worker pool', () => {
  it('answers jobs in worker threads', async () => {
    const pool = open(2);
    expect(await Promise.all(['a', 'b', 'c'].map((x) => pool.run(x)))).toEqual(['echo:a', 'echo:b', 'echo:c']);
  });

  it('stops a job that runs past its time; the main thread ran meanwhile; the next job is served', async () => {
    const pool = open(1, 800);
    await pool.run('warm');
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 20);
    const e = await failure(pool.run('spin'));
    clearInterval(ticker);
    expect(e.reason).toBe('timeout');
    expect(e.limits.timeoutMs).toBe(800);
    // The main thread was never blocked by the spinning worker.
    expect(ticks).toBeGreaterThan(3);
    expect(await pool.run('after')).toBe('echo:after');
  });

  it('stops a worker that outgrows its heap', async () => {
    const pool = open(1, 60_000, 24);
    const e = await failure(pool.run('grow'));
    expect(e.reason).toBe('memory');
    expect(await pool.run('after')).toBe('echo:after');
  });

  it('reports a crashed worker and goes on', async () => {
    const pool = open(1);
    expect((await failure(pool.run('crash'))).reason).toBe('crashed');
    expect((await failure(pool.run('throw'))).reason).toBe('crashed');
    expect(await pool.run('after')).toBe('echo:after');
  });

  it('one stuck job does not hold up the other workers', async () => {
    const pool = open(2, 1500);
    const stuck = failure(pool.run('spin'));
    const others = await Promise.all(['x', 'y', 'z'].map((x) => pool.run(x)));
    expect(others).toEqual(['echo:x', 'echo:y', 'echo:z']);
    expect((await stuck).reason).toBe('timeout');
  });

  it('a worker that cannot start fails its job instead of waiting forever', async () => {
    const broken = new WorkerPool<string, string>({
      script: { file: fileURLToPath(new URL('./fixtures/does-not-exist.mjs', import.meta.url)) },
      size: 1,
      limits: { timeoutMs: 1000, memoryMb: 32 },
    });
    pools.push(broken);
    expect((await failure(broken.run('x'))).reason).toBe('crashed');
  });
});

describe('worker pool with two jobs per worker (batch)', () => {
  it('answers every job, each with its own reply', async () => {
    const pool = open(2, 1500, 32, { pipeline: 2 });
    const inputs = Array.from({ length: 12 }, (_, i) => `f${i}`);
    expect(await Promise.all(inputs.map((x) => pool.run(x)))).toEqual(inputs.map((x) => `echo:${x}`));
  });

  it('a job past its time fails alone: the job queued behind it in the same worker is read by the next', async () => {
    const pool = open(1, 800, 32, { pipeline: 2 });
    await pool.run('warm');
    const stuck = failure(pool.run('spin'));
    const behind = pool.run('behind');
    expect((await stuck).reason).toBe('timeout');
    expect(await behind).toBe('echo:behind');
  });

  it('a worker that outgrows its heap fails only the job it was running', async () => {
    const pool = open(1, 60_000, 24, { pipeline: 2 });
    const grown = failure(pool.run('grow'));
    const behind = pool.run('behind');
    expect((await grown).reason).toBe('memory');
    expect(await behind).toBe('echo:behind');
  });

  it('a worker at its job limit is replaced while it finishes, and no job is lost', async () => {
    const pool = open(2, 1500, 32, { pipeline: 2, maxJobsPerWorker: 3 });
    const inputs = Array.from({ length: 20 }, (_, i) => `g${i}`);
    expect(await Promise.all(inputs.map((x) => pool.run(x)))).toEqual(inputs.map((x) => `echo:${x}`));
  });
});
