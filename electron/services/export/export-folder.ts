import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as zlib from 'node:zlib';
import type { Report } from '../../../shared/model/types';
import { buildDocx, type DocxOptions } from '../../../shared/export/docx/build';
import { buildHtml } from '../../../shared/export/html/build';
import { exportFileName, type ExportFormat } from '../../../shared/export/file-name';
import type { PageNumberPlacement } from '../../../shared/export/gbt9704';
import { ChromiumPdfPrinter } from './chromium-printer';
import { PdfPrintError, type PdfPrinter } from './pdf-printer';
import { writeErrorMessage, writeNewFile, type ExistsPolicy } from './write-new-file';

/**
 * One-click export: the chosen formats written into a folder under names made from the agency
 * and year (云溪县市场监督管理局2024年政府信息公开工作年度报告.docx). An existing file is never
 * replaced: the new one is numbered (…报告(2).docx) and the result says so.
 */

export type FolderExportFormat = ExportFormat | 'fragment';

export interface ExportedFile {
  format: FolderExportFormat;
  path: string;
  /** The planned name was taken; the file was written under a numbered name. */
  renamed: boolean;
  bytes: number;
}

export interface ExportFailure {
  format: FolderExportFormat;
  /** Chinese, says what to do. */
  message: string;
}

export interface ExportResult {
  files: ExportedFile[];
  /** Formats that could not be written (the others were): e.g. no browser for the PDF. */
  failures: ExportFailure[];
}

export interface FolderExportOptions {
  formats: FolderExportFormat[];
  /** PDF printer (or its factory, called only for a PDF); default: a headless Chromium found on the machine. */
  printer?: PdfPrinter | (() => PdfPrinter);
  pageNumbers?: PageNumberPlacement;
  docx?: Omit<DocxOptions, 'pageNumbers'>;
  /** When a file of the planned name exists: number the new one (default) or fail. */
  onExists?: Exclude<ExistsPolicy, 'replace'>;
}

/** The bytes of one format (also used by the CLI and the service for single-file exports). */
export async function renderExport(
  report: Report,
  format: FolderExportFormat,
  options: { printer?: PdfPrinter | (() => PdfPrinter); pageNumbers?: PageNumberPlacement; docx?: DocxOptions } = {},
): Promise<Uint8Array | string> {
  switch (format) {
    case 'docx':
      return buildDocx(report, {
        // zlib's deflate, native: the docx library's JavaScript one was a quarter of an export.
        deflateRaw: (data) => zlib.deflateRawSync(data),
        // zlib.crc32 is Node 20.15+ (an older Electron's Node has none): the checksum loop in
        // JavaScript, run once and unoptimised, was ~5 % of a CLI export.
        ...(typeof zlib.crc32 === 'function' ? { crc32: (data: Uint8Array) => zlib.crc32(data) } : {}),
        ...options.docx,
        ...(options.pageNumbers ? { pageNumbers: options.pageNumbers } : {}),
      });
    case 'html':
      return buildHtml(report, {
        standalone: true,
        ...(options.pageNumbers ? { pageNumbers: options.pageNumbers } : {}),
      });
    case 'fragment':
      return buildHtml(report, { standalone: false });
    case 'pdf': {
      const p = options.printer;
      const printer = typeof p === 'function' ? p() : (p ?? new ChromiumPdfPrinter());
      return printer.printHtml(
        buildHtml(report, {
          standalone: true,
          forPrint: true,
          ...(options.pageNumbers ? { pageNumbers: options.pageNumbers } : {}),
        }),
      );
    }
  }
}

export function plannedName(report: Report, format: FolderExportFormat): string {
  return exportFileName(report, format === 'fragment' ? 'fragment.html' : format);
}

const ORDER: FolderExportFormat[] = ['docx', 'html', 'fragment', 'pdf'];

export async function exportReportToFolder(
  report: Report,
  dir: string,
  options: FolderExportOptions,
): Promise<ExportResult> {
  const result: ExportResult = { files: [], failures: [] };
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    const message = writeErrorMessage(e, dir);
    return { files: [], failures: options.formats.map((format) => ({ format, message })) };
  }
  const formats = ORDER.filter((f) => options.formats.includes(f));
  for (const format of formats) {
    const target = join(dir, plannedName(report, format));
    let data: Uint8Array | string;
    try {
      data = await renderExport(report, format, {
        ...(options.printer ? { printer: options.printer } : {}),
        ...(options.pageNumbers ? { pageNumbers: options.pageNumbers } : {}),
        docx: { ...options.docx },
      });
    } catch (e) {
      result.failures.push({
        format,
        message:
          e instanceof PdfPrintError
            ? e.message
            : `生成${format.toUpperCase()}失败：${e instanceof Error ? e.message : String(e)}`,
      });
      continue;
    }
    try {
      const written = await writeNewFile(target, data, options.onExists ?? 'number');
      result.files.push({
        format,
        path: written.path,
        renamed: written.path !== target,
        bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength,
      });
    } catch (e) {
      result.failures.push({ format, message: writeErrorMessage(e, target) });
    }
  }
  return result;
}
