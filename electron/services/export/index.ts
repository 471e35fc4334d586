/** Export services of the main process (and browser mode / CLI): files, PDF printing. */
export {
  exportReportToFolder,
  renderExport,
  plannedName,
  type ExportResult,
  type ExportedFile,
  type ExportFailure,
  type FolderExportOptions,
  type FolderExportFormat,
} from './export-folder';
export { ChromiumPdfPrinter, findChromium, NO_BROWSER_MESSAGE, type ChromiumPrinterOptions } from './chromium-printer';
export { ElectronPdfPrinter, PDF_OPTIONS } from './electron-printer';
export { PdfPrintError, type PdfPrinter } from './pdf-printer';
export { writeNewFile, writeErrorMessage, numbered, type ExistsPolicy, type WrittenFile } from './write-new-file';
