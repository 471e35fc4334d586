import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildDocx } from '../../../shared/export/docx/build';
import { buildHtml } from '../../../shared/export/html/build';
import { formatCell } from '../../../shared/model/format';
import type { Report } from '../../../shared/model/types';
import { GOV_2021 } from '../../../templates/index';
import { ChromiumPdfPrinter } from '../../../electron/services/export/chromium-printer';
import { richReport } from './fixtures';
import { cleanupTempDirs, describeWithTools, pdfinfo, pdftoppm, pdftotext, soffice, tempDir } from './helpers/tools';

afterAll(cleanupTempDirs);

/**
 * The exports as a reader sees them: LibreOffice prints the .docx (with the project's font mapping),
 * Chromium prints the HTML; pdftotext must show every label and every number, pdfinfo an A4 page,
 * and the page numbers must sit where GB/T 9704 puts them. Page images are written for a look
 * (the path is printed).
 */

/** A report whose every cell has its own value, so that a missing or misplaced cell shows. */
function distinctReport(): Report {
  const r = richReport();
  const cells = { ...r.cells };
  let i = 0;
  for (const key of Object.keys(GOV_2021.fields)) {
    cells[key] = key.startsWith('t3.') ? 100 + i++ : key.startsWith('t2.') ? 5000 + i++ : 700 + i++;
  }
  cells['t2.admin_fees.amount'] = 24252.311082;
  return { ...r, cells };
}

const LABELS = [...new Set(GOV_2021.tables.flatMap((t) => t.cells.filter((c) => c.text).map((c) => c.text!)))];

/** The label's characters in order, with at most `slack` times its length of other text between (cells wrap and interleave). */
export function appearsInOrder(text: string, label: string, slack = 4): boolean {
  const hay = text.replace(/\s+/g, '');
  const needle = label.replace(/\s+/g, '');
  if (hay.includes(needle)) return true;
  // Narrow columns wrap a label over lines that pdftotext interleaves with the neighbouring cells.
  const window = needle.length * slack + 48;
  for (let start = hay.indexOf(needle[0]!); start >= 0; start = hay.indexOf(needle[0]!, start + 1)) {
    let at = start;
    let ok = true;
    for (const ch of needle.slice(1)) {
      at = hay.indexOf(ch, at + 1);
      if (at < 0 || at - start > window) {
        ok = false;
        break;
      }
    }
    if (ok) return true;
  }
  return false;
}

/**
 * Text set one character per line in a narrow column (三、本年度办理结果 in its 6 mm column) reads
 * top to bottom: the words of each page grouped by their left edge, in vertical order.
 */
async function columnText(pdf: string): Promise<string> {
  const xml = await pdftotext(pdf, false, ['-bbox']);
  const out: string[] = [];
  for (const page of xml.split('<page ').slice(1)) {
    const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)]
      .map((m) => ({ x: Number(m[1]), y: Number(m[2]), t: m[3]! }))
      .sort((a, b) => a.x - b.x);
    // Words whose left edges lie within 2 pt of each other form one column.
    let column: typeof words = [];
    const flush = () => {
      if (column.length)
        out.push(
          column
            .sort((a, b) => a.y - b.y)
            .map((w) => w.t)
            .join(''),
        );
      column = [];
    };
    for (const w of words) {
      if (column.length && w.x - column[0]!.x > 2) flush();
      column.push(w);
    }
    flush();
  }
  return out.join('\n');
}

/** `layout`, `raw` and `columns` are three readings of the same PDF; a label must show in one of them. */
function checkText(layout: string, raw: string, columns: string, report: Report) {
  const text = layout;
  const missingLabels = LABELS.filter(
    (l) => !appearsInOrder(layout, l) && !appearsInOrder(raw, l) && !columns.includes(l),
  );
  expect(missingLabels).toEqual([]);
  const tokens = new Set(text.split(/\s+/));
  const missingNumbers = Object.keys(GOV_2021.fields)
    .map((k) => formatCell(report.cells[k]))
    .filter((v) => v !== '' && !tokens.has(v));
  expect(missingNumbers).toEqual([]);
  for (const s of GOV_2021.sections) expect(text.replace(/\s+/g, '')).toContain(s.heading);
}

/** Bottom of the type area: 297 − 35 mm, in points. */
const TYPE_BOTTOM = ((297 - 35) / 25.4) * 72;

/** The text below the type area of a page (the footer) and where it sits. */
async function footer(pdf: string, page: number): Promise<{ text: string; x0: number; x1: number; y0: number }> {
  const xml = await pdftotext(pdf, false, ['-bbox', '-f', String(page), '-l', String(page)]);
  const words = [
    ...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g),
  ]
    .map((m) => ({ x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), text: m[4]! }))
    .filter((w) => w.y0 > TYPE_BOTTOM);
  return {
    text: words.map((w) => w.text).join(''),
    x0: Math.min(...words.map((w) => w.x0)),
    x1: Math.max(...words.map((w) => w.x1)),
    y0: Math.min(...words.map((w) => w.y0)),
  };
}

/** "— n —" at the foot of every page; odd pages right, even pages left; about 7 mm below the type area. */
async function checkPageNumbers(pdf: string, pages: number, width: number) {
  for (let p = 1; p <= pages; p++) {
    const f = await footer(pdf, p);
    expect(f.text, `page ${p}`).toBe(`—${p}—`);
    if (p % 2 === 1) expect(f.x0, `page ${p} right`).toBeGreaterThan(width / 2);
    else expect(f.x1, `page ${p} left`).toBeLessThan(width / 2);
    expect(f.y0 - TYPE_BOTTOM, `page ${p}: mm below the type area`).toBeGreaterThan((3 / 25.4) * 72);
    expect(f.y0 - TYPE_BOTTOM).toBeLessThan((12 / 25.4) * 72);
  }
}

const dir = tempDir('render');

describeWithTools(
  ['soffice', 'pdftotext', 'pdfinfo', 'pdftoppm'],
  '.docx printed by LibreOffice (fonts mapped by build/fontconfig/fonts.conf)',
  () => {
    const report = distinctReport();
    let pdf: string;
    beforeAll(async () => {
      const docx = join(dir, 'report.docx');
      writeFileSync(docx, await buildDocx(report));
      pdf = await soffice(docx, 'pdf', join(dir, 'lo'));
    });

    it('A4 pages; every label of the three tables and every number of the report in pdftotext', async () => {
      const info = await pdfinfo(pdf);
      expect(info.width).toBeCloseTo(595.3, 0);
      expect(info.height).toBeCloseTo(841.9, 0);
      expect(info.pages).toBeGreaterThanOrEqual(4);
      checkText(await pdftotext(pdf, true), await pdftotext(pdf), await columnText(pdf), report);
    });

    it('page numbers "— n —" outside, 7 mm under the type area; pages render (images for a look)', async () => {
      const info = await pdfinfo(pdf);
      await checkPageNumbers(pdf, info.pages, info.width);
      const images = await pdftoppm(pdf, join(dir, 'lo', 'page'), 50);
      expect(images).toHaveLength(info.pages);
      for (const img of images) expect(statSync(img).size).toBeGreaterThan(5000);
      console.info(`LibreOffice page images: ${join(dir, 'lo')} (kept with NIANBAO_KEEP_TEST_FILES=1)`);
    });
  },
);

describeWithTools(['chromium', 'pdftotext', 'pdfinfo', 'pdftoppm'], 'HTML printed by headless Chromium', () => {
  const report = distinctReport();
  let pdf: string;
  beforeAll(async () => {
    const bytes = await new ChromiumPdfPrinter().printHtml(buildHtml(report, { standalone: true }));
    pdf = join(dir, 'chromium.pdf');
    writeFileSync(pdf, bytes);
  });

  it('A4, every label and number, page numbers "— n —" from the @page margin boxes', async () => {
    const info = await pdfinfo(pdf);
    expect(info.width).toBeCloseTo(595, 0);
    expect(info.height).toBeCloseTo(842, 0);
    checkText(await pdftotext(pdf, true), await pdftotext(pdf), await columnText(pdf), report);
    await checkPageNumbers(pdf, info.pages, info.width);
    const images = await pdftoppm(pdf, join(dir, 'chromium-page'), 50);
    expect(images).toHaveLength(info.pages);
    console.info(`Chromium page images: ${dir} (kept with NIANBAO_KEEP_TEST_FILES=1)`);
  });

  it('centred page numbers when asked', async () => {
    const bytes = await new ChromiumPdfPrinter().printHtml(
      buildHtml(report, { standalone: true, pageNumbers: 'center' }),
    );
    const file = join(dir, 'chromium-center.pdf');
    writeFileSync(file, bytes);
    const info = await pdfinfo(file);
    for (const p of [1, 2]) {
      const f = await footer(file, p);
      expect(f.text).toBe(`—${p}—`);
      expect(Math.abs((f.x0 + f.x1) / 2 - info.width / 2)).toBeLessThan(10);
    }
  });
});
