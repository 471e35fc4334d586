import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { buildHtml } from '../../../shared/export/index';
import { ImportError } from '../../../shared/import/index';
import { importBytes } from '../../../electron/services/import/node-import';
import type { Report } from '../../../shared/model/types';
import { bigReport, blanksReport, report2019, sampleReport, singleOtherReport } from '../../fixtures/import/reports';
import { siteHtml } from '../../fixtures/import/render';
import { encryptedPdf, hasChromium, hasSoffice, htmlToPdf, tempDir } from '../../fixtures/import/tools';
import { describeUnless, itUnless } from '../../fixtures/skip';

/**
 * PDF through pdf.js: our reports printed by Chromium (the exported page, and a website page),
 * with every cell and the text coming back; then the files a clerk may be handed instead of a
 * report: encrypted, scanned, cut off.
 */

const tmp = tempDir();
afterAll(() => tmp.done());

const REPORTS: [string, () => Report][] = [
  ['sample', sampleReport],
  ['big', bigReport],
  ['blanks (a whole column blank)', blanksReport],
  ['2019 format', report2019],
  ['single （六） row', singleOtherReport],
];

const noChromium = !hasChromium && 'Chromium（/usr/bin/chromium）未安装，无法生成 PDF（apt-get install chromium）';

for (const [name, make] of REPORTS)
  describeUnless(noChromium, `${name} report printed to PDF`, () => {
    const report = make();
    it.each([
      ['the exported page', () => buildHtml(report, { standalone: true })],
      ['a website page', () => siteHtml(report)],
    ])('from %s: every cell, the text and the signature', async (form, html) => {
      const pdf = await htmlToPdf(html(), tmp.dir, `${name}-${form}`.replace(/\W+/g, '_'));
      const res = await importBytes(pdf, 'report.pdf');
      expect(res.kind).toBe('pdf');
      expect(res.format).toBe(report.format);
      expect(res.report.year).toBe(report.year);
      expect(res.report.agency.name).toBe(report.agency.name);
      expect(res.report.title).toBe(report.title);
      const wrong = Object.keys(report.cells)
        .filter((k) => res.report.cells[k] !== report.cells[k])
        .map((k) => `${k}: ${report.cells[k]} → ${res.report.cells[k]}`);
      expect(wrong).toEqual([]);
      const got = res.report.sections.map((s) => s.blocks.map((b) => `${b.type}:${b.text}`));
      expect(got).toEqual(report.sections.map((s) => s.blocks.map((b) => `${b.type}:${b.text}`)));
      expect(res.report.preamble).toBe(report.preamble);
      expect(res.report.signature).toEqual(report.signature);
    });
  });

const expectImportError = async (bytes: Uint8Array, name: string, code: ImportError['code'], words: RegExp) => {
  const err = await importBytes(bytes, name).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImportError);
  expect((err as ImportError).code).toBe(code);
  expect((err as ImportError).message).toMatch(words);
  expect((err as ImportError).fileName).toBe(name);
};

describeUnless(noChromium, 'PDF files that are not readable reports', () => {
  it('a truncated PDF (download cut off) is reported as incomplete, or read as far as it goes', async () => {
    const pdf = await htmlToPdf(buildHtml(sampleReport(), { standalone: true }), tmp.dir, 'whole');
    for (const keep of [0.05, 0.3, 0.6, 0.9]) {
      const cut = pdf.slice(0, Math.floor(pdf.length * keep));
      const outcome = await importBytes(cut, '截断.pdf').then(
        (r) => ({ ok: true as const, r }),
        (e: unknown) => ({ ok: false as const, e }),
      );
      if (outcome.ok) {
        // pdf.js recovers what it can: then every cell it gives must be right.
        for (const [k, v] of Object.entries(outcome.r.report.cells))
          if (v !== null) expect(v, k).toBe(sampleReport().cells[k]);
      } else {
        expect(outcome.e).toBeInstanceOf(ImportError);
        expect((outcome.e as ImportError).message).toMatch(/损坏|不完整|没有可读取的文字|不是政府信息公开/);
      }
    }
  });

  it('a scanned PDF (pages are pictures) says so and suggests OCR', async () => {
    const whole = join(tmp.dir, 'whole.pdf');
    if (!existsSync(whole)) await htmlToPdf(buildHtml(sampleReport(), { standalone: true }), tmp.dir, 'whole');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', whole, join(tmp.dir, 'page')]);
    const png = readFileSync(join(tmp.dir, 'page-1.png')).toString('base64');
    const pdf = await htmlToPdf(
      `<!doctype html><html><body style="margin:0"><img src="data:image/png;base64,${png}" style="width:100%"></body></html>`,
      tmp.dir,
      'scanned',
    );
    await expectImportError(pdf, '扫描件.pdf', 'scanned', /扫描件|图片/);
  });

  itUnless(
    !hasSoffice && 'LibreOffice 未安装，无法生成加密的 PDF（apt-get install libreoffice-writer-nogui）',
    'an encrypted PDF asks for an unlocked copy',
    async () => {
      const pdf = await encryptedPdf(buildHtml(sampleReport(), { standalone: true }), tmp.dir);
      await expectImportError(pdf, '加密.pdf', 'encrypted', /密码|加密/);
    },
  );

  it('bytes that only claim to be a PDF', async () => {
    await expectImportError(
      new TextEncoder().encode('%PDF-1.7\nthis is not really a pdf'),
      '假.pdf',
      'corrupt',
      /损坏|不完整/,
    );
  });
});
