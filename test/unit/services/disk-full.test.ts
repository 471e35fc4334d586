import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFs, type StorageFs, type WritableHandle } from '../../../electron/services/index';
import { clock, serviceError, useTempDataDirs } from './helpers';

const tmp = useTempDataDirs();

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

type Fault = 'write' | 'sync' | 'rename' | null;

/**
 * The real file system, except that once armed a write really writes the first half of the data
 * and then fails like a full disk does (or fsync / rename fails).
 */
function faultyFs(): StorageFs & { arm(f: Fault, code?: string): void } {
  let fault: Fault = null;
  let code = 'ENOSPC';
  return {
    ...nodeFs,
    arm(f, c = 'ENOSPC') {
      fault = f;
      code = c;
    },
    async open(path, flags) {
      const h = await nodeFs.open(path, flags);
      if (flags !== 'wx' || !fault) return h;
      const wrapped: WritableHandle = {
        async writeFile(data) {
          if (fault !== 'write') return h.writeFile(data);
          await h.writeFile(
            typeof data === 'string' ? data.slice(0, data.length >> 1) : data.subarray(0, data.length >> 1),
          );
          throw errno(code);
        },
        async sync() {
          if (fault === 'sync') throw errno(code);
          return h.sync();
        },
        close: () => h.close(),
      };
      return wrapped;
    },
    async rename(from, to) {
      if (fault === 'rename' && from.endsWith('.tmp')) throw errno(code);
      return nodeFs.rename(from, to);
    },
  };
}

const temps = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

describe('a failing save (disk full, I/O error) never touches the saved report', () => {
  const cases: [Fault, string, RegExp][] = [
    ['write', 'ENOSPC', /保存失败：磁盘空间不足/],
    ['write', 'EDQUOT', /保存失败：磁盘空间不足/],
    ['sync', 'EIO', /保存失败：磁盘读写出错/],
    ['rename', 'EACCES', /保存失败：没有写入/],
    ['write', 'EROFS', /保存失败：.*只读/],
  ];
  for (const [fault, code, message] of cases) {
    it(`${code} during ${fault}`, async () => {
      const c = clock();
      const dataDir = tmp.dir();
      const fs = faultyFs();
      const s = tmp.open({ dataDir, fs, now: c.now });
      const r = await s.createSampleReport();
      const file = join(dataDir, 'reports', `${r.meta.id}.json`);
      const before = readFileSync(file);

      fs.arm(fault, code);
      c.advance(10 * 60_000);
      const err = await serviceError(s.saveReport({ ...r, title: '没能保存的版本' }));
      expect(err.code).toBe('io');
      expect(err.message).toMatch(message);
      expect(err.message).toContain('上次保存的内容没有受到影响');
      expect(readFileSync(file)).toEqual(before);
      expect(temps(join(dataDir, 'reports'))).toEqual([]);
      expect((await s.getReport(r.meta.id)).title).toBe(r.title);

      // Once the disk has room again, saving works.
      fs.arm(null);
      await s.saveReport({ ...r, title: '空间腾出后保存' });
      expect((await s.getReport(r.meta.id)).title).toBe('空间腾出后保存');
    });
  }

  it('settings: a failed write keeps the old settings, on disk and in memory', async () => {
    const dataDir = tmp.dir();
    const fs = faultyFs();
    const s = tmp.open({ dataDir, fs });
    await s.updateSettings({ defaultAgency: '旧单位' });
    fs.arm('write');
    const err = await serviceError(s.updateSettings({ defaultAgency: '新单位' }));
    expect(err.message).toMatch(/保存设置失败：磁盘空间不足/);
    expect(await s.getSettings()).toEqual({ defaultAgency: '旧单位' });
    expect(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'))).toEqual({ defaultAgency: '旧单位' });
  });

  it('delete: when the safety backup cannot be written, nothing is deleted', async () => {
    const dataDir = tmp.dir();
    const fs = faultyFs();
    const s = tmp.open({ dataDir, fs });
    const r = await s.createSampleReport();
    fs.arm('write');
    const err = await serviceError(s.deleteReport(r.meta.id));
    expect(err.message).toMatch(/备份失败：磁盘空间不足/);
    fs.arm(null);
    expect((await s.listReports()).reports.map((x) => x.id)).toEqual([r.meta.id]);
  });
});
