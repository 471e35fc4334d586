import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow as BrowserWindowType, PrintToPDFOptions } from 'electron';
import { assertPdf, PdfPrintError, type PdfPrinter } from './pdf-printer';

/**
 * PDF printing in the desktop app: the report's HTML in a hidden window, printed with
 * `webContents.printToPDF` (the Chromium inside Electron, so no browser needs to be installed).
 * Electron is imported when printing, so that this module loads in plain Node (CLI, tests).
 */

const MM_PER_INCH = 25.4;

/** GB/T 9704 margins, also given to Chromium in case a print setting outranks the page's @page rule. */
export const PDF_OPTIONS: PrintToPDFOptions = {
  pageSize: 'A4',
  preferCSSPageSize: true,
  printBackground: true,
  displayHeaderFooter: false,
  landscape: false,
  margins: { top: 37 / MM_PER_INCH, bottom: 35 / MM_PER_INCH, left: 28 / MM_PER_INCH, right: 26 / MM_PER_INCH },
  // Headings become PDF bookmarks and the PDF is tagged (screen readers, accessibility checks).
  generateDocumentOutline: true,
  generateTaggedPDF: true,
};

export interface ElectronPrinterOptions {
  timeoutMs?: number;
}

export class ElectronPdfPrinter implements PdfPrinter {
  readonly name = 'electron';
  private readonly timeoutMs: number;

  constructor(options: ElectronPrinterOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 60_000;
  }

  async printHtml(html: string): Promise<Uint8Array> {
    const { BrowserWindow } = await import('electron');
    const dir = await mkdtemp(join(tmpdir(), 'nianbao-pdf-'));
    let win: BrowserWindowType | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const page = join(dir, 'report.html');
      await writeFile(page, html, 'utf8');
      win = new BrowserWindow({
        show: false,
        width: 794,
        height: 1123,
        webPreferences: {
          // The page is static: no scripts, no Node, isolated, sandboxed.
          javascript: false,
          nodeIntegration: false,
          contextIsolation: true,
          sandbox: true,
          webSecurity: true,
          spellcheck: false,
        },
      });
      const window = win;
      const work = (async () => {
        await window.loadFile(page);
        return window.webContents.printToPDF(PDF_OPTIONS);
      })();
      // After a timeout the window is destroyed under the load or print: that late failure is expected,
      // not an unhandled rejection of the main process.
      work.catch(() => undefined);
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new PdfPrintError(
                `生成 PDF 超时（${Math.round(this.timeoutMs / 1000)} 秒）。请关闭其他程序后重试。`,
                'timeout',
              ),
            ),
          this.timeoutMs,
        );
      });
      let data: Buffer;
      try {
        data = await Promise.race([work, timeout]);
      } catch (e) {
        if (e instanceof PdfPrintError) throw e;
        throw new PdfPrintError(
          `生成 PDF 失败：${e instanceof Error ? e.message : String(e)}。请重试；也可以导出 .docx 后在 WPS/Word 中另存为 PDF。`,
        );
      }
      return assertPdf(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), '打印');
    } finally {
      if (timer) clearTimeout(timer);
      if (win && !win.isDestroyed()) win.destroy();
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    }
  }
}
