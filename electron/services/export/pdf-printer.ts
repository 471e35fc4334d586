/**
 * Printing the report's HTML (buildHtml with `standalone: true`: A4 and the "— 1 —" page numbers
 * are in its @page rules) to PDF through Chromium. Two implementations: Electron's own
 * `webContents.printToPDF` (the desktop app) and a headless Chromium found on the machine
 * (browser mode and the CLI).
 */
export interface PdfPrinter {
  /** For messages: 'electron' or the browser executable. */
  readonly name: string;
  /** The PDF bytes of a standalone HTML page. */
  printHtml(html: string): Promise<Uint8Array>;
}

/** A PDF could not be made; the message says why and what to do (Chinese). */
export class PdfPrintError extends Error {
  constructor(
    message: string,
    readonly code: 'no-browser' | 'failed' | 'timeout' = 'failed',
  ) {
    super(message);
    this.name = 'PdfPrintError';
  }
}

/** A PDF starts with "%PDF-": anything else means the printer wrote an error page or nothing. */
export function assertPdf(bytes: Uint8Array, who: string): Uint8Array {
  const head = String.fromCharCode(...bytes.subarray(0, 5));
  if (head !== '%PDF-')
    throw new PdfPrintError(
      `${who} 没有生成有效的 PDF 文件。请重试；如果一再失败，请导出 .docx 后在 WPS/Word 中另存为 PDF。`,
    );
  return bytes;
}
