// Compares the check engine of another checkout with this one, interleaved in one process (the VM's
// speed drifts from minute to minute, so separate runs cannot tell engines apart): first check of the
// bench report (nothing cached, fresh copies, last year's report given) and re-check after a cell edit.
//
//   git archive <commit> shared templates | tar -x -C .tmp/engine-old
//   npx tsx test/bench/compare-engines.ts .tmp/engine-old [rounds]
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as current from '../../shared/checks/index';
import type { Report } from '../../shared/model/types';
import { withCells } from '../fixtures/factory';
import { LAST_POOL, longReport } from './checks.bench';
import { median } from './run';

type Engine = Pick<typeof current, 'runChecks' | 'clearCheckCaches'>;

const oldRoot = process.argv[2];
if (!oldRoot)
  throw new Error('usage: compare-engines.ts <folder with shared/ and templates/ of the other engine> [rounds]');
const rounds = Number(process.argv[3] ?? 400);
const other = (await import(pathToFileURL(resolve(oldRoot, 'shared/checks/index.ts')).href)) as Engine;

const now = longReport(2024, 10_000, 0);
const last = longReport(2023, 10_000, 3, LAST_POOL);

function first(e: Engine): number {
  const r = structuredClone(now);
  const l = structuredClone(last);
  e.clearCheckCaches();
  const t0 = performance.now();
  e.runChecks(r, { last: l });
  return performance.now() - t0;
}
function recheck(e: Engine, i: number, base: Report): number {
  const edited = withCells(base, { 't2.licensing.decisions': 447228 + i });
  const t0 = performance.now();
  e.runChecks(edited, { last });
  return performance.now() - t0;
}

const engines: [string, Engine][] = [
  ['other', other],
  ['this', current],
];
const times: Record<string, { first: number[]; recheck: number[] }> = {
  other: { first: [], recheck: [] },
  this: { first: [], recheck: [] },
};
for (let i = 0; i < rounds + 50; i++) {
  // Alternate which engine goes first, so neither always runs on a warmer cache.
  const order = i % 2 ? engines : [...engines].reverse();
  for (const [name, e] of order) {
    const f = first(e);
    e.runChecks(now, { last });
    const r = recheck(e, i, now);
    if (i >= 50) {
      times[name]!.first.push(f);
      times[name]!.recheck.push(r);
    }
  }
}
const fmt = (xs: number[]) => `min ${Math.min(...xs).toFixed(3)}  median ${median(xs).toFixed(3)} ms`;
for (const [name] of engines) {
  console.log(`${name.padEnd(5)} first check: ${fmt(times[name]!.first)}   re-check: ${fmt(times[name]!.recheck)}`);
}
const ratio = median(times.this!.first) / median(times.other!.first);
console.log(`first check, this / other (medians): ${(ratio * 100).toFixed(1)} %`);
console.log(
  `findings: other ${other.runChecks(structuredClone(now), { last }).length}, this ${current.runChecks(structuredClone(now), { last }).length}`,
);
