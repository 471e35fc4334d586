import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../shared/checks/engine';
import { tallyChecks } from '../../../shared/checks/tally';
import type { Report } from '../../../shared/model/types';
import { rolloverReport } from '../../../shared/rollover/rollover';
import { sampleAs } from '../../fixtures/sample-as';
import { serviceError, useTempDataDirs } from './helpers';

/**
 * The library lists the counts the editor shows (issue 13 item 9): checked with last year's report
 * as the editor finds it, counted by tallyChecks; and the sample report stays out of everyone's
 * last year and history (item 3).
 */

const tmp = useTempDataDirs();

/** What the editor's status bar shows for a report with this last year's report. */
function editorCounts(report: Report, last: Report | null) {
  const t = tallyChecks(report, runChecks(report, { last, mode: 'editor' }), 'editor');
  return { errors: t.error, warnings: t.warning, infos: t.info, blankCells: t.blankCells };
}

describe('library counts are the editor’s counts', () => {
  it('a report made from last year’s counts the cross-year findings; a change of last year’s report is followed', async () => {
    const s = tmp.open({ dataDir: tmp.dir() });
    const last = sampleAs('云岭县档案馆');
    await s.saveReport(last);
    const made = await s.rolloverReport({ fromId: last.meta.id });
    // This year: 上年结转 differs from last year's 结转下年度 (X-CARRY), everything else blank.
    const mine: Report = {
      ...made.report,
      cells: { ...made.report.cells, 't3.carried_over.natural': 5, 't2.regulations.issued': 0 },
    };
    await s.saveReport(mine);
    const saved = await s.getReport(mine.meta.id);
    const lastSaved = await s.getReport(last.meta.id);

    const listed = (await s.listReports()).reports.find((r) => r.id === mine.meta.id)!;
    const expected = editorCounts(saved, lastSaved);
    expect(expected.warnings).toBeGreaterThan(0);
    expect(runChecks(saved, { last: lastSaved, mode: 'editor' }).some((f) => f.rule === 'X-CARRY')).toBe(true);
    expect(listed).toMatchObject(expected);
    // Without last year's report the counts would differ: the library did not count without it.
    expect(editorCounts(saved, null)).not.toEqual(expected);

    // Last year's 结转下年度 is corrected: this year's X-CARRY goes, and the library follows.
    const fixed: Report = { ...lastSaved, cells: { ...lastSaved.cells, 't3.carry_next.natural': 5 } };
    await s.saveReport(fixed);
    const again = (await s.listReports()).reports.find((r) => r.id === mine.meta.id)!;
    const now = editorCounts(saved, await s.getReport(last.meta.id));
    expect(again).toMatchObject(now);
    expect(again.warnings).toBeLessThan(listed.warnings);
  });

  it('counts survive a restart (from the index) and equal a fresh count', async () => {
    const dataDir = tmp.dir();
    const a = tmp.open({ dataDir, indexDelayMs: 0 });
    const r = sampleAs('云岭县林业局');
    r.cells = { ...r.cells, 't3.new_received.natural': null, 't4.review.other': null };
    await a.saveReport(r);
    const first = (await a.listReports()).reports[0]!;
    await a.close();
    const b = tmp.open({ dataDir });
    const second = (await b.listReports()).reports[0]!;
    expect(second).toEqual(first);
    expect(first.blankCells).toBe(2);
  });
});

describe('the sample report', () => {
  it('is marked, lists as a sample, and is nobody’s last year, history or rollover base', async () => {
    const s = tmp.open({ dataDir: tmp.dir() });
    const sample = await s.createSampleReport();
    expect(sample.meta.sample).toBe(true);
    // A real report of the same agency and the next year.
    const own = sampleAs(sample.agency.name, 2025);
    own.cells = { ...own.cells, 't3.carried_over.natural': 9 };
    await s.saveReport(own);

    const lib = await s.listReports();
    expect(lib.reports.find((r) => r.id === sample.meta.id)?.sample).toBe(true);
    const listed = lib.reports.find((r) => r.id === own.meta.id)!;
    expect(listed.sample).toBeUndefined();
    // Counted without last year's report: the sample is not it (no X-CARRY from the sample's 结转下年度).
    expect(listed).toMatchObject(editorCounts(await s.getReport(own.meta.id), null));

    expect(await s.agencyHistory(sample.agency.name)).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ reportId: sample.meta.id })]),
    );
    const refused = await serviceError(s.rolloverReport({ fromId: sample.meta.id }));
    expect(refused.message).toContain('示例年报');
    // A file of the sample (exported, then chosen as last year's report) is refused too.
    const file = { name: '示例.nianbao', data: Buffer.from(JSON.stringify(sample)).toString('base64') };
    expect((await serviceError(s.rolloverReport({ file }))).message).toContain('示例年报');
  });

  it('can be deleted and is not made again by anything but 打开示例年报', async () => {
    const dataDir = tmp.dir();
    const a = tmp.open({ dataDir, indexDelayMs: 0 });
    const sample = await a.createSampleReport();
    await a.deleteReport(sample.meta.id);
    expect((await a.listReports()).reports).toEqual([]);
    await a.close();
    const b = tmp.open({ dataDir });
    expect((await b.listReports()).reports).toEqual([]);
  });

  it('a rollover of an ordinary report still works and keeps no sample mark', async () => {
    const s = tmp.open({ dataDir: tmp.dir() });
    const last = sampleAs('云岭县档案馆');
    await s.saveReport(last);
    const made = await s.rolloverReport({ fromId: last.meta.id });
    expect(made.report.year).toBe(2025);
    expect(made.report.meta.sample).toBeUndefined();
    expect(rolloverReport(last).report.meta.sample).toBeUndefined();
  });
});
