import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReportJson } from '../../../shared/model/schema';
import { createService } from '../../../electron/services/index';
import { versionNumber, versionOf } from './fixtures/versions';

/**
 * A child process saves one report in a loop and is killed (SIGKILL) at random moments, a few
 * hundred times. After every kill the report file must parse and be exactly the last version whose
 * save completed or the one being saved: never a mix, never broken, never an older one.
 */

/** A fixed count, whatever the machine's speed: a busy machine takes longer, it does not test less. */
const ROUNDS = 320;
const ID = 'durability-report';

const here = fileURLToPath(new URL('.', import.meta.url));
let work: string;
let bundle: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'nianbao-durability-'));
  bundle = join(work, 'save-loop.mjs');
  // One bundled file starts in ~50 ms on a quiet machine (a tsx start takes seconds), so hundreds of restarts stay short.
  await build({
    entryPoints: [join(here, 'fixtures', 'save-loop.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: bundle,
    logLevel: 'silent',
  });
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

interface Round {
  saving: number | null;
  saved: number | null;
  exitCode: number | null;
  stderr: string;
}

function runAndKill(dataDir: string, earlyKill: boolean): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, dataDir, ID], { stdio: ['ignore', 'pipe', 'pipe'] });
    const round: Round = { saving: null, saved: null, exitCode: null, stderr: '' };
    let buffer = '';
    let timer: NodeJS.Timeout | undefined;
    const kill = () => child.kill('SIGKILL');
    if (earlyKill) timer = setTimeout(kill, Math.random() * 80);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const [word, num] = buffer.slice(0, nl).split(' ');
        buffer = buffer.slice(nl + 1);
        if (word === 'saving') round.saving = Number(num);
        else if (word === 'saved') round.saved = Number(num);
        else if (word === 'ready' && !earlyKill) timer = setTimeout(kill, Math.random() * 25);
      }
    });
    child.stderr.on('data', (d) => (round.stderr += String(d)));
    child.on('error', reject);
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      round.exitCode = code;
      resolve(round);
    });
  });
}

describe('durability under SIGKILL', () => {
  it(`the report file is always exactly the old or the new version (${ROUNDS} kills)`, async () => {
    const dataDir = join(work, 'data');
    const setup = createService({ dataDir, mode: 'browser', log: () => undefined });
    await setup.saveReport(versionOf(ID, 0));
    await setup.close();

    const file = join(dataDir, 'reports', `${ID}.json`);
    let current = 0;
    let rounds = 0;
    let roundsWithSaves = 0;
    let maxVersion = 0;
    const started = Date.now();
    for (; rounds < ROUNDS; rounds++) {
      const r = await runAndKill(dataDir, rounds % 10 === 9);
      // Killed, not crashed: a crash (e.g. the lock refusing) would exit with a code.
      expect(r.exitCode, r.stderr).toBeNull();

      const text = readFileSync(file, 'utf8');
      const parsed = parseReportJson(text);
      expect(parsed.ok, `round ${rounds}: the report file does not parse`).toBe(true);
      if (!parsed.ok) return;
      const n = versionNumber(parsed.report);
      const allowed = r.saving === null ? [current] : [r.saved ?? current, r.saving];
      expect(allowed, `round ${rounds}: file holds version ${n}`).toContain(n);
      const { updatedAt: _u, ...meta } = parsed.report.meta;
      const expected = versionOf(ID, n);
      const { updatedAt: _e, ...expectedMeta } = expected.meta;
      expect({ ...parsed.report, meta }).toEqual({ ...expected, meta: expectedMeta });

      const index = join(dataDir, 'index.json');
      if (existsSync(index)) expect(() => JSON.parse(readFileSync(index, 'utf8'))).not.toThrow();
      if (r.saving !== null) roundsWithSaves++;
      current = n;
      maxVersion = Math.max(maxVersion, n);
    }
    console.log(
      `durability: ${rounds} kills in ${Date.now() - started} ms, ${roundsWithSaves} during saving, ${maxVersion} versions saved`,
    );
    expect(rounds).toBe(ROUNDS);
    expect(roundsWithSaves).toBeGreaterThanOrEqual(rounds * 0.6);

    // A normal start afterwards: temp files of killed saves are gone, nothing is damaged, every backup reads.
    const after = createService({ dataDir, mode: 'browser', log: () => undefined });
    const lib = await after.listReports();
    await after.close();
    expect(lib.damaged).toEqual([]);
    expect(lib.reports.map((x) => x.id)).toEqual([ID]);
    expect(readdirSync(join(dataDir, 'reports'))).toEqual([`${ID}.json`]);
    const backupDir = join(dataDir, 'backups', ID);
    for (const name of readdirSync(backupDir)) {
      expect(name.endsWith('.tmp'), name).toBe(false);
      expect(parseReportJson(readFileSync(join(backupDir, name), 'utf8')).ok, name).toBe(true);
    }
  }, 1_200_000); // a hang detector only: ~30 s on a quiet machine, several minutes with both cores busy
});
