import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { BrowserWindowConstructorOptions, PrintToPDFOptions } from 'electron';
import { afterAll, beforeEach, expect, it, vi } from 'vitest';
import { cleanupTempDirs, describeWithTools, pdfinfo, pdftotext, tempDir } from './helpers/tools';

/**
 * The Electron printer. The Electron binary cannot run here, so `electron` is a stand-in whose
 * BrowserWindow is a real Chromium page (Playwright on /usr/bin/chromium, the engine inside
 * Electron) and whose `printToPDF` hands our options to Chromium exactly as Electron 45 does
 * (lib/browser/api/web-contents.ts: inches, page size by name, Electron's defaults for what is not
 * given). What is checked is the PDF Chromium made from them: A4, text inside the GB/T 9704 type
 * area, tagged with an outline, scripts off; and that the window and its temp page always go.
 */

interface FakeState {
  browser: Browser | null;
  options: BrowserWindowConstructorOptions | null;
  loaded: string | null;
  destroyed: number;
  /** Instead of printing: fail, return these bytes, or never answer. */
  override: Error | Uint8Array | 'hang' | null;
}

const state: FakeState = { browser: null, options: null, loaded: null, destroyed: 0, override: null };

/** Electron's page sizes, in microns (electron/lib/browser/api/web-contents.ts, PDFPageSizes). */
const PAGE_SIZES: Record<string, { width: number; height: number }> = {
  A4: { width: 210000, height: 297000 },
  A3: { width: 297000, height: 420000 },
  Letter: { width: 215900, height: 279400 },
};

/** What Electron's WebContents.printToPDF sends to Chromium (the DevTools Page.printToPDF fields). */
function electronPrintSettings(o: PrintToPDFOptions): Record<string, unknown> {
  const size =
    typeof o.pageSize === 'object'
      ? { paperWidth: o.pageSize.width, paperHeight: o.pageSize.height }
      : (() => {
          const s = PAGE_SIZES[o.pageSize ?? 'Letter'];
          if (!s) throw new Error(`Unsupported pageSize: ${o.pageSize}`);
          return { paperWidth: s.width / 25400, paperHeight: s.height / 25400 };
        })();
  const m = o.margins ?? {};
  return {
    landscape: o.landscape ?? false,
    displayHeaderFooter: o.displayHeaderFooter ?? false,
    headerTemplate: o.headerTemplate ?? '',
    footerTemplate: o.footerTemplate ?? '',
    printBackground: o.printBackground ?? false,
    scale: o.scale ?? 1,
    marginTop: m.top ?? 0.4,
    marginBottom: m.bottom ?? 0.4,
    marginLeft: m.left ?? 0.4,
    marginRight: m.right ?? 0.4,
    pageRanges: o.pageRanges ?? '',
    preferCSSPageSize: o.preferCSSPageSize ?? false,
    generateTaggedPDF: o.generateTaggedPDF ?? false,
    generateDocumentOutline: o.generateDocumentOutline ?? false,
    ...size,
  };
}

vi.mock('electron', () => {
  class BrowserWindow {
    private context: Promise<BrowserContext>;
    private page: Promise<Page>;
    private destroyedFlag = false;
    readonly webContents = {
      printToPDF: async (options: PrintToPDFOptions): Promise<Buffer> => {
        const o = state.override;
        if (o === 'hang') return new Promise<Buffer>(() => undefined);
        if (o instanceof Error) throw o;
        if (o) return Buffer.from(o);
        const page = await this.page;
        const cdp = await page.context().newCDPSession(page);
        const { data } = (await cdp.send('Page.printToPDF', electronPrintSettings(options))) as { data: string };
        return Buffer.from(data, 'base64');
      },
    };
    constructor(options: BrowserWindowConstructorOptions) {
      state.options = options;
      this.context = state.browser!.newContext({
        javaScriptEnabled: options.webPreferences?.javascript !== false,
        viewport: { width: options.width ?? 800, height: options.height ?? 600 },
      });
      this.page = this.context.then((c) => c.newPage());
    }
    async loadFile(path: string) {
      state.loaded = path;
      await (await this.page).goto(pathToFileURL(path).href);
    }
    isDestroyed() {
      return this.destroyedFlag;
    }
    destroy() {
      this.destroyedFlag = true;
      state.destroyed++;
      void this.context.then((c) => c.close());
    }
  }
  return { BrowserWindow, default: { BrowserWindow } };
});

const { ElectronPdfPrinter } = await import('../../../electron/services/export/electron-printer');
const { PdfPrintError } = await import('../../../electron/services/export/pdf-printer');
const { buildHtml } = await import('../../../shared/export/html/build');
const { richReport } = await import('./fixtures');

const dir = tempDir('electron-pdf');
const PT_PER_MM = 72 / 25.4;

afterAll(async () => {
  await state.browser?.close();
  cleanupTempDirs();
});

/** Every word of the PDF with its box (points, origin top left). */
async function words(pdf: string) {
  const xml = await pdftotext(pdf, false, ['-bbox']);
  return xml
    .split('<page ')
    .slice(1)
    .flatMap((page, i) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
        (m) => ({
          page: i + 1,
          x0: Number(m[1]),
          y0: Number(m[2]),
          x1: Number(m[3]),
          y1: Number(m[4]),
          text: m[5]!,
        }),
      ),
    );
}

describeWithTools(
  ['chromium', 'pdftotext', 'pdfinfo'],
  'ElectronPdfPrinter (Electron stand-in on real Chromium)',
  () => {
    beforeEach(async () => {
      if (!state.browser) {
        const { chromium } = await import('@playwright/test');
        state.browser = await chromium.launch({
          executablePath: '/usr/bin/chromium',
          args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
        });
      }
      Object.assign(state, { options: null, loaded: null, destroyed: 0, override: null });
    });

    it('prints A4 with the text inside the GB/T 9704 type area, tagged, with an outline', async () => {
      const report = richReport();
      const bytes = await new ElectronPdfPrinter().printHtml(buildHtml(report, { standalone: true }));
      const pdf = join(dir, 'electron.pdf');
      writeFileSync(pdf, bytes);

      const info = await pdfinfo(pdf);
      expect(info.width).toBeCloseTo(595.3, 0);
      expect(info.height).toBeCloseTo(841.9, 0);
      expect(info.pages).toBeGreaterThanOrEqual(3);
      const raw = Buffer.from(bytes).toString('latin1');
      expect(raw).toContain('/StructTreeRoot'); // tagged: screen readers
      expect(raw).toContain('/Outlines'); // headings as bookmarks

      const text = (await pdftotext(pdf, true)).replace(/\s+/g, '');
      expect(text).toContain(report.agency.name);
      expect(text).toContain('一、总体情况');

      // The body (everything but the page number under the type area) keeps the margins: 天头 37 mm,
      // 订口 28 mm, right 26 mm, above the 35 mm foot. Vertically the middle of each word's box counts:
      // pdftotext's boxes span the font's whole ascent and descent, well beyond the glyphs.
      const all = await words(pdf);
      const typeBottom = info.height - 35 * PT_PER_MM;
      const middle = (w: { y0: number; y1: number }) => (w.y0 + w.y1) / 2;
      const body = all.filter((w) => middle(w) < typeBottom);
      const slack = 1.5; // glyph boxes round outwards
      expect(Math.min(...body.map((w) => w.x0))).toBeGreaterThan(28 * PT_PER_MM - slack);
      expect(Math.max(...body.map((w) => w.x1))).toBeLessThan(info.width - 26 * PT_PER_MM + slack);
      expect(Math.min(...body.map(middle))).toBeGreaterThan(37 * PT_PER_MM);
      // Full pages fill the type area down to its foot (the margins are not doubled by @page and Electron's).
      const page2 = body.filter((w) => w.page === 2);
      expect(Math.min(...page2.map(middle))).toBeLessThan(37 * PT_PER_MM + 29);
      expect(Math.max(...page2.map(middle))).toBeGreaterThan(typeBottom - 29);
      // Page numbers “— n —” sit under the type area of every page.
      const foot = all.filter((w) => middle(w) >= typeBottom);
      expect(
        Array.from({ length: info.pages }, (_, i) =>
          foot
            .filter((w) => w.page === i + 1)
            .map((w) => w.text)
            .join(''),
        ),
      ).toEqual(Array.from({ length: info.pages }, (_, i) => `—${i + 1}—`));

      expect(state.options).toMatchObject({
        show: false,
        webPreferences: { javascript: false, nodeIntegration: false, contextIsolation: true, sandbox: true },
      });
      expect(state.destroyed).toBe(1);
      expect(existsSync(state.loaded!)).toBe(false); // temp page removed
    });

    it('runs no script of the page (javascript off in the hidden window)', async () => {
      const html =
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>x</title></head><body>' +
        '<p id="t">静态内容</p><script>document.getElementById("t").textContent = "脚本运行了";</script></body></html>';
      const pdf = join(dir, 'script.pdf');
      writeFileSync(pdf, await new ElectronPdfPrinter().printHtml(html));
      const text = await pdftotext(pdf, true);
      expect(text).toContain('静态内容');
      expect(text).not.toContain('脚本运行了');
    });

    it('a failing printToPDF becomes a Chinese PdfPrintError; the window is destroyed', async () => {
      state.override = new Error('printing failed');
      const err = await new ElectronPdfPrinter().printHtml('<!DOCTYPE html><title>x</title>').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PdfPrintError);
      expect((err as Error).message).toMatch(/生成 PDF 失败：printing failed/);
      expect(state.destroyed).toBe(1);
      expect(existsSync(state.loaded!)).toBe(false);
    });

    it('output that is not a PDF is refused', async () => {
      state.override = new TextEncoder().encode('<html>error</html>');
      await expect(new ElectronPdfPrinter().printHtml('<!DOCTYPE html><title>x</title>')).rejects.toThrow(
        /没有生成有效的 PDF/,
      );
      expect(state.destroyed).toBe(1);
    });

    it('times out with a message instead of hanging', async () => {
      state.override = 'hang';
      const err = await new ElectronPdfPrinter({ timeoutMs: 50 })
        .printHtml('<!DOCTYPE html><title>x</title>')
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PdfPrintError);
      expect((err as InstanceType<typeof PdfPrintError>).code).toBe('timeout');
      expect((err as Error).message).toMatch(/超时/);
      expect(state.destroyed).toBe(1);
    });
  },
);
