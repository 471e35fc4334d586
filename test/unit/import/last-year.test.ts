import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBatch } from '../../../electron/services/import/batch';
import { buildHtml } from '../../../shared/export/index';
import { importReport } from '../../../shared/import/index';
import { makeReport } from '../../fixtures/factory';
import { flatten, type FlattenShape } from '../../fixtures/import/flatten';

/**
 * Table 2 has no sums of its own: a row whose digits ran together (“行政规范性文件523318”) can be
 * cut several ways. Last year's report decides it through 现行有效 = 上年现行有效 + 本年制发 − 本年废止
 * — at import when it is given, and in `batch` once the two years of one agency are paired.
 */

const enc = new TextEncoder();
const GLUED: FlattenShape = {
  lineBreaks: 'none',
  cellSep: 'none',
  paraSep: '',
  blankAs: ' ',
  metadata: true,
  furniture: [],
  traditional: false,
  seed: 1,
};
const last = makeReport({ agency: '某某新区', kind: 'government', year: 2023, t2: { normative_docs: [4, 1, 315] } });
const now = makeReport({
  agency: '某某新区',
  kind: 'government',
  year: 2024,
  variant: 1,
  t2: { regulations: [0, 0, 0], normative_docs: [5, 2, 318] },
});
const ND = ['issued', 'repealed', 'in_force'].map((c) => `t2.normative_docs.${c}`);

describe('Table 2 rows decided by last year’s report', () => {
  const text = flatten(now, GLUED).text;

  it('without last year: blank, the possible cuts named, kept as pending', async () => {
    const res = await importReport(enc.encode(text), 'now.txt');
    expect(ND.map((k) => res.report.cells[k])).toEqual([null, null, null]);
    expect(res.warnings.some((w) => w.includes('52318') && w.includes('多种拆分方式'))).toBe(true);
    expect(res.pending?.map((p) => p.row)).toEqual(['normative_docs']);
  });

  it('with last year at import: the one cut that continues its 现行有效件数', async () => {
    const res = await importReport(enc.encode(text), 'now.txt', { last });
    expect(ND.map((k) => res.report.cells[k])).toEqual([5, 2, 318]);
    expect(res.warnings.some((w) => w.includes('52318') && w.includes('多种拆分方式'))).toBe(false);
    expect(res.pending).toBeUndefined();
  });

  it('a last year that fits no cut decides nothing (blank stays blank)', async () => {
    const odd = { ...last, cells: { ...last.cells, 't2.normative_docs.in_force': 7 } };
    const res = await importReport(enc.encode(text), 'now.txt', { last: odd });
    expect(ND.map((k) => res.report.cells[k])).toEqual([null, null, null]);
  });

  describe('batch pairs the two years and finishes the row', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-last-year-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('the 2024 text report gets 5 2 318 once paired with the 2023 page', async () => {
      writeFileSync(join(dir, '2023.html'), buildHtml(last, { standalone: true }));
      writeFileSync(join(dir, '2024.txt'), text);
      const items = await runBatch([join(dir, '2023.html'), join(dir, '2024.txt')], { cwd: dir, concurrency: 1 });
      const item = items.find((i) => i.file === '2024.txt')!;
      expect(item.withLast).toBe('2023.html');
      expect(ND.map((k) => item.loaded!.report.cells[k])).toEqual([5, 2, 318]);
      expect(item.loaded!.warnings.some((w) => w.includes('按上年报告的现行有效件数'))).toBe(true);
      expect(item.loaded!.report.meta.source?.warnings).toEqual(item.loaded!.warnings);
    }, 60_000);
  });
});
