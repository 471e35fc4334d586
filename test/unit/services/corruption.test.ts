import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../shared/model/types';
import type { NianbaoService } from '../../../electron/services/index';
import { clock, serviceError, useTempDataDirs } from './helpers';

const tmp = useTempDataDirs();
const MIN = 60_000;

const corruptions: [string, (good: string) => string | Buffer][] = [
  ['truncated JSON', (good) => good.slice(0, Math.floor(good.length / 2))],
  ['garbage bytes', () => Buffer.from([0xff, 0xfe, 0x00, 0x13, 0x37, 0x80, 0x81, 0x00, 0x00, 0x42])],
  ['valid JSON that is not a valid report', (good) => JSON.stringify({ ...JSON.parse(good), year: 'zwei', cells: 5 })],
  ['an empty file (power cut before the data reached the disk)', () => ''],
];

/** Two reports; the first saved in three versions minutes apart (so it has three backups). */
async function library(s: NianbaoService, c: ReturnType<typeof clock>) {
  const victim = await s.createSampleReport();
  const other = await s.createReport({ agency: '某某县人民政府', kind: 'government', year: 2023 });
  let last: Report = victim;
  for (const title of ['第二版', '第三版（最后一次正常保存）']) {
    c.advance(5 * MIN);
    last = { ...victim, title };
    await s.saveReport(last);
  }
  return { victim, other, lastTitle: last.title };
}

describe('a damaged report file', () => {
  for (const [what, corrupt] of corruptions) {
    it(`${what}: listed as damaged with its backups, restorable, kept aside`, async () => {
      const c = clock();
      const dataDir = tmp.dir();
      let s = tmp.open({ dataDir, now: c.now });
      const { victim, other, lastTitle } = await library(s, c);
      await s.close();

      const file = join(dataDir, 'reports', `${victim.meta.id}.json`);
      const broken = corrupt(readFileSync(file, 'utf8'));
      writeFileSync(file, broken);

      s = tmp.open({ dataDir, now: c.now });
      const lib = await s.listReports();
      expect(lib.reports.map((r) => r.id)).toEqual([other.meta.id]);
      expect(lib.damaged).toHaveLength(1);
      const d = lib.damaged[0]!;
      expect(d.id).toBe(victim.meta.id);
      expect(d.file).toBe(file);
      expect(d.problem).toMatch(/[\u4e00-\u9fff]/);
      expect(d.problem).toMatch(/损坏|有误|空的|JSON/);
      expect(d.backups.length).toBe(3);

      const err = await serviceError(s.getReport(victim.meta.id));
      expect(err.code).toBe('damaged');
      expect(err.message).toContain('备份');
      expect(await s.getReport(other.meta.id)).toEqual(other);

      c.advance(MIN);
      const restored = await s.restoreBackup(victim.meta.id, d.backups[0]!.name);
      expect(restored.title).toBe(lastTitle);
      expect((await s.getReport(victim.meta.id)).title).toBe(lastTitle);
      const after = await s.listReports();
      expect(after.damaged).toEqual([]);
      expect(after.reports).toHaveLength(2);

      const aside = readdirSync(join(dataDir, 'damaged')).filter((n) => n.startsWith(victim.meta.id));
      expect(aside).toHaveLength(1);
      expect(readFileSync(join(dataDir, 'damaged', aside[0]!))).toEqual(
        Buffer.isBuffer(broken) ? broken : Buffer.from(broken),
      );
    });
  }

  it('is never overwritten by a save: it is moved aside first', async () => {
    const c = clock();
    const dataDir = tmp.dir();
    const s = tmp.open({ dataDir, now: c.now });
    const r = await s.createSampleReport();
    const file = join(dataDir, 'reports', `${r.meta.id}.json`);
    writeFileSync(file, '{"kind": "nianbao.report", "sche');
    // The editor still holds the good version and autosaves it.
    c.advance(MIN);
    await s.saveReport({ ...r, title: '编辑器里的版本' });
    expect((await s.getReport(r.meta.id)).title).toBe('编辑器里的版本');
    const aside = readdirSync(join(dataDir, 'damaged'));
    expect(aside.map((n) => readFileSync(join(dataDir, 'damaged', n), 'utf8'))).toEqual([
      '{"kind": "nianbao.report", "sche',
    ]);
  });

  it('a backup that is itself broken is refused; an older one works', async () => {
    const c = clock();
    const dataDir = tmp.dir();
    const s = tmp.open({ dataDir, now: c.now });
    const { victim } = await library(s, c);
    const backups = await s.listBackups(victim.meta.id);
    writeFileSync(join(dataDir, 'backups', victim.meta.id, backups[0]!.name), '{broken');
    const err = await serviceError(s.restoreBackup(victim.meta.id, backups[0]!.name));
    expect(err.code).toBe('damaged');
    expect(err.message).toContain('更早的备份');
    expect((await s.restoreBackup(victim.meta.id, backups[1]!.name)).title).toBe('第二版');
  });

  it('a report file deleted outside the app is offered from its backups', async () => {
    const c = clock();
    const dataDir = tmp.dir();
    const s = tmp.open({ dataDir, now: c.now });
    const { victim } = await library(s, c);
    rmSync(join(dataDir, 'reports', `${victim.meta.id}.json`));
    const lib = await s.listReports();
    expect(lib.damaged.map((d) => d.id)).toEqual([victim.meta.id]);
    expect(lib.damaged[0]!.problem).toContain('不见了');
    await s.restoreBackup(victim.meta.id, lib.damaged[0]!.backups[0]!.name);
    expect((await s.listReports()).damaged).toEqual([]);
  });

  it('deleting a damaged entry keeps the file and its backups aside', async () => {
    const c = clock();
    const dataDir = tmp.dir();
    const s = tmp.open({ dataDir, now: c.now });
    const { victim } = await library(s, c);
    writeFileSync(join(dataDir, 'reports', `${victim.meta.id}.json`), 'garbage');
    await s.deleteReport(victim.meta.id);
    const lib = await s.listReports();
    expect(lib.damaged).toEqual([]);
    expect(lib.reports).toHaveLength(1);
    const aside = readdirSync(join(dataDir, 'damaged'));
    expect(aside.some((n) => n.endsWith('-backups'))).toBe(true);
    expect(
      aside.some((n) => n.endsWith('.json') && readFileSync(join(dataDir, 'damaged', n), 'utf8') === 'garbage'),
    ).toBe(true);
    expect(existsSync(join(dataDir, 'backups', victim.meta.id))).toBe(false);
  });
});
