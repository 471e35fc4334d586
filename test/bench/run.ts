// `npm run bench [-- name...]`: runs the benchmarks of test/bench/*.bench.ts, prints their
// figures and records them in docs/benchmarks.md (one section per benchmark, replaced on each run).
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchFigure {
  metric: string;
  value: number;
  unit: string;
  /** e.g. "< 1 ms (median)" */
  target?: string;
  /** Whether the figure meets its target (undefined when there is none). */
  met?: boolean;
}

export interface Benchmark {
  name: string;
  title: string;
  /** How it was measured, recorded with the figures. */
  method: string;
  run(): Promise<BenchFigure[]>;
}

const here = fileURLToPath(new URL('.', import.meta.url));
const doc = join(here, '..', '..', 'docs', 'benchmarks.md');

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`;
}

function section(b: Benchmark, figures: BenchFigure[]): string {
  const rows = figures.map(
    (f) =>
      `| ${f.metric} | ${Number(f.value.toPrecision(4))} ${f.unit} | ${f.target ?? ''} | ${f.met === undefined ? '' : f.met ? 'yes' : '**no**'} |`,
  );
  return [
    `<!-- bench:${b.name} -->`,
    `## ${b.title}`,
    '',
    `${b.method}`,
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}.`,
    '',
    '| metric | value | target | met |',
    '|---|---|---|---|',
    ...rows,
    `<!-- /bench:${b.name} -->`,
  ].join('\n');
}

function record(b: Benchmark, figures: BenchFigure[]) {
  const head = '# Benchmarks\n\nRecorded by `npm run bench` (each run replaces its own section).\n';
  let text = existsSync(doc) ? readFileSync(doc, 'utf8') : head;
  const block = section(b, figures);
  const re = new RegExp(`<!-- bench:${b.name} -->[\\s\\S]*?<!-- /bench:${b.name} -->`);
  text = re.test(text) ? text.replace(re, block) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(doc, text);
}

async function main() {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  let missed = 0;
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: Benchmark };
    const b = mod.default;
    if (only.length && !only.includes(b.name)) continue;
    console.log(`\n== ${b.title}`);
    const figures = await b.run();
    for (const f of figures) {
      console.log(
        `  ${f.metric}: ${Number(f.value.toPrecision(4))} ${f.unit}${f.target ? `  (target ${f.target}${f.met === false ? ', NOT MET' : ''})` : ''}`,
      );
      if (f.met === false) missed++;
    }
    record(b, figures);
  }
  console.log(`\nRecorded in docs/benchmarks.md${missed ? `; ${missed} figure(s) miss their target` : ''}.`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
