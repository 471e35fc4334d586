import { ImportError, LIMITS } from '../errors';
import type { SourceDoc } from '../source-doc';
import { layoutPages } from './layout';
import type { PdfTextExtractor } from './pdfjs';

/**
 * A PDF's lines. The extractor guards itself against streams that inflate past the reader limits:
 * pdf.js' adapter measures them first (stream-guard.ts), the fast reader inflates with the same caps.
 */
export async function readPdf(bytes: Uint8Array, extract: PdfTextExtractor): Promise<SourceDoc> {
  const { pages, numPages } = await extract(bytes);
  const { lines, emptyPages } = layoutPages(pages);
  const chars = lines.reduce((n, l) => n + l.text.length, 0);
  if (chars < 20) {
    throw new ImportError(
      'scanned',
      numPages > 0
        ? `这个 PDF 共 ${numPages} 页，但没有可读取的文字（可能是扫描件或图片）。请向发布单位索取文字版（网页、Word 或可复制文字的 PDF），或先用 OCR 软件识别文字后再导入。`
        : '这个 PDF 文件没有页面。请确认文件完整。',
    );
  }
  const warnings: string[] = [];
  if (emptyPages.length) {
    warnings.push(
      `PDF 第 ${emptyPages.join('、')} 页没有文字层（可能是扫描图片），这些页上的内容（包括表格）无法读取。`,
    );
  }
  if (numPages > LIMITS.pdfPages) warnings.push(`PDF 共 ${numPages} 页，只读取了前 ${LIMITS.pdfPages} 页。`);
  if (numPages > pages.length && pages.length < LIMITS.pdfPages) {
    warnings.push(`PDF 共 ${numPages} 页，只能读取前 ${pages.length} 页（文件可能不完整）。`);
  }
  return { kind: 'pdf', blocks: lines, warnings, wrapped: true };
}
