// Length: the tests of the service API, one short test per method.
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { validateReport } from '../../../shared/model/schema';
import type { Report } from '../../../shared/model/types';
import { SAMPLE_AGENCY, sampleReport } from '../../../shared/sample/sample-report';
import { API_METHODS } from '../../../shared/service/api';
import { defaultDataDir, osDataDir } from '../../../electron/services/index';
import { clock, serviceError, useTempDataDirs } from './helpers';

const tmp = useTempDataDirs();
const MIN = 60_000;

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Report;

describe('service: every API method on a real data folder', () => {
  it('implements every method of API_METHODS', () => {
    const s = tmp.open({ dataDir: tmp.dir() });
    for (const m of API_METHODS) expect(typeof s[m], m).toBe('function');
  });

  it('appInfo tells mode, folder and version', async () => {
    const dataDir = tmp.dir();
    const s = tmp.open({ dataDir, mode: 'electron', version: '1.2.3' });
    expect(await s.appInfo()).toEqual({
      version: '1.2.3',
      mode: 'electron',
      dataDir,
      platform: process.platform,
      defaultExportDir: expect.stringMatching(/年报导出$/),
    });
  });

  it('createReport writes a valid blank report with a suggested title and lists it', async () => {
    const dataDir = tmp.dir();
    const s = tmp.open({ dataDir });
    const r = await s.createReport({ agency: ' 和田县文化体育广播电视和旅游局 ', kind: 'department', year: 2024 });
    expect(r.title).toBe('和田县文化体育广播电视和旅游局2024年政府信息公开工作年度报告');
    expect(r.format).toBe('gov-2021');
    const file = join(dataDir, 'reports', `${r.meta.id}.json`);
    expect(validateReport(readJson(file)).ok).toBe(true);
    const lib = await s.listReports();
    expect(lib.reports.map((x) => x.id)).toEqual([r.meta.id]);
    expect(lib.reports[0]).toMatchObject({
      agency: '和田县文化体育广播电视和旅游局',
      year: 2024,
      status: 'draft',
      agencyKind: 'department',
    });
  });

  it('createReport refuses bad input with a Chinese message', async () => {
    const s = tmp.open({ dataDir: tmp.dir() });
    expect((await serviceError(s.createReport({ agency: '  ', kind: 'department', year: 2024 }))).message).toContain(
      '机关名称',
    );
    expect((await serviceError(s.createReport({ agency: 'x局', kind: 'bogus' as never, year: 2024 }))).code).toBe(
      'invalid',
    );
    expect((await serviceError(s.createReport({ agency: 'x局', kind: 'department', year: 1999 }))).message).toContain(
      '年度',
    );
    expect((await s.listReports()).reports).toHaveLength(0);
  });

  it('createSampleReport adds the sample with a fresh id; its checks are quiet', async () => {
    const s = tmp.open({ dataDir: tmp.dir() });
    const a = await s.createSampleReport();
    const b = await s.createSampleReport();
    expect(a.meta.id).not.toBe(b.meta.id);
    expect(a.agency.name).toBe(SAMPLE_AGENCY);
    const lib = await s.listReports();
    expect(lib.reports).toHaveLength(2);
    for (const r of lib.reports) expect([r.errors, r.warnings]).toEqual([0, 0]);
  });

  it('getReport returns what was saved; unknown and malformed ids are refused', async () => {
    const s = tmp.open({ dataDir: tmp.dir() });
    const r = await s.createSampleReport();
    expect(await s.getReport(r.meta.id)).toEqual(r);
    const missing = await serviceError(s.getReport('no-such-report'));
    expect(missing.code).toBe('not_found');
    expect(missing.message).toContain('找不到');
    expect((await serviceError(s.getReport('../settings'))).code).toBe('invalid');
    expect((await serviceError(s.getReport(42 as never))).code).toBe('invalid');
  });

  it('saveReport sets updatedAt, persists, and refreshes the listing', async () => {
    const c = clock();
    const dataDir = tmp.dir();
    const s = tmp.open({ dataDir, now: c.now });
    const r = await s.createSampleReport();
    c.advance(5000);
    const edited: Report = { ...r, title: '改过的标题', meta: { ...r.meta, status: 'review' } };
    const res = await s.saveReport(edited);
    expect(res).toEqual({ id: r.meta.id, updatedAt: c.now().toISOString() });
    expect(edited.meta.updatedAt).toBe(r.meta.updatedAt); // the caller's object is not mutated
    const onDisk = readJson(join(dataDir, 'reports', `${r.meta.id}.json`));
    expect(onDisk.title).toBe('改过的标题');
    expect(onDisk.meta.updatedAt).toBe(res.updatedAt);
    expect((await s.listReports()).reports[0]).toMatchObject({
      title: '改过的标题',
      status: 'review',
      updatedAt: res.updatedAt,
      errors: 0,
    });
    // Table 3 no longer balances: the listing counts the error.
    const cells = { ...r.cells, 't3.new_received.natural': (r.cells['t3.new_received.natural'] ?? 0) + 5 };
    await s.saveReport({ ...edited, cells });
    expect((await s.listReports()).reports[0]!.errors).toBeGreaterThan(0);
  });

  it('saveReport refuses an invalid report and leaves the saved file untouched', async () => {
    const dataDir = tmp.dir();
    const s = tmp.open({ dataDir });
    const r = await s.createSampleReport();
    const file = join(dataDir, 'reports', `${r.meta.id}.json`);
    const before = readFileSync(file);
    const err = await serviceError(s.saveReport({ ...r, year: 1800 }));
    expect(err.code).toBe('invalid');
    expect(err.message).toContain('无法保存');
    expect(err.message).toContain('$.year');
    const badId = await serviceError(s.saveReport({ ...r, meta: { ...r.meta, id: '../../etc/x' } }));
    expect(badId.code).toBe('invalid');
    expect(readFileSync(file)).toEqual(before);
  });

  it('saveReport of an unknown id adds a new report (imported); of a trashed one is refused', async () => {
    const s = tmp.open({ dataDir: tmp.dir() });
    const imported = { ...sampleReport(), meta: { ...sampleReport().meta, id: 'imported-1' } };
    await s.saveReport(imported);
    expect((await s.listReports()).reports.map((r) => r.id)).toEqual(['imported-1']);
    await s.deleteReport('imported-1');
    const err = await serviceError(s.saveReport(imported));
    expect(err.code).toBe('conflict');
    expect(err.message).toContain('回收站');
    expect((await s.listReports()).reports).toHaveLength(0);
  });

  it('duplicateReport: new id, same title, back to draft, original unchanged', async () => {
    const s = tmp.open({ dataDir: tmp.dir() });
    const r = await s.createSampleReport();
    await s.saveReport({
      ...r,
      meta: { ...r.meta, status: 'published', derivedFrom: { id: 'last-year', year: 2023 } },
    });
    const copy = await s.duplicateReport(r.meta.id);
    expect(copy.meta.id).not.toBe(r.meta.id);
    expect(copy.title).toBe(r.title);
    expect(copy.meta.status).toBe('draft');
    expect(copy.meta.derivedFrom).toEqual({ id: 'last-year', year: 2023 }); // not pointed at the original
    expect(copy.cells).toEqual(r.cells);
    expect((await s.getReport(r.meta.id)).meta.status).toBe('published');
    expect((await s.listReports()).reports).toHaveLength(2);
  });

  it('deleteReport moves to the trash with a backup; restoreReport brings it back', async () => {
    const c = clock();
    const dataDir = tmp.dir();
    const s = tmp.open({ dataDir, now: c.now });
    const keep = await s.createSampleReport();
    const r = await s.createReport({ agency: '某某局', kind: 'department', year: 2024 });
    c.advance(MIN);
    await s.deleteReport(r.meta.id);
    expect(existsSync(join(dataDir, 'reports', `${r.meta.id}.json`))).toBe(false);
    expect(existsSync(join(dataDir, 'trash', `${r.meta.id}.json`))).toBe(true);
    let lib = await s.listReports();
    expect(lib.reports.map((x) => x.id)).toEqual([keep.meta.id]);
    expect(lib.trash).toHaveLength(1);
    expect(lib.trash[0]).toMatchObject({ id: r.meta.id, deletedAt: c.now().toISOString() });
    expect((await s.listBackups(r.meta.id)).map((b) => b.reason)).toContain('delete');
    expect((await serviceError(s.getReport(r.meta.id))).message).toContain('回收站');
    await s.deleteReport(r.meta.id); // twice: nothing happens

    const back = await s.restoreReport(r.meta.id);
    expect(back).toEqual(r);
    lib = await s.listReports();
    expect(lib.reports).toHaveLength(2);
    expect(lib.trash).toHaveLength(0);
    expect((await serviceError(s.restoreReport(r.meta.id))).code).toBe('not_found');
    expect((await serviceError(s.deleteReport('nothing-here'))).code).toBe('not_found');
  });

  it('writes an auto backup at most every few minutes while editing', async () => {
    const c = clock();
    const s = tmp.open({ dataDir: tmp.dir(), now: c.now });
    const r = await s.createSampleReport(); // first backup
    for (let i = 0; i < 5; i++) {
      c.advance(20_000);
      await s.saveReport({ ...r, preamble: `第${i}次` });
    }
    expect(await s.listBackups(r.meta.id)).toHaveLength(1);
    c.advance(3 * MIN);
    await s.saveReport({ ...r, preamble: '三分钟后' });
    const backups = await s.listBackups(r.meta.id);
    expect(backups).toHaveLength(2);
    expect(backups[0]!.savedAt).toBe(c.now().toISOString()); // newest first
    expect(backups[0]!.size).toBeGreaterThan(1000);
  });

  it('keeps the last 20 backups plus one per day for 30 days', async () => {
    const c = clock('2025-03-01T12:00:00.000Z');
    const s = tmp.open({ dataDir: tmp.dir(), now: c.now });
    const r = await s.createSampleReport();
    // 40 days, 3 edits a day, 4 hours apart.
    for (let day = 0; day < 40; day++) {
      for (let k = 0; k < 3; k++) {
        c.advance(4 * 60 * MIN);
        await s.saveReport({ ...r, preamble: `${day}-${k}` });
      }
      c.advance(12 * 60 * MIN);
    }
    const backups = await s.listBackups(r.meta.id);
    const now = c.now().getTime();
    const recent = backups.slice(0, 20);
    const older = backups.slice(20);
    expect(recent).toHaveLength(20);
    const days = older.map((b) => new Date(b.savedAt).toDateString());
    expect(new Set(days).size).toBe(days.length); // one per day
    for (const b of older) expect(now - new Date(b.savedAt).getTime()).toBeLessThanOrEqual(30 * 86_400_000);
    expect(older.length).toBeGreaterThanOrEqual(20);
  });

  it('restoreBackup replaces a good report and keeps the replaced version as a backup', async () => {
    const c = clock();
    const s = tmp.open({ dataDir: tmp.dir(), now: c.now });
    const r = await s.createSampleReport();
    const [first] = await s.listBackups(r.meta.id);
    c.advance(10 * MIN);
    await s.saveReport({ ...r, title: '第二版' });
    c.advance(MIN);
    const restored = await s.restoreBackup(r.meta.id, first!.name);
    expect(restored.title).toBe(r.title);
    expect(restored.meta.updatedAt).toBe(c.now().toISOString());
    expect((await s.getReport(r.meta.id)).title).toBe(r.title);
    const backups = await s.listBackups(r.meta.id);
    expect(backups[0]!.reason).toBe('restore');
    const undo = await s.restoreBackup(r.meta.id, backups[0]!.name);
    expect(undo.title).toBe('第二版');
    expect((await serviceError(s.restoreBackup(r.meta.id, 'nope.json'))).code).toBe('not_found');
    expect((await serviceError(s.restoreBackup(r.meta.id, '../../settings.json'))).code).toBe('not_found');
  });

  it('settings: merge, null removes a key, survive a restart', async () => {
    const dataDir = tmp.dir();
    const s = tmp.open({ dataDir });
    expect(await s.getSettings()).toEqual({});
    await s.updateSettings({ defaultAgency: '某某局', exportDir: '/tmp/out' });
    expect(await s.updateSettings({ exportDir: null as never, defaultKind: 'department' })).toEqual({
      defaultAgency: '某某局',
      defaultKind: 'department',
    });
    await s.close();
    const again = tmp.open({ dataDir });
    expect(await again.getSettings()).toEqual({ defaultAgency: '某某局', defaultKind: 'department' });
    expect((await serviceError(again.updateSettings('x' as never))).code).toBe('invalid');
  });

  it('openReportFile adds a file, replaces the same id with a backup, refuses a non-report', async () => {
    const c = clock();
    const s = tmp.open({ dataDir: tmp.dir(), now: c.now });
    const r = await s.createSampleReport();
    const b64 = (x: unknown) => Buffer.from(JSON.stringify(x)).toString('base64');
    c.advance(MIN);
    const replaced = await s.openReportFile({ name: '2024年报.nianbao', data: b64({ ...r, title: '从文件打开' }) });
    expect(replaced.meta.id).toBe(r.meta.id);
    expect((await s.getReport(r.meta.id)).title).toBe('从文件打开');
    expect((await s.listBackups(r.meta.id)).some((x) => x.reason === 'replace')).toBe(true);
    const foreign = await s.openReportFile({
      name: 'a.json',
      data: b64({ ...r, meta: { ...r.meta, id: 'bad/../id' } }),
    });
    expect(foreign.meta.id).not.toBe('bad/../id');
    expect((await s.listReports()).reports).toHaveLength(2);
    const bad = await serviceError(s.openReportFile({ name: '通知.json', data: b64({ hello: 1 }) }));
    expect(bad.code).toBe('invalid');
    expect(bad.message).toContain('通知.json');
  });

  it('revealDataDir uses the injected revealPath, or says where the folder is', async () => {
    const dataDir = tmp.dir();
    const reveal = vi.fn(async () => undefined);
    const s = tmp.open({ dataDir, revealPath: reveal });
    await s.revealDataDir('backups');
    expect(reveal).toHaveBeenCalledWith(join(dataDir, 'backups'));
    await s.close();
    const t = tmp.open({ dataDir });
    const err = await serviceError(t.revealDataDir());
    expect(err.code).toBe('unsupported');
    expect(err.message).toContain(dataDir);
  });

  it('only one service may write a data folder: a second one opens read-only and names the first', async () => {
    const dataDir = tmp.dir();
    const s = tmp.open({ dataDir });
    const r = await s.createSampleReport();
    const second = tmp.open({ dataDir });
    const info = await second.appInfo();
    expect(info.readOnly).toMatch(
      new RegExp(`^只读：浏览器模式的年报编制助手（进程 ${process.pid}，自 .+ 起）正在使用这个数据文件夹。`),
    );
    // It can look…
    expect((await second.listReports()).reports.map((x) => x.id)).toEqual([r.meta.id]);
    expect((await second.getReport(r.meta.id)).meta.id).toBe(r.meta.id);
    // …but never write, and says why.
    const err = await serviceError(second.saveReport({ ...r, title: '第二个窗口的修改' }));
    expect(err.code).toBe('conflict');
    expect(err.message).toBe(`没有保存。${info.readOnly}`);
    for (const call of [
      () => second.createSampleReport(),
      () => second.deleteReport(r.meta.id),
      () => second.updateSettings({ defaultAgency: 'x' }),
    ])
      expect((await serviceError(call())).code).toBe('conflict');
    expect((await s.getReport(r.meta.id)).title).toBe(r.title);
    await second.close();
    // Closing the read-only one left the lock of the first in place.
    expect(existsSync(join(dataDir, 'nianbao.lock'))).toBe(true);
    await s.close();
    const t = tmp.open({ dataDir });
    expect((await t.appInfo()).readOnly).toBeUndefined();
    expect((await t.listReports()).reports).toHaveLength(1);
  });

  it('creates the data folder 700 and its files 600; narrows an older 755 folder', async () => {
    const parent = tmp.dir();
    const dataDir = join(parent, 'new', 'data');
    const s = tmp.open({ dataDir });
    const r = await s.createSampleReport();
    await s.updateSettings({ defaultAgency: '某某局' });
    await s.close();
    const mode = (p: string) => statSync(p).mode & 0o777;
    expect(mode(dataDir)).toBe(0o700);
    for (const d of ['reports', 'backups', 'trash', 'damaged']) expect(mode(join(dataDir, d)), d).toBe(0o700);
    expect(mode(join(dataDir, 'reports', `${r.meta.id}.json`))).toBe(0o600);
    expect(mode(join(dataDir, 'settings.json'))).toBe(0o600);
    expect(mode(join(dataDir, 'index.json'))).toBe(0o600);
    for (const b of readdirSync(join(dataDir, 'backups', r.meta.id)))
      expect(mode(join(dataDir, 'backups', r.meta.id, b))).toBe(0o600);
    chmodSync(dataDir, 0o755);
    const t = tmp.open({ dataDir });
    await t.listReports();
    expect(mode(dataDir)).toBe(0o700);
  });

  it('the index is a cache: written on close, rebuilt when stale, missing or broken', async () => {
    const dataDir = tmp.dir();
    const s = tmp.open({ dataDir });
    const r = await s.createSampleReport();
    await s.close();
    const index = JSON.parse(readFileSync(join(dataDir, 'index.json'), 'utf8'));
    expect(Object.keys(index.reports)).toEqual([r.meta.id]);

    // Changed behind the service's back (e.g. copied in from another machine): re-read.
    const file = join(dataDir, 'reports', `${r.meta.id}.json`);
    writeFileSync(file, JSON.stringify({ ...r, title: '外部修改的标题' }, null, 2));
    const t = tmp.open({ dataDir });
    expect((await t.listReports()).reports[0]!.title).toBe('外部修改的标题');
    await t.close();

    writeFileSync(join(dataDir, 'index.json'), '{"version": 1, "reports": {');
    const u = tmp.open({ dataDir });
    expect((await u.listReports()).reports.map((x) => x.id)).toEqual([r.meta.id]);
    await u.close();
    expect(readdirSync(join(dataDir, 'damaged')).some((n) => n.startsWith('index-'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dataDir, 'index.json'), 'utf8')).version).toBe(1);
  });

  it('a broken settings.json is kept aside and the settings start afresh', async () => {
    const dataDir = tmp.dir();
    const s = tmp.open({ dataDir });
    await s.updateSettings({ defaultAgency: '某某局' });
    await s.close();
    writeFileSync(join(dataDir, 'settings.json'), '\u0000\u0001garbage');
    const t = tmp.open({ dataDir });
    expect(await t.getSettings()).toEqual({});
    const aside = readdirSync(join(dataDir, 'damaged')).filter((n) => n.startsWith('settings-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dataDir, 'damaged', aside[0]!), 'utf8')).toBe('\u0000\u0001garbage');
    await t.updateSettings({ defaultKind: 'township' });
    expect(await t.getSettings()).toEqual({ defaultKind: 'township' });
  });

  it('removes temp files left by a crash when it starts', async () => {
    const dataDir = tmp.dir();
    const s = tmp.open({ dataDir });
    const r = await s.createSampleReport();
    await s.close();
    const leftover = join(dataDir, 'reports', `.${r.meta.id}.json.999.abcd.tmp`);
    writeFileSync(leftover, '{"half');
    const t = tmp.open({ dataDir });
    expect((await t.listReports()).reports).toHaveLength(1);
    expect(existsSync(leftover)).toBe(false);
  });

  it('a closed service refuses calls', async () => {
    const s = tmp.open({ dataDir: tmp.dir() });
    await s.close();
    expect((await serviceError(s.listReports())).message).toContain('已关闭');
  });
});

describe('defaultDataDir', () => {
  it('prefers --data-dir, then NIANBAO_DATA_DIR, then the OS user data folder', () => {
    expect(defaultDataDir(['node', 'x', '--data-dir', '/a/b'], {}, 'linux')).toBe('/a/b');
    expect(defaultDataDir(['node', 'x', '--data-dir=/c'], { NIANBAO_DATA_DIR: '/d' }, 'linux')).toBe('/c');
    expect(defaultDataDir(['node'], { NIANBAO_DATA_DIR: '/d' }, 'linux')).toBe('/d');
    expect(defaultDataDir(['node'], { XDG_CONFIG_HOME: '/home/u/.cfg' }, 'linux')).toBe('/home/u/.cfg/年报编制助手');
    expect(osDataDir('linux', {}, '/home/u')).toBe('/home/u/.config/年报编制助手');
    expect(osDataDir('win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'C:\\Users\\u')).toMatch(
      /Roaming[\\/]年报编制助手$/,
    );
  });
});
