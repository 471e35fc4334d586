import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, type BenchFigure } from '../run';

/**
 * Like-with-like comparisons for the benchmarks, each run interleaved (A, B, C, A, B, C…) so that a
 * change of the machine's load falls on every case alike, reported as min and median:
 * - whole processes against whole processes (our CLI against pandoc, pdftotext, LibreOffice), with
 *   wall time and the CPU time of the process and its children (GNU time, where installed);
 * - warm in-process work against warm in-process work.
 */

export interface ProcessCase {
  label: string;
  cmd: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Throws when a run did not do its work (wrong exit code, no output file…). */
  check?: (run: { code: number; stdout: string; stderr: string }) => void;
}

export interface Samples {
  /** Wall time of each run, ms. */
  wall: number[];
  /** User + system CPU time of each run and its children, ms (empty without GNU time). */
  cpu: number[];
  /** Largest resident set of each run, MB (GNU time's %M; worker threads included; empty without it). */
  rss: number[];
}

const GNU_TIME = '/usr/bin/time';
export const hasGnuTime = existsSync(GNU_TIME);

function once(c: ProcessCase, timeFile: string): Promise<{ wall: number; cpu: number; rss: number }> {
  return new Promise((resolve, reject) => {
    const [cmd, args] = hasGnuTime ? [GNU_TIME, ['-f', '%U %S %M', '-o', timeFile, c.cmd, ...c.args]] : [c.cmd, c.args];
    const started = performance.now();
    const child = spawn(cmd, args, { cwd: c.cwd, env: { ...process.env, ...c.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      const wall = performance.now() - started;
      try {
        c.check?.({ code: code ?? 1, stdout, stderr });
      } catch (e) {
        reject(new Error(`${c.label}: ${e instanceof Error ? e.message : String(e)}\n${stderr.slice(0, 2000)}`));
        return;
      }
      let cpu = NaN;
      let rss = NaN;
      if (hasGnuTime) {
        const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
        const [user, sys, maxKb] = last.split(' ').map(Number);
        cpu = ((user ?? NaN) + (sys ?? NaN)) * 1000;
        rss = (maxKb ?? NaN) / 1024;
      }
      resolve({ wall, cpu, rss });
    });
  });
}

/** Runs the cases interleaved: `warmup` rounds not counted, then `runs` rounds. */
export async function compareProcesses(
  cases: ProcessCase[],
  { runs, warmup = 1 }: { runs: number; warmup?: number },
): Promise<Record<string, Samples>> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-time-'));
  const out: Record<string, Samples> = Object.fromEntries(cases.map((c) => [c.label, { wall: [], cpu: [], rss: [] }]));
  try {
    for (let round = 0; round < warmup + runs; round++) {
      for (const c of cases) {
        const t = await once(c, join(dir, 'time.txt'));
        if (round < warmup) continue;
        out[c.label]!.wall.push(t.wall);
        if (Number.isFinite(t.cpu)) out[c.label]!.cpu.push(t.cpu);
        if (Number.isFinite(t.rss)) out[c.label]!.rss.push(t.rss);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

/** Warm in-process work, interleaved, after `warmup` uncounted rounds. */
export async function compareInProcess(
  cases: { label: string; fn: () => unknown }[],
  { runs, warmup = 3 }: { runs: number; warmup?: number },
): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = Object.fromEntries(cases.map((c) => [c.label, []]));
  for (let round = 0; round < warmup + runs; round++) {
    for (const c of cases) {
      const t = performance.now();
      await c.fn();
      if (round >= warmup) out[c.label]!.push(performance.now() - t);
    }
  }
  return out;
}

const r = (x: number) => Number(x.toPrecision(3));

/** One figure for a whole process: median wall time, with min and CPU alongside. */
export function processFigure(metric: string, s: Samples, extra: Partial<BenchFigure> = {}): BenchFigure {
  const cpu = s.cpu.length ? `; CPU median ${r(median(s.cpu))} ms, min ${r(Math.min(...s.cpu))}` : '';
  return {
    metric,
    value: median(s.wall),
    unit: `ms wall median (min ${r(Math.min(...s.wall))}${cpu})`,
    ...extra,
  };
}

/**
 * a / b as one figure: the ratio of the medians, with the ratio of the minima alongside.
 * `target` is the largest ratio allowed (met when the median ratio is within it).
 */
export function ratioFigure(metric: string, a: number[], b: number[], target?: number): BenchFigure {
  const med = median(a) / median(b);
  const min = Math.min(...a) / Math.min(...b);
  return {
    metric,
    value: med,
    unit: `× (medians; minima ${r(min)}×)`,
    ...(target !== undefined ? { target: `≤ ${target}×`, met: med <= target } : {}),
  };
}
