import { existsSync, readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The Electron printer with a fake `electron` module (the Electron binary cannot run here): it must
 * load the report page in a hidden, script-less, sandboxed window, print A4 with the GB/T 9704
 * margins, always destroy the window and remove its temp file, and turn failures into Chinese messages.
 */

interface FakeState {
  options: unknown;
  loaded: string | null;
  loadedHtml: string | null;
  printOptions: unknown;
  destroyed: number;
  result: Buffer | Error | 'hang';
}

const state: FakeState = {
  options: null,
  loaded: null,
  loadedHtml: null,
  printOptions: null,
  destroyed: 0,
  result: Buffer.from('%PDF-1.7\n%fake\n'),
};

vi.mock('electron', () => {
  class BrowserWindow {
    private destroyedFlag = false;
    webContents = {
      printToPDF: async (opts: unknown) => {
        state.printOptions = opts;
        if (state.result === 'hang') return new Promise<Buffer>(() => undefined);
        if (state.result instanceof Error) throw state.result;
        return state.result;
      },
    };
    constructor(options: unknown) {
      state.options = options;
    }
    async loadFile(path: string) {
      state.loaded = path;
      state.loadedHtml = readFileSync(path, 'utf8');
    }
    isDestroyed() {
      return this.destroyedFlag;
    }
    destroy() {
      this.destroyedFlag = true;
      state.destroyed++;
    }
  }
  return { BrowserWindow, default: { BrowserWindow } };
});

const { ElectronPdfPrinter, PDF_OPTIONS } = await import('../../../electron/services/export/electron-printer');
const { PdfPrintError } = await import('../../../electron/services/export/pdf-printer');
const { buildHtml } = await import('../../../shared/export/html/build');
const { richReport } = await import('./fixtures');

describe('ElectronPdfPrinter (fake electron module)', () => {
  beforeEach(() => {
    Object.assign(state, {
      options: null,
      loaded: null,
      loadedHtml: null,
      printOptions: null,
      destroyed: 0,
      result: Buffer.from('%PDF-1.7\n%fake\n'),
    });
  });

  it('prints the page in a hidden sandboxed window without scripts, A4 with the GB/T 9704 margins', async () => {
    const html = buildHtml(richReport(), { standalone: true });
    const bytes = await new ElectronPdfPrinter().printHtml(html);
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    expect(state.options).toMatchObject({
      show: false,
      webPreferences: { javascript: false, nodeIntegration: false, contextIsolation: true, sandbox: true },
    });
    expect(state.loadedHtml).toBe(html);
    expect(state.printOptions).toEqual(PDF_OPTIONS);
    expect(state.printOptions).toMatchObject({
      pageSize: 'A4',
      preferCSSPageSize: true,
      displayHeaderFooter: false,
      printBackground: true,
    });
    const m = (state.printOptions as { margins: Record<string, number> }).margins;
    expect(m['top']! * 25.4).toBeCloseTo(37, 5);
    expect(m['bottom']! * 25.4).toBeCloseTo(35, 5);
    expect(m['left']! * 25.4).toBeCloseTo(28, 5);
    expect(m['right']! * 25.4).toBeCloseTo(26, 5);
    expect(state.destroyed).toBe(1);
    expect(existsSync(state.loaded!)).toBe(false); // temp page removed
  });

  it('a failing printToPDF becomes a Chinese PdfPrintError; the window is destroyed', async () => {
    state.result = new Error('printing failed');
    const err = await new ElectronPdfPrinter().printHtml('<!DOCTYPE html><title>x</title>').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PdfPrintError);
    expect((err as Error).message).toMatch(/生成 PDF 失败：printing failed/);
    expect(state.destroyed).toBe(1);
    expect(existsSync(state.loaded!)).toBe(false);
  });

  it('output that is not a PDF is refused', async () => {
    state.result = Buffer.from('<html>error</html>');
    await expect(new ElectronPdfPrinter().printHtml('<!DOCTYPE html><title>x</title>')).rejects.toThrow(
      /没有生成有效的 PDF/,
    );
    expect(state.destroyed).toBe(1);
  });

  it('times out with a message instead of hanging', async () => {
    state.result = 'hang';
    const err = await new ElectronPdfPrinter({ timeoutMs: 50 })
      .printHtml('<!DOCTYPE html><title>x</title>')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PdfPrintError);
    expect((err as InstanceType<typeof PdfPrintError>).code).toBe('timeout');
    expect(state.destroyed).toBe(1);
  });
});
