import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../../../shared/export/docx/build';
import { buildHtml } from '../../../shared/export/html/build';
import { PdfPrintError, type PdfPrinter } from '../../../electron/services/export/pdf-printer';
import { nodeFs, type StorageFs } from '../../../electron/services/index';
import { clock, saveOrdinary, serviceError, useTempDataDirs } from './helpers';

const tmp = useTempDataDirs();
const exportRoot = mkdtempSync(join(tmpdir(), 'nianbao-exports-'));
afterAll(() => rmSync(exportRoot, { recursive: true, force: true }));

const b64 = (data: Uint8Array | string) => Buffer.from(data).toString('base64');

/** A printer that writes a recognisable PDF-like payload, or fails like a machine without a browser. */
const fakePrinter = (fail = false): PdfPrinter => ({
  name: 'fake',
  async printHtml(html: string) {
    if (fail) throw new PdfPrintError('没有找到可用于打印 PDF 的浏览器。', 'no-browser');
    return new TextEncoder().encode(`%PDF-1.7 fake ${html.length}`);
  },
});

describe('export through the service', () => {
  it('succeeds when its files are written even if the folder cannot be remembered (disk full)', async () => {
    let full = false;
    const fs: StorageFs = {
      ...nodeFs,
      async open(path, flags) {
        if (full && flags === 'wx' && path.includes('settings.json'))
          throw Object.assign(new Error('ENOSPC: simulated'), { code: 'ENOSPC' });
        return nodeFs.open(path, flags);
      },
    };
    const s = tmp.open({ dataDir: tmp.dir(), printer: () => fakePrinter(), fs });
    const report = await s.createSampleReport();
    full = true;
    const dir = join(exportRoot, 'disk-full');
    const out = await s.exportReport({ id: report.meta.id, formats: ['docx', 'html'], dir });
    expect(out.failures).toEqual([]);
    expect(out.files.map((f) => f.format)).toEqual(['docx', 'html']);
    for (const f of out.files) expect(existsSync(f.path)).toBe(true);
    expect(out.warnings).toEqual([
      expect.stringMatching(/^文件已导出，但没能记住这次的导出文件夹（保存设置失败：磁盘空间不足/),
    ]);
    // Nothing else was pretended: the folder is not in the settings.
    expect((await s.getSettings()).exportDir).toBeUndefined();
  });

  it('writes the chosen formats under agency+year names, remembers the folder, never overwrites', async () => {
    const s = tmp.open({ dataDir: tmp.dir(), printer: () => fakePrinter() });
    const report = await s.createSampleReport();
    const dir = join(exportRoot, 'a');
    const first = await s.exportReport({ id: report.meta.id, formats: ['docx', 'html', 'pdf', 'fragment'], dir });
    expect(first.failures).toEqual([]);
    expect(first.files.map((f) => f.name).sort()).toEqual([
      '云溪县市场监督管理局2024年政府信息公开工作年度报告.docx',
      '云溪县市场监督管理局2024年政府信息公开工作年度报告.html',
      '云溪县市场监督管理局2024年政府信息公开工作年度报告.pdf',
      '云溪县市场监督管理局2024年政府信息公开工作年度报告（网站版）.html',
    ]);
    for (const f of first.files) expect(existsSync(f.path)).toBe(true);
    expect(readFileSync(first.files.find((f) => f.format === 'html')!.path, 'utf8')).toContain(
      '收到和处理政府信息公开申请情况',
    );
    expect((await s.getSettings()).exportDir).toBe(dir);

    const second = await s.exportReport({ id: report.meta.id, formats: ['docx'] });
    expect(second.dir).toBe(dir);
    expect(second.files[0]).toMatchObject({
      renamed: true,
      name: '云溪县市场监督管理局2024年政府信息公开工作年度报告(2).docx',
    });
  });

  it('reports a format that failed and still writes the others', async () => {
    const s = tmp.open({ dataDir: tmp.dir(), printer: () => fakePrinter(true) });
    const report = await s.createSampleReport();
    const out = await s.exportReport({ id: report.meta.id, formats: ['docx', 'pdf'], dir: join(exportRoot, 'b') });
    expect(out.files.map((f) => f.format)).toEqual(['docx']);
    expect(out.failures).toEqual([{ format: 'pdf', message: expect.stringMatching(/浏览器/) }]);
  });

  it('refuses an empty format list, a relative folder and revealing paths it did not write', async () => {
    const revealed: string[] = [];
    const s = tmp.open({ dataDir: tmp.dir(), revealPath: async (p) => void revealed.push(p) });
    const report = await s.createSampleReport();
    expect((await serviceError(s.exportReport({ id: report.meta.id, formats: [] }))).message).toMatch(/至少选择一种/);
    expect(
      (await serviceError(s.exportReport({ id: report.meta.id, formats: ['html'], dir: 'relative/dir' }))).message,
    ).toMatch(/完整路径/);
    expect((await serviceError(s.revealExport('/etc/passwd'))).message).toMatch(/只能打开本次导出/);
    const out = await s.exportReport({ id: report.meta.id, formats: ['html'], dir: join(exportRoot, 'c') });
    await s.revealExport(out.files[0]!.path);
    expect(revealed).toEqual([out.files[0]!.path]);
  });

  it('renders one format as bytes, including the report file itself', async () => {
    const s = tmp.open({ dataDir: tmp.dir() });
    const report = await s.createSampleReport();
    const file = await s.renderReport(report.meta.id, 'report');
    expect(file.name).toBe('云溪县市场监督管理局2024年政府信息公开工作年度报告.nianbao');
    expect(JSON.parse(Buffer.from(file.data, 'base64').toString('utf8')).meta.id).toBe(report.meta.id);
    const docx = await s.renderReport(report.meta.id, 'docx');
    expect(Buffer.from(docx.data, 'base64').subarray(0, 2).toString()).toBe('PK');
  });
});

describe('import through the service', () => {
  it('reads our exported .docx back and says the report is already in the library', async () => {
    const s = tmp.open({ dataDir: tmp.dir() });
    const report = await s.createSampleReport();
    const preview = await s.importFile({ name: '签发稿.docx', data: b64(await buildDocx(report)) });
    expect(preview.kind).toBe('exported-docx');
    expect(preview.existing?.id).toBe(report.meta.id);
    expect(preview.report.cells).toEqual(report.cells);
    expect(preview.differences ?? []).toEqual([]);
  });

  it('reads a published web page without saving it', async () => {
    const s = tmp.open({ dataDir: tmp.dir() });
    const sample = await s.createSampleReport();
    const html = buildHtml({ ...sample, meta: { ...sample.meta, id: 'elsewhere' } }, { standalone: true });
    const preview = await s.importFile({ name: '年报.html', data: b64(html) });
    expect(preview.kind).toBe('html');
    expect(preview.report.cells['t3.new_received.total']).toBe(28);
    expect(preview.existing).toBeUndefined();
    expect((await s.listReports()).reports).toHaveLength(1);
  });

  it('explains a file that is not a report', async () => {
    const s = tmp.open({ dataDir: tmp.dir() });
    const bad = await serviceError(s.importFile({ name: '随便.txt', data: b64('今天天气很好。') }));
    expect(bad.code).toBe('invalid');
    expect(bad.message).toMatch(/随便\.txt/);
    const broken = await serviceError(s.importFile({ name: '坏文件.nianbao', data: b64('{"kind":"nianbao.report"') }));
    expect(broken.message).toMatch(/不是有效的年报文件/);
  });
});

describe('rollover and history through the service', () => {
  it('makes next year’s report from the library and saves it', async () => {
    const c = clock();
    const s = tmp.open({ dataDir: tmp.dir(), now: c.now });
    const last = await saveOrdinary(s);
    const out = await s.rolloverReport({ fromId: last.meta.id });
    expect(out.report).toMatchObject({ year: 2025, meta: { derivedFrom: { id: last.meta.id, year: 2024 } } });
    const listed = (await s.listReports()).reports.map((r) => [r.year, r.derivedFrom ?? null]);
    expect(listed).toContainEqual([2025, last.meta.id]);
    expect((await s.getReport(out.report.meta.id)).cells['t3.carried_over.natural']).toBe(1);
  });

  it('makes next year’s report from an exported .docx, adding last year’s report to the library', async () => {
    const s = tmp.open({ dataDir: tmp.dir() });
    const elsewhere = tmp.open({ dataDir: tmp.dir() });
    const last = await saveOrdinary(elsewhere);
    const out = await s.rolloverReport({
      file: { name: '2024年报.docx', data: b64(await buildDocx(last)) },
      year: 2025,
    });
    const ids = (await s.listReports()).reports.map((r) => r.id);
    expect(ids).toContain(last.meta.id);
    expect(ids).toContain(out.report.meta.id);
    expect((await serviceError(s.rolloverReport({ fromId: last.meta.id, year: 2020 }))).message).toMatch(/应晚于/);
  });

  it('gives the main figures of every year of an agency', async () => {
    const s = tmp.open({ dataDir: tmp.dir() });
    const last = await saveOrdinary(s);
    await s.rolloverReport({ fromId: last.meta.id });
    await s.createReport({ agency: '别的单位', kind: 'department', year: 2024 });
    const series = await s.agencyHistory(last.agency.name);
    expect(series.map((p) => p.year)).toEqual([2024, 2025]);
    expect(series[0]).toMatchObject({ received: 28, reviews: 2, suits: 1 });
    expect(await s.agencyHistory('  ')).toEqual([]);
  });
});
