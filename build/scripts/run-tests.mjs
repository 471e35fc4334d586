#!/usr/bin/env node
// Runs every test runner of the project and ends with one plain line: "N passed, N failed, N skipped"
// (CI reads "N passed, N failed" at its start). Every skipped test is listed before it with its reason.
// Steps: lint, typecheck (each tsconfig counts as one test), Vitest (unit), extra checks, Playwright (e2e).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const tmp = join(root, '.tmp');
mkdirSync(tmp, { recursive: true });
const only = process.argv.slice(2); // e.g. `npm test -- unit` runs only the unit step
const want = (step) => only.length === 0 || only.includes(step);

let passed = 0;
let failed = 0;
const failures = [];
/** Every failed test by name, printed last. */
const failedNames = [];
/** [runner, test name, reason] of every skipped test. */
const skips = [];

function run(cmd, args, opts = {}) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...opts.env } });
  return res.status ?? 1;
}

function count(name, ok) {
  if (ok) passed++;
  else {
    failed++;
    failures.push(name);
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** The skipped tests of a Playwright JSON report, with the reason given to test.skip(…), and its failed tests. */
function playwrightSkips(report, runner) {
  const walk = (suite, path) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests ?? []) {
        if (t.status === 'unexpected') {
          const err = (t.results ?? []).map((r) => r.error?.message ?? '').find(Boolean) ?? '';
          const where = [...path, spec.title].join(' › ');
          failedNames.push(`[${runner}] ${where} — ${err.split('\n').slice(0, 3).join(' ').slice(0, 400)}`);
        }
        if (t.status !== 'skipped') continue;
        const notes = [...(t.annotations ?? []), ...(t.results ?? []).flatMap((r) => r.annotations ?? [])];
        const reason = notes.find((a) => a.type === 'skip' && a.description)?.description ?? null;
        skips.push([runner, [...path, spec.title].join(' › '), reason]);
      }
    for (const child of suite.suites ?? []) walk(child, suite.title ? [...path, suite.title] : path);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
}

const npx = (bin) => join(root, 'node_modules', '.bin', bin);

// Lint first: ESLint (including the architecture boundaries) and Prettier, one count each.
if (want('lint')) {
  count('eslint', run(npx('eslint'), ['.']) === 0);
  count('prettier', run(npx('prettier'), ['--check', '.', '--log-level', 'warn']) === 0);
}

if (want('typecheck')) {
  for (const project of ['tsconfig.shared.json', 'tsconfig.node.json', 'tsconfig.renderer.json']) {
    count(`typecheck ${project}`, run(npx('tsc'), ['-p', project, '--noEmit']) === 0);
  }
}

if (want('unit')) {
  const out = join(tmp, 'vitest.json');
  const skipsOut = join(tmp, 'vitest-skips.json');
  rmSync(skipsOut, { force: true });
  const status = run(
    npx('vitest'),
    [
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
      `--reporter=${join(root, 'build', 'scripts', 'vitest-skips.mjs')}`,
    ],
    { env: { NIANBAO_SKIPS_JSON: skipsOut } },
  );
  const report = readJson(out);
  if (report) {
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    for (const s of readJson(skipsOut) ?? []) skips.push(['unit', `${s.file} › ${s.name}`, s.reason]);
    if (report.numFailedTests) failures.push(`${report.numFailedTests} unit test(s)`);
    // Named again at the end (with the start of the message) so a long log's tail says what broke.
    for (const s of report.testResults ?? [])
      for (const t of s.assertionResults ?? [])
        if (t.status === 'failed')
          failedNames.push(
            `[unit] ${s.name.replace(root, '')} › ${t.fullName} — ${String(t.failureMessages?.[0] ?? '')
              .split('\n')
              .slice(0, 3)
              .join(' ')
              .slice(0, 400)}`,
          );
    // A suite that failed to load has no tests in the counts: count it.
    const broken = (report.testResults ?? []).filter(
      (s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0,
    );
    for (const s of broken) count(`unit suite ${s.name}`, false);
  } else count('vitest run', status === 0);
}

for (const [step, script] of [
  ['dist', 'dist:check'],
  ['security', 'security:scan'],
]) {
  if (!want(step)) continue;
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  if (pkg.scripts?.[script]) count(script, run('npm', ['run', '--silent', script]) === 0);
}

if (want('e2e') && existsSync(join(root, 'playwright.config.ts'))) {
  const out = join(tmp, 'playwright.json');
  const status = run(npx('playwright'), ['test', '--reporter=list,json'], {
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: out },
  });
  const report = readJson(out);
  if (report?.stats) {
    passed += (report.stats.expected ?? 0) + (report.stats.flaky ?? 0);
    failed += report.stats.unexpected ?? 0;
    if (report.stats.unexpected) failures.push(`${report.stats.unexpected} e2e test(s)`);
    playwrightSkips(report, 'e2e');
    if (status !== 0 && !report.stats.unexpected) count('playwright run', false);
  } else count('playwright run', status === 0);
}

// The real desktop app under Playwright's _electron: runs where an Electron binary is installed,
// otherwise its tests report themselves skipped with the reason.
if (want('e2e-electron') && existsSync(join(root, 'test/e2e-electron/playwright.config.ts'))) {
  const out = join(tmp, 'playwright-electron.json');
  const status = run(
    npx('playwright'),
    ['test', '--config', 'test/e2e-electron/playwright.config.ts', '--reporter=list,json'],
    {
      env: { PLAYWRIGHT_JSON_OUTPUT_NAME: out },
    },
  );
  const report = readJson(out);
  if (report?.stats) {
    passed += (report.stats.expected ?? 0) + (report.stats.flaky ?? 0);
    failed += report.stats.unexpected ?? 0;
    if (report.stats.unexpected) failures.push(`${report.stats.unexpected} desktop e2e test(s)`);
    playwrightSkips(report, 'desktop e2e');
    if (status !== 0 && !report.stats.unexpected) count('playwright electron run', false);
  } else count('playwright electron run', status === 0);
}

if (skips.length) {
  console.log(`\nSkipped (${skips.length}):`);
  for (const [runner, name, reason] of skips) console.log(`  [${runner}] ${name} — ${reason ?? '（没有给出原因）'}`);
}
if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
for (const line of failedNames) console.log(`  ${line}`);
console.log(`\n${passed} passed, ${failed} failed, ${skips.length} skipped`);
process.exit(failed ? 1 : 0);
