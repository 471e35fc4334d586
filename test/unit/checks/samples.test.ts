import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runChecks } from '../../../shared/checks/index';
import type { Finding } from '../../../shared/checks/types';
import { importFile } from '../../../electron/services/import/node-import';
import { describeUnless } from '../../fixtures/skip';

/**
 * The check engine on the real published reports of ../shared/samples, read by the importer: exactly
 * the findings checks.md expects, and nothing else above “info” (no false alarm on real text).
 */

const SAMPLES = join(__dirname, '..', '..', '..', '..', 'shared', 'samples');
const present = existsSync(SAMPLES);

const NOW = new Date('2025-06-01T00:00:00Z');
const load = async (rel: string) => (await importFile(join(SAMPLES, rel), { now: NOW })).report;
const loud = (fs: Finding[]) =>
  fs
    .filter((f) => f.severity !== 'info')
    .map((f) => `${f.rule}:${f.fingerprint}`)
    .sort();

describeUnless(!present && `没有样本文件夹 ${SAMPLES}（../shared/samples）`, 'checks on the imported samples', () => {
  it('04_huaian_2024 (PDF and text): consistent — no finding at all, no TEXT-NUMBER/TEXT-CLAIM', async () => {
    for (const ext of ['txt', 'pdf']) {
      const f = runChecks(await load(`published/04_huaian_2024.${ext}`), { mode: 'import', now: NOW });
      expect(
        f.map((x) => `${x.rule}: ${x.message}`),
        ext,
      ).toEqual([]);
    }
  });

  it('03_hongze_2024: TEXT-NUMBER 17 vs 95, the single （六） row, nothing else', async () => {
    const r = await load('published/03_hongze_2024.txt');
    const f = runChecks(r, { mode: 'import', now: NOW });
    expect(loud(f)).toEqual(['FORMAT-VERSION:mixed-other', 'TEXT-NUMBER:received|受理政府信息公开申请17件']);
    expect(f.find((x) => x.rule === 'TEXT-NUMBER')).toMatchObject({ expected: 95, actual: 17 });
  });

  it('02_hongze_2023: T4-TOTAL twice, the single （六） row, nothing else', async () => {
    const f = runChecks(await load('published/02_hongze_2023.txt'), { mode: 'import', now: NOW });
    expect(loud(f)).toEqual([
      'FORMAT-VERSION:mixed-other',
      'T4-TOTAL:t4.lit_after_review.total',
      'T4-TOTAL:t4.review.total',
    ]);
  });

  it('洪泽 2023 → 2024: the carry-over and in-force chains hold; the reused paragraph is found', async () => {
    const last = await load('published/02_hongze_2023.txt');
    const now = await load('published/03_hongze_2024.txt');
    const f = runChecks(now, { mode: 'import', last, now: NOW }).filter((x) => x.rule.startsWith('X-'));
    expect(f.map((x) => x.rule)).toEqual(['X-REUSED-TEXT']);
    expect(f[0]!.message).toContain('政府信息管理情况');
  });

  it('seeds/001: all-zero tables and “未收到…申请” stay quiet; the title and the broken document number are found', async () => {
    const f = runChecks(await load('seeds/001_a764da6704024da5.txt'), { mode: 'import', now: NOW });
    expect(loud(f)).toEqual(['TITLE:title']);
    expect(f.some((x) => x.rule === 'PUNCTUATION' && x.message.includes('国办函〔2020〕109号'))).toBe(true);
  });

  it('seeds/004: 果耶镇 naming 拱坝镇 and the lost tables, nothing else', async () => {
    const f = runChecks(await load('seeds/004_d08ad58329de4230.txt'), { mode: 'import', now: NOW });
    expect(loud(f)).toEqual([
      'SECTION-EMPTY:proactive',
      'SECTION-EMPTY:requests',
      'SECTION-EMPTY:review',
      'TEXT-FOREIGN-AGENCY:name|拱坝镇',
    ]);
  });

  it('seeds/003: a 2016 report published in October is late', async () => {
    const f = runChecks(await load('seeds/003_83551972ef49ba1f.txt'), { mode: 'import', now: NOW });
    expect(loud(f)).toEqual(['PUBLISH-DEADLINE:deadline']);
  });
});
