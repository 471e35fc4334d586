import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportFileName, safeFileName } from '../../../shared/export/file-name';
import { readExportedDocx } from '../../../shared/import/exported-docx';
import {
  ChromiumPdfPrinter,
  findChromium,
  NO_BROWSER_MESSAGE,
} from '../../../electron/services/export/chromium-printer';
import { exportReportToFolder } from '../../../electron/services/export/export-folder';
import { PdfPrintError, type PdfPrinter } from '../../../electron/services/export/pdf-printer';
import { numbered, writeNewFile } from '../../../electron/services/export/write-new-file';
import { awkwardNameReport, richReport } from './fixtures';
import { cleanupTempDirs, itWithTools, tempDir } from './helpers/tools';
import { itUnless } from '../../fixtures/skip';

afterAll(cleanupTempDirs);

/** A printer that records what it was given (the real ones are tested in render/electron tests). */
class RecordingPrinter implements PdfPrinter {
  readonly name = 'recording';
  html: string[] = [];
  async printHtml(html: string) {
    this.html.push(html);
    return new TextEncoder().encode('%PDF-1.7\n%recorded\n');
  }
}

describe('file names', () => {
  it('are made from agency and year, and safe on Windows', () => {
    expect(exportFileName(richReport(), 'docx')).toBe('云溪县市场监督管理局2024年政府信息公开工作年度报告.docx');
    expect(exportFileName(richReport(), 'fragment.html')).toBe(
      '云溪县市场监督管理局2024年政府信息公开工作年度报告（网站版）.html',
    );
    const awkward = exportFileName(awkwardNameReport(), 'pdf');
    expect(awkward).not.toMatch(/[\\/:*?"<>|\u0000-\u001f]/);
    expect(awkward).toBe('某某局／办公室： ＂测试＂？2024年政府信息公开工作年度报告.pdf');
    expect(safeFileName('CON')).toBe('_CON');
    expect(safeFileName('报告. ')).toBe('报告');
    expect(safeFileName('')).toBe('政府信息公开工作年度报告');
    expect([...safeFileName('局'.repeat(400))].length).toBe(120);
  });
});

describe('writeNewFile', () => {
  it('never replaces silently: numbers the new file, leaves no temp files; replace and fail on request', async () => {
    const dir = tempDir('write');
    const target = join(dir, '报告.docx');
    expect((await writeNewFile(target, 'one')).path).toBe(target);
    expect((await writeNewFile(target, 'two')).path).toBe(numbered(target, 2));
    expect((await writeNewFile(target, 'three')).path).toBe(join(dir, '报告(3).docx'));
    expect(readFileSync(target, 'utf8')).toBe('one');
    expect(readFileSync(join(dir, '报告(2).docx'), 'utf8')).toBe('two');
    await expect(writeNewFile(target, 'x', 'fail')).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(target, 'utf8')).toBe('one');
    expect(await writeNewFile(target, 'four', 'replace')).toEqual({ path: target, replaced: true });
    expect(readFileSync(target, 'utf8')).toBe('four');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('two exports at once never write the same file', async () => {
    const dir = tempDir('race');
    const target = join(dir, 'r.html');
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => writeNewFile(target, `v${i}`)));
    const paths = results.map((r) => r.path);
    expect(new Set(paths).size).toBe(8);
    for (const [i, r] of results.entries()) expect(readFileSync(r.path, 'utf8')).toBe(`v${i}`);
  });
});

describe('exportReportToFolder', () => {
  it('writes every format under agency+year names; the .docx reads back as the same report', async () => {
    const dir = join(tempDir('folder'), '导出');
    const printer = new RecordingPrinter();
    const report = richReport();
    const res = await exportReportToFolder(report, dir, { formats: ['pdf', 'docx', 'html', 'fragment'], printer });
    expect(res.failures).toEqual([]);
    expect(res.files.map((f) => f.format)).toEqual(['docx', 'html', 'fragment', 'pdf']);
    const base = '云溪县市场监督管理局2024年政府信息公开工作年度报告';
    expect(res.files.map((f) => f.path)).toEqual(
      [`${base}.docx`, `${base}.html`, `${base}（网站版）.html`, `${base}.pdf`].map((n) => join(dir, n)),
    );
    expect(res.files.every((f) => !f.renamed && f.bytes > 0)).toBe(true);
    const back = await readExportedDocx(new Uint8Array(readFileSync(res.files[0]!.path)));
    expect(back!.report).toEqual(report);
    expect(readFileSync(res.files[1]!.path, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(readFileSync(res.files[2]!.path, 'utf8')).toMatch(/^<article/);
    // The PDF is printed from the standalone page (its @page rules carry size and page numbers).
    expect(printer.html[0]).toContain('@page{size:A4');

    const again = await exportReportToFolder(report, dir, { formats: ['docx', 'pdf'], printer });
    expect(again.files.map((f) => [f.path, f.renamed])).toEqual([
      [join(dir, `${base}(2).docx`), true],
      [join(dir, `${base}(2).pdf`), true],
    ]);
    const refused = await exportReportToFolder(report, dir, { formats: ['html'], onExists: 'fail' });
    expect(refused.files).toEqual([]);
    expect(refused.failures[0]!.message).toMatch(/文件已存在，没有覆盖/);
  });

  it('a PDF that cannot be printed is reported; the other formats are still written', async () => {
    const dir = tempDir('nopdf');
    const broken: PdfPrinter = {
      name: 'broken',
      printHtml: async () => {
        throw new PdfPrintError(NO_BROWSER_MESSAGE, 'no-browser');
      },
    };
    const res = await exportReportToFolder(richReport(), dir, { formats: ['docx', 'pdf'], printer: broken });
    expect(res.files.map((f) => f.format)).toEqual(['docx']);
    expect(res.failures).toEqual([{ format: 'pdf', message: NO_BROWSER_MESSAGE }]);
  });

  const root = process.getuid?.() === 0 && '以 root 运行：root 可以写入只读文件夹，无法造出“不能写入”的情形';
  itUnless(root, 'a folder that cannot be written gives a Chinese message, no crash', async () => {
    const dir = tempDir('ro');
    mkdirSync(join(dir, 'locked'));
    chmodSync(join(dir, 'locked'), 0o500);
    const res = await exportReportToFolder(richReport(), join(dir, 'locked'), { formats: ['docx'] });
    expect(res.files).toEqual([]);
    expect(res.failures[0]!.message).toMatch(/没有写入这个文件夹的权限/);
  });

  it('a path where a folder should be gives a Chinese message', async () => {
    const dir = tempDir('notdir');
    writeFileSync(join(dir, 'file'), 'x');
    const res = await exportReportToFolder(richReport(), join(dir, 'file', 'sub'), { formats: ['docx', 'html'] });
    expect(res.files).toEqual([]);
    expect(res.failures).toHaveLength(2);
    for (const f of res.failures) expect(f.message).toMatch(/文件夹|写入失败/);
  });
});

describe('finding a browser for the PDF', () => {
  it('reports clearly (in Chinese) when no Chromium, Chrome or Edge is installed', () => {
    expect(findChromium({ PATH: '' }, 'linux', [])).toBeNull();
    expect(findChromium({ PATH: '', NIANBAO_CHROMIUM: '/nonexistent/chrome' }, 'linux', [])).toBeNull();
    const err = (() => {
      try {
        new ChromiumPdfPrinter({ find: () => null });
        return null;
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(PdfPrintError);
    expect((err as PdfPrintError).code).toBe('no-browser');
    expect((err as Error).message).toBe(NO_BROWSER_MESSAGE);
    expect(NO_BROWSER_MESSAGE).toMatch(/Chromium、Google Chrome 或 Microsoft Edge/);
  });

  itWithTools(['chromium'], 'finds /usr/bin/chromium, or a browser named on PATH or in NIANBAO_CHROMIUM', () => {
    expect(findChromium({ PATH: '' }, 'linux')).toBe('/usr/bin/chromium');
    expect(findChromium({ PATH: '/usr/bin' }, 'linux', [])).toBe('/usr/bin/chromium');
    expect(findChromium({ PATH: '', NIANBAO_CHROMIUM: '/usr/bin/chromium' }, 'linux', [])).toBe('/usr/bin/chromium');
    expect(existsSync(findChromium()!)).toBe(true);
  });

  itWithTools(['chromium'], 'a browser that fails gives a message, not a crash', async () => {
    const printer = new ChromiumPdfPrinter({ executablePath: '/bin/false' });
    await expect(printer.printHtml('<!DOCTYPE html><title>x</title>')).rejects.toThrow(
      /浏览器生成 PDF 失败（退出码 1）/,
    );
  });
});
