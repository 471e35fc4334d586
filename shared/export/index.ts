/** Exports of a report: .docx for sign-off, HTML for the website and the preview, the print model they share. */
export { buildDocx, buildDocument, STYLE, STYLE_NAME, type DocxOptions } from './docx/build';
export { readEmbeddedReport, EMBED_NAMESPACE } from './docx/embedded';
export { buildHtml, buildHtmlFragment, type HtmlOptions } from './html/build';
export {
  buildPrintDocument,
  describeLocation,
  titleLines,
  type PrintDocument,
  type PrintLocation,
  type PrintParagraph,
  type PrintSection,
} from './print-model';
export { layoutTable, tableDefFor, type PrintCell, type PrintTable } from './table-layout';
export { exportFileName, safeFileName, type ExportFormat } from './file-name';
export { PAGE, TYPE_WIDTH, FONT, SIZE, LINE_PITCH, type PageNumberPlacement } from './gbt9704';
export { clipboardPayload, reportPlainText, type ClipboardPayload } from './clipboard';
