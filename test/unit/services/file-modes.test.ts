import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { writeOpenPage, writeSession } from '../../../electron/server/session';
import { itUnless } from '../../fixtures/skip';
import { useTempDataDirs } from './helpers';

/**
 * The data folder is the user's alone whatever the umask (issue 14 item 7): every folder the app
 * makes is 700 and every file it writes 600 — with a umask that would widen them (000) and with one
 * that would narrow them past use (277: folders the app could not write into, files it could not
 * rewrite). Runs in a forked test process (vitest pool "forks"), where process.umask may be set.
 */

const tmp = useTempDataDirs();
const mode = (p: string) => statSync(p).mode & 0o777;

/** Every folder and file under `dir`, with its mode. */
function modes(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (d: string, rel: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      const r = rel ? `${rel}/${e.name}` : e.name;
      out[r] = mode(p);
      if (e.isDirectory()) walk(p, r);
    }
  };
  walk(dir, '');
  return out;
}

const canUmask = (() => {
  try {
    process.umask(process.umask());
    return null;
  } catch {
    return 'process.umask 在此测试环境中不可用（需要 vitest 的 forks 进程池）';
  }
})();

describe('data files 600 and folders 700, whatever the umask', () => {
  for (const umask of [0o000, 0o022, 0o277]) {
    itUnless(canUmask, `umask ${umask.toString(8).padStart(3, '0')}`, async () => {
      const parent = tmp.dir();
      const dataDir = join(parent, 'nested', 'nianbao');
      const before = process.umask(umask);
      try {
        const s = tmp.open({ dataDir });
        const r = await s.createSampleReport();
        await s.saveReport({ ...r, title: `${r.title}（改）` });
        await s.updateSettings({ defaultAgency: '某某局' });
        const other = await s.createSampleReport();
        await s.deleteReport(other.meta.id);
        writeSession(dataDir, { secret: 'x'.repeat(43), port: 1234 });
        writeOpenPage(dataDir, 'http://127.0.0.1:1234', 'code');
        // The lock, while it is held.
        expect(mode(join(dataDir, 'nianbao.lock'))).toBe(0o600);
        await s.close();
        expect(mode(join(parent, 'nested'))).toBe(0o700);
        expect(mode(dataDir)).toBe(0o700);
        const all = modes(dataDir);
        for (const name of ['reports', 'backups', 'trash', 'settings.json', 'index.json', 'browser-session.json'])
          expect(Object.keys(all), name).toContain(name);
        expect(Object.keys(all).filter((p) => p.startsWith('backups/')).length).toBeGreaterThan(1);
        for (const [p, m] of Object.entries(all)) {
          const isDir = statSync(join(dataDir, p)).isDirectory();
          expect(m.toString(8), p).toBe(isDir ? '700' : '600');
        }
      } finally {
        process.umask(before);
      }
    });
  }
});
