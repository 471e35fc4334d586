import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../shared/checks/index';
import { useTempDataDirs } from './helpers';

/**
 * The app's ways in for a report file written to report-file.md by hand or by another program (only
 * the required fields): 打开 (openReportFile), 导入 of a .json/.nianbao (importFile), and a file put
 * into the library folder. Each reads it, fills what the app needs, and keeps unknown fields on save.
 */

const tmp = useTempDataDirs();
const b64 = (x: unknown) => Buffer.from(JSON.stringify(x)).toString('base64');
const minimal = {
  kind: 'nianbao.report',
  schemaVersion: 1,
  format: 'gov-2021',
  year: 2024,
  agency: { name: '云溪县民政局' },
  sections: [{ id: 'other', blocks: ['本年度未收取信息处理费。'] }],
  cells: { 't4.review.maintained': 1 },
  signature: { name: '云溪县民政局', date: '2025/1/20' },
  producer: '某某填报系统',
};

describe('a report file with only the required fields, in the app', () => {
  it('打开: added to the library with an id, status 草稿 and the agency kind; unknown fields survive a save', async () => {
    const s = tmp.open({ dataDir: tmp.dir() });
    const r = await s.openReportFile({ name: '民政局.nianbao', data: b64(minimal) });
    expect(r.meta.status).toBe('draft');
    expect(r.agency.kind).toBe('department');
    expect(r.signature.date).toBe('2025-01-20');
    expect(r.sections[5]!.blocks[0]).toEqual({ type: 'paragraph', text: '本年度未收取信息处理费。' });
    const summary = (await s.listReports()).reports.find((x) => x.id === r.meta.id)!;
    expect(summary).toMatchObject({ agency: '云溪县民政局', year: 2024, status: 'draft' });
    await s.saveReport({ ...r, title: '改过的标题' });
    const back = await s.getReport(r.meta.id);
    expect(back.producer).toBe('某某填报系统');
    expect(back.title).toBe('改过的标题');
  });

  it('导入 of a .json: a preview of the report, with what the reader did as warnings; checks run on it', async () => {
    const s = tmp.open({ dataDir: tmp.dir() });
    const preview = await s.importFile({ name: '民政局.json', data: b64(minimal) });
    expect(preview.kind).toBe('report');
    expect(preview.warnings).toEqual(['$.signature.date：成文日期“2025/1/20”已按 2025-01-20 读取。']);
    const f = runChecks(preview.report);
    expect(f.some((x) => x.rule === 'SECTION-EMPTY' && x.fingerprint === 'overview')).toBe(true);
    expect(f.some((x) => x.rule === 'CELL-BLANK')).toBe(true);
  });

  it('a file put into the library folder by hand is listed and opens under its file name', async () => {
    const dataDir = tmp.dir();
    mkdirSync(join(dataDir, 'reports'), { recursive: true });
    writeFileSync(join(dataDir, 'reports', 'by-hand.json'), JSON.stringify(minimal));
    const s = tmp.open({ dataDir });
    const list = await s.listReports();
    expect(list.reports.map((x) => x.id)).toContain('by-hand');
    expect((await s.getReport('by-hand')).agency.kind).toBe('department');
  });

  it('a file lacking a required field is still refused, naming it', async () => {
    const s = tmp.open({ dataDir: tmp.dir() });
    const { agency: _drop, ...noAgency } = minimal;
    await expect(s.openReportFile({ name: '坏.json', data: b64(noAgency) })).rejects.toThrow(
      /坏\.json：不是有效的年报文件。\n\$\.agency：缺少机关信息/,
    );
  });
});
