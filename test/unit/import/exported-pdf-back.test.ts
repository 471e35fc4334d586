import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildHtml } from '../../../shared/export/index';
import type { Report } from '../../../shared/model/types';
import { importBytes } from '../../../electron/services/import/node-import';
import { ChromiumPdfPrinter } from '../../../electron/services/export/chromium-printer';
import { FULL_REPORTS } from '../checks/precision/reports/all';
import { hasChromium, tempDir } from '../../fixtures/import/tools';
import { describeUnless } from '../../fixtures/skip';

/**
 * The checks' full reports (every kind of agency; among them a development zone whose paragraph
 * just above Table 4 is split by a page break, and labels that wrap onto two lines) exported to PDF as `nianbao export --pdf` prints them, then imported
 * back from the PDF and from its `pdftotext -layout` text. Every cell must come back equal, or
 * blank with a warning naming its table — never a different number — and Table 4 must be found.
 */

const tmp = tempDir();
afterAll(() => tmp.done());

const NAMES = Object.keys(FULL_REPORTS);
const hasPdftotext = existsSync('/usr/bin/pdftotext');
const skip =
  (!hasChromium && 'Chromium（/usr/bin/chromium）未安装，无法生成 PDF') ||
  (!hasPdftotext && 'pdftotext 未安装（apt-get install poppler-utils）');

const TABLE_NAME: Record<string, string> = { t2: '表二', t3: '表三', t4: '表四' };

/** Cells that differ from the report, and blank cells whose table has no warning. */
function compare(report: Report, cells: Record<string, number | null>, warnings: string[]) {
  const wrong: string[] = [];
  const silent: string[] = [];
  for (const [k, v] of Object.entries(report.cells)) {
    const got = cells[k] ?? null;
    if (got === v) continue;
    if (got !== null) wrong.push(`${k}: ${v} → ${got}`);
    else if (!warnings.some((w) => w.includes(TABLE_NAME[k.split('.')[0]!]!))) silent.push(k);
  }
  for (const [k, v] of Object.entries(cells)) if (!(k in report.cells) && v !== null) wrong.push(`${k}: 多出 ${v}`);
  return { wrong, silent };
}

describeUnless(skip, 'full reports exported to PDF and imported back', () => {
  const files: Record<string, { report: Report; pdf: Uint8Array; text: Uint8Array }> = {};

  beforeAll(async () => {
    const printer = new ChromiumPdfPrinter();
    for (const name of NAMES) {
      const report = FULL_REPORTS[name]!();
      const pdf = await printer.printHtml(buildHtml(report, { standalone: true, forPrint: true }));
      const file = join(tmp.dir, `${name}.pdf`);
      writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { timeout: 120_000 });
      files[name] = { report, pdf, text: new Uint8Array(text) };
    }
  }, 600_000);

  it.each(NAMES)('%s from the PDF: every cell, Table 4 found', async (name) => {
    const { report, pdf } = files[name]!;
    const res = await importBytes(pdf, `${name}.pdf`);
    expect(res.kind).toBe('pdf');
    expect(res.confidence.t4).toBeGreaterThan(0.9);
    expect(res.warnings.filter((w) => w.includes('未找到表四'))).toEqual([]);
    const { wrong, silent } = compare(report, res.report.cells, res.warnings);
    expect(wrong).toEqual([]);
    expect(silent).toEqual([]);
    const blank = Object.keys(report.cells).filter((k) => res.report.cells[k] === null && report.cells[k] !== null);
    expect(blank).toEqual([]);
  });

  it.each(NAMES)('%s from pdftotext -layout: equal or blank with a warning, Table 4 found', async (name) => {
    const { report, text } = files[name]!;
    const res = await importBytes(text, `${name}.txt`);
    expect(res.kind).toBe('text');
    expect(res.confidence.t4).toBeGreaterThan(0.9);
    const { wrong, silent } = compare(report, res.report.cells, res.warnings);
    expect(wrong).toEqual([]);
    expect(silent).toEqual([]);
    // Table 4 is one line of fifteen numbers there: all of it comes back.
    for (const k of Object.keys(report.cells).filter((c) => c.startsWith('t4.')))
      expect(res.report.cells[k], k).toBe(report.cells[k]);
  });
});
