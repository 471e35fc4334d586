import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { nodePdfjsExtractor, nodePdfExtractor, zlibInflate } from '../../../electron/services/import/node-import';
import { importReport } from '../../../shared/import/index';
import { fastPdfText } from '../../../shared/import/pdf/fast/extract';
import type { PdfText, PdfTextExtractor } from '../../../shared/import/pdf/pdfjs';
import { damagedCopies, printedPdfCorpus } from '../../fixtures/import/printed-pdfs';
import { hasChromium } from '../../fixtures/import/tools';
import { itUnless } from '../../fixtures/skip';
import { cleanupTempDirs } from '../export/helpers/tools';

/**
 * The fast PDF reader against pdf.js on every PDF at hand: the published reports of
 * ../shared/samples (Word/WPS), our reports printed by Chromium, rewritten by cairo and exported
 * by LibreOffice from our .docx. For each: the fast reader reads it itself (no fallback), its
 * text items are exactly pdf.js' items, and the imported report (sections, tables, warnings) is
 * the same. Damaged and cut-off files go to pdf.js and come out as pdf.js alone reads them.
 */

const ROOT = join(__dirname, '..', '..', '..');
const SAMPLES = join(ROOT, '..', 'shared', 'samples', 'published');
const work = mkdtempSync(join(tmpdir(), 'nianbao-pdf-fast-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  cleanupTempDirs();
});

const viaJson = <T>(x: T) => JSON.parse(JSON.stringify(x)) as T;
const fastOnly: PdfTextExtractor = async (bytes) => fastPdfText(bytes, zlibInflate);
const settle = (p: Promise<unknown>) =>
  p.then(viaJson, (e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }));

async function compare(files: string[]): Promise<void> {
  expect(files.length).toBeGreaterThan(0);
  for (const f of files) {
    const bytes = new Uint8Array(readFileSync(f));
    const fast = viaJson(fastPdfText(bytes, zlibInflate)); // throws (fails the test) if it would fall back
    const pdfjs = viaJson(await nodePdfjsExtractor()(bytes));
    expect(fast, f).toEqual(pdfjs);
    expect(
      fast.pages.reduce((n: number, p) => n + p.items.length, 0),
      f,
    ).toBeGreaterThan(50);
    const now = new Date('2026-03-01T00:00:00Z');
    const a = await importReport(bytes, f, { pdf: fastOnly, now });
    const b = await importReport(bytes, f, { pdf: nodePdfjsExtractor(), now });
    // Everything but the new report's random id.
    const withoutId = (r: typeof a) => viaJson({ ...r, report: { ...r.report, meta: { ...r.report.meta, id: '' } } });
    expect(withoutId(a), f).toEqual(withoutId(b));
  }
}

itUnless(
  !existsSync(SAMPLES) && `../shared/samples 不在（${SAMPLES}）：没有真实发布的 PDF 年报可比`,
  'published reports (Word/WPS: CID TrueType subsets, Identity-H and Identity-V, xref streams)',
  async () => {
    await compare(
      readdirSync(SAMPLES)
        .filter((f) => f.endsWith('.pdf'))
        .map((f) => join(SAMPLES, f)),
    );
  },
  300_000,
);

itUnless(
  !hasChromium && '没有 Chromium，无法生成要读取的 PDF（apt-get install chromium）',
  'our reports printed by Chromium (Type3 and CID fonts), rewritten by cairo, exported by LibreOffice (Type1, TrueType)',
  async () => {
    const printed = await printedPdfCorpus(work);
    await compare(printed.all);

    // Damaged (bytes lost in the middle) and cut off (a download broken off): pdf.js repairs what
    // it can; the importers' reader (fast, then pdf.js) gives exactly what pdf.js alone gives.
    for (const bytes of damagedCopies(readFileSync(printed.chromium.sample), [0.2, 0.5, 0.8], 0.7)) {
      const ours = await settle(nodePdfExtractor()(bytes));
      expect(ours).toEqual(await settle(nodePdfjsExtractor()(bytes) as Promise<PdfText>));
    }
  },
  300_000,
);
