// `npm run bench [-- name...] [--record]`: runs the benchmarks of test/bench/*.bench.ts and prints
// their figures. Only with --record are they written to docs/benchmarks.md (one section per
// benchmark, replaced on each recorded run, with the machine and its load); a plain run leaves the
// git tree as it was. Benchmarks are not tests: nothing here fails a build (npm test has no timing
// assertion); a figure that misses its target is printed and recorded as missed.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchFigure {
  metric: string;
  value: number;
  unit: string;
  /** e.g. "≤ 1.5× pandoc (median)" */
  target?: string;
  /** Whether the figure meets its target (undefined when there is none). */
  met?: boolean;
}

export interface Benchmark {
  name: string;
  title: string;
  /** How it was measured, recorded with the figures: what is compared with what, and how often. */
  method: string;
  run(): Promise<BenchFigure[]>;
}

const here = fileURLToPath(new URL('.', import.meta.url));
export const DOC = join(here, '..', '..', 'docs', 'benchmarks.md');

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB, ${type()} ${release()}, Node ${process.version}`;
}

/** The 1, 5 and 15 minute load averages (uptime's), as recorded with the figures. */
export const loadText = (l = loadavg()) => l.map((x) => x.toFixed(2)).join(' / ');

const fmt = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(4))) : '—');

function section(b: Benchmark, figures: BenchFigure[], at: Date, loadBefore: number[], loadAfter: number[]): string {
  const rows = figures.map(
    (f) =>
      `| ${f.metric} | ${fmt(f.value)} ${f.unit} | ${f.target ?? ''} | ${f.met === undefined ? '' : f.met ? 'yes' : '**no**'} |`,
  );
  return [
    `<!-- bench:${b.name} -->`,
    `## ${b.title}`,
    '',
    `${b.method}`,
    '',
    `Measured ${at.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}; load average (1 / 5 / 15 min) ${loadText(loadBefore)} before, ${loadText(loadAfter)} after.`,
    '',
    '| metric | value | target | met |',
    '|---|---|---|---|',
    ...rows,
    `<!-- /bench:${b.name} -->`,
  ].join('\n');
}

function record(block: string, name: string) {
  const head = '# Benchmarks\n\nRecorded by `npm run bench -- --record` (each run replaces its own sections).\n';
  let text = existsSync(DOC) ? readFileSync(DOC, 'utf8') : head;
  const re = new RegExp(`<!-- bench:${name} -->[\\s\\S]*?<!-- /bench:${name} -->`);
  text = re.test(text) ? text.replace(re, () => block) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(DOC, text);
}

async function main() {
  const argv = process.argv.slice(2);
  const save = argv.includes('--record');
  const only = argv.filter((a) => !a.startsWith('-'));
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const known: string[] = [];
  let missed = 0;
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: Benchmark };
    const b = mod.default;
    known.push(b.name);
    if (only.length && !only.includes(b.name)) continue;
    console.log(`\n== ${b.title}  (load ${loadText()})`);
    const loadBefore = loadavg();
    const at = new Date();
    const figures = await b.run();
    const loadAfter = loadavg();
    for (const f of figures) {
      console.log(
        `  ${f.metric}: ${fmt(f.value)} ${f.unit}${f.target ? `  (target ${f.target}${f.met === false ? ', NOT MET' : ''})` : ''}`,
      );
      if (f.met === false) missed++;
    }
    if (save) record(section(b, figures, at, loadBefore, loadAfter), b.name);
  }
  const unknown = only.filter((n) => !known.includes(n));
  if (unknown.length) console.log(`\nNo benchmark named ${unknown.join(', ')} (there are: ${known.join(', ')}).`);
  console.log(
    `\n${save ? 'Recorded in docs/benchmarks.md' : 'Not recorded (npm run bench -- --record writes docs/benchmarks.md)'}${missed ? `; ${missed} figure(s) miss their target` : ''}.`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
