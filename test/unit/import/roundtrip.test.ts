import { describe, expect, it } from 'vitest';
import { buildDocx, buildHtml, buildHtmlFragment } from '../../../shared/export/index';
import { importReport, type ImportResult } from '../../../shared/import/index';
import type { Report } from '../../../shared/model/types';
import { bigReport, blanksReport, report2019, sampleReport, singleOtherReport } from '../../fixtures/import/reports';
import {
  barCells,
  barRows,
  barSeparated,
  gbkBytes,
  halfWidth,
  pdfCopy,
  rowText,
  scrapedRows,
  siteHtml,
  traditional,
  webLines,
} from '../../fixtures/import/render';

/**
 * Our own reports, published in every form: each cell must come back exactly (blank stays null,
 * 0 stays 0), and the text with its sub-headings.
 */

const enc = new TextEncoder();
const REPORTS: [string, () => Report][] = [
  ['sample', sampleReport],
  ['big (large figures, decimals, lawsuits)', bigReport],
  ['2019 format', report2019],
  ['single （六） row', singleOtherReport],
];

function expectCells(res: ImportResult, report: Report) {
  const wrong = Object.keys(report.cells)
    .filter((k) => res.report.cells[k] !== report.cells[k])
    .map((k) => `${k}: ${report.cells[k]} → ${res.report.cells[k]}`);
  expect(wrong).toEqual([]);
}

function expectText(res: ImportResult, report: Report, map: (s: string) => string = (s) => s) {
  const got = res.report.sections.map((s) =>
    s.blocks.map((b) => `${b.type}${b.type === 'heading' ? b.level : ''}:${b.text}`),
  );
  const want = report.sections.map((s) =>
    s.blocks.map((b) => `${b.type}${b.type === 'heading' ? b.level : ''}:${map(b.text)}`),
  );
  expect(got).toEqual(want);
  expect(res.report.preamble).toBe(map(report.preamble ?? ''));
}

function expectIdentity(res: ImportResult, report: Report) {
  expect(res.format).toBe(report.format);
  expect(res.report.year).toBe(report.year);
  expect(res.report.agency.name).toBe(report.agency.name);
  expect(res.report.agency.kind).toBe(report.agency.kind);
  expect(res.report.title).toBe(report.title);
  expect(res.report.meta.source?.detectedFormat).toBe(report.format);
  expect(res.report.meta.source?.fileName).toBeTruthy();
}

describe.each(REPORTS)('%s report', (_name, make) => {
  const report = make();

  it('exported HTML page and website fragment', async () => {
    for (const html of [buildHtml(report, { standalone: true }), buildHtmlFragment(report, { includeTitle: true })]) {
      const res = await importReport(enc.encode(html), 'report.html');
      expect(res.kind).toBe('html');
      expectIdentity(res, report);
      expectCells(res, report);
      expectText(res, report);
      expect(res.report.signature).toEqual(report.signature);
    }
  });

  it('a government website page (chrome, layout table, metadata, &nbsp;, <br> in labels, irregular spans), UTF-8 and GBK', async () => {
    for (const bytes of [enc.encode(siteHtml(report)), gbkBytes(siteHtml(report, { charset: 'gbk' }))]) {
      const res = await importReport(bytes, 'index.html');
      expectIdentity(res, report);
      expectCells(res, report);
      expectText(res, report);
      expect(res.report.meta.source?.publishedAt).toBe(report.signature.date);
    }
  });

  it('.docx made elsewhere (no embedded report)', async () => {
    const res = await importReport(await buildDocx(report, { embed: false }), 'report.docx');
    expect(res.kind).toBe('docx');
    expectIdentity(res, report);
    expectCells(res, report);
    expectText(res, report);
  });

  it('our own exported .docx comes back through the embedded report', async () => {
    const res = await importReport(await buildDocx(report), 'report.docx');
    expect(res.kind).toBe('exported-docx');
    expect(res.report).toEqual(report);
    expect(res.differences).toEqual([]);
  });

  it('text: one cell per line (website flattening), also with the enumerators lost', async () => {
    for (const text of [webLines(report), webLines(report, { lostEnumerators: true })]) {
      const res = await importReport(enc.encode(text), 'report.txt');
      expect(res.kind).toBe('text');
      expectIdentity(res, report);
      expectCells(res, report);
      expectText(res, report);
      expect(res.report.meta.source?.publishedAt).toBe(report.signature.date);
    }
  });

  it('text: | separated rows and rows on one line', async () => {
    for (const text of [barRows(report), rowText(report)]) {
      const res = await importReport(enc.encode(text), 'report.txt');
      expectIdentity(res, report);
      expectCells(res, report);
      expectText(res, report);
    }
  });

  it(
    'text as county sites print tables: one cell per line ended by | (rows also opened by |) or ' +
      'followed by a lone |, rows as a | b |, markdown rows padded with empty cells',
    async () => {
      for (const text of [
        barCells(report),
        barCells(report, { rowMarks: true }),
        barSeparated(report),
        scrapedRows(report, 'trailing'),
        scrapedRows(report, 'markdown'),
      ]) {
        const res = await importReport(enc.encode(text), 'report.txt');
        expectIdentity(res, report);
        expectCells(res, report);
        expectText(res, report);
      }
    },
  );

  it('text copied from a PDF: wrapped lines, split labels, vertical group label, page numbers', async () => {
    const res = await importReport(enc.encode(pdfCopy(report)), 'report.txt');
    expectIdentity(res, report);
    expectCells(res, report);
    expectText(res, report);
  });

  it('half-width punctuation: cells found, text kept as printed', async () => {
    const res = await importReport(enc.encode(halfWidth(webLines(report))), 'report.txt');
    expectCells(res, report);
    expectText(res, report, halfWidth);
  });

  it('traditional characters and 「」 quotes are converted back', async () => {
    const res = await importReport(enc.encode(traditional(webLines(report))), 'report.txt');
    expectIdentity(res, report);
    expectCells(res, report);
    expectText(res, report);
    expect(res.warnings.some((w) => w.includes('繁体'))).toBe(true);
  });

  it('digits run together: Table 3 resolved by its own sums, never a wrong value elsewhere', async () => {
    const res = await importReport(enc.encode(rowText(report, true)), 'report.txt');
    const t3 = Object.keys(report.cells).filter((k) => k.startsWith('t3.'));
    for (const k of t3) expect(res.report.cells[k], k).toBe(report.cells[k]);
    // Rows without a sum to confirm a cut stay blank with a warning, or come back right.
    for (const k of Object.keys(report.cells).filter((x) => !x.startsWith('t3.'))) {
      if (res.report.cells[k] !== null) expect(res.report.cells[k], k).toBe(report.cells[k]);
    }
    if (Object.keys(report.cells).some((k) => res.report.cells[k] === null && report.cells[k] !== null)) {
      expect(res.warnings.some((w) => w.includes('连在一起') || w.includes('未找到'))).toBe(true);
    }
  });
});

describe('blank cells', () => {
  const report = blanksReport();
  it('stay blank where the source keeps them (HTML, website page, .docx, | rows, a lone | per empty cell)', async () => {
    const forms: [Uint8Array, string][] = [
      [enc.encode(buildHtml(report, { standalone: true })), 'a.html'],
      [enc.encode(siteHtml(report)), 'b.html'],
      [await buildDocx(report, { embed: false }), 'c.docx'],
      [enc.encode(barRows(report)), 'd.txt'],
      [enc.encode(barCells(report)), 'e.txt'],
      [enc.encode(barCells(report, { rowMarks: true })), 'e2.txt'],
      [enc.encode(traditional(barCells(report, { rowMarks: true }))), 'e3.txt'],
      [enc.encode(barSeparated(report)), 'e4.txt'],
      [enc.encode(scrapedRows(report, 'trailing')), 'f.txt'],
    ];
    for (const [bytes, name] of forms) {
      const res = await importReport(bytes, name);
      expectCells(res, report);
    }
  });

  it('where a copy lost them, the row stays blank with a warning instead of shifting numbers', async () => {
    const res = await importReport(enc.encode(rowText(report)), 'e.txt');
    for (const [k, v] of Object.entries(res.report.cells)) if (v !== null) expect(v, k).toBe(report.cells[k]);
    expect(res.warnings.some((w) => w.includes('无法确定各自所在的列'))).toBe(true);
    expect(res.confidence.t3).toBeLessThan(0.5);
  });
});
