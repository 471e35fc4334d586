import type { FormatId } from '../../templates/index';
import type { Report } from '../model/types';
import { assemble } from './assemble';
import { settleWithLastYear } from './last-year';
import { notReportOf, type NotReport } from './not-report';
import type { PendingRow } from './tables/extract';
import { sniff } from './bytes';
import { openDocx, readDocx } from './docx/read-docx';
import { ImportError, LIMITS } from './errors';
import { readExportedDocx, type ParagraphDifference } from './exported-docx';
import { readHtml } from './html/read-html';
import { pdfjsExtractor, type PdfjsOptions, type PdfTextExtractor } from './pdf/pdfjs';
import { readPdf } from './pdf/read-pdf';
import type { ImportKind, SourceDoc } from './source-doc';
import { readText } from './text/read-text';

/**
 * Import of a published report in any form: the one entry point.
 *
 *   const result = await importReport(bytes, '洪泽区2023年报.pdf');
 *   result.report            // the report (cells as published, meta.source filled)
 *
 * Throws only ImportError (with a Chinese message); every other failure is wrapped in one.
 */

export { ImportError, type ImportErrorCode } from './errors';
export { settleWithLastYear } from './last-year';
export { notReportOf, type NotReport } from './not-report';
export type { PendingRow } from './tables/extract';
export type { ImportKind } from './source-doc';
export type { PdfjsOptions, PdfTextExtractor } from './pdf/pdfjs';
export { keepingBuiltins, pdfjsExtractor } from './pdf/pdfjs';

export interface ImportResult {
  report: Report;
  /** Parser warnings (Chinese), also stored in report.meta.source.warnings. */
  warnings: string[];
  /** 0..1 per table (t2, t3, t4); 1 for a report read back from our own .docx. */
  confidence: Record<string, number>;
  format: FormatId;
  kind: ImportKind;
  /**
   * Our own exported .docx: where the visible text (edited in Word/WPS during sign-off) differs from
   * the embedded report. `report` is the document as it reads (the visible text wins, export.md);
   * `embedded` is the copy the app exported, to which the UI may apply differences one by one.
   */
  differences?: ParagraphDifference[];
  embedded?: Report;
  /**
   * Table 2 rows left blank because their digits could be cut several ways; last year's report
   * may decide them (`settleWithLastYear`, done by `batch` once reports are paired).
   */
  pending?: PendingRow[];
  /** Not a report: the blank template, or an outline with the headings and no figures (the first warning says so). */
  notReport?: NotReport;
}

export interface ImportOptions {
  /** PDF text extraction (default: pdf.js without CMaps; Node callers pass CMap locations, see electron/services/import). */
  pdf?: PdfTextExtractor;
  pdfjs?: PdfjsOptions;
  /** Clock for createdAt/updatedAt (tests). */
  now?: Date;
  /** Last year's report of the same agency, when at hand: its 现行有效件数 help cut Table 2 rows whose digits ran together. */
  last?: Report | null;
}

const EXT = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';

export async function importReport(
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  try {
    return await run(bytes, fileName, options);
  } catch (e) {
    if (e instanceof ImportError) {
      throw e.fileName ? e : new ImportError(e.code, e.message, fileName);
    }
    const detail = e instanceof Error ? e.message : String(e);
    throw new ImportError(
      'internal',
      `导入时出错（${detail.slice(0, 160)}）。文件可能已损坏，或是不常见的格式；请改用网页版、Word 版或 PDF 版再试。`,
      fileName,
    );
  }
}

async function run(bytes: Uint8Array, fileName: string, options: ImportOptions): Promise<ImportResult> {
  const now = options.now ?? new Date();
  if (!bytes || bytes.length === 0)
    throw new ImportError('empty', '文件是空的（0 字节）。请重新下载或选择其他文件。', fileName);
  if (bytes.length > LIMITS.bytes)
    throw new ImportError(
      'too-large',
      `文件过大（${Math.round(bytes.length / 1048576)} MB），超过 ${LIMITS.bytes / 1048576} MB 的上限，无法导入。`,
      fileName,
    );
  const ext = EXT(fileName);
  const kind = sniff(bytes, fileName);
  let doc: SourceDoc;
  switch (kind) {
    case 'pdf':
      doc = await readPdf(bytes, options.pdf ?? pdfjsExtractor(options.pdfjs));
      break;
    case 'zip': {
      // Only a file that is not our own export is read again below; a part over its cap is refused.
      const back = await readExportedDocx(bytes).catch((e: unknown) => {
        if (e instanceof ImportError && e.code === 'too-large') throw e;
        return null;
      });
      if (back) {
        const changed = back.differences.length;
        return {
          report: back.visibleReport,
          warnings: changed
            ? [
                `这是本软件导出的 Word 文档，正文在 Word/WPS 中改动过 ${changed} 处，已按文档中看到的内容读取（改动处见差异列表）。`,
                ...back.warnings,
              ]
            : back.warnings,
          confidence: { t2: 1, t3: 1, t4: 1 },
          format: back.visibleReport.format,
          kind: 'exported-docx',
          differences: back.differences,
          embedded: back.report,
        };
      }
      doc = await readDocx(await openDocx(bytes));
      break;
    }
    case 'ole':
      throw new ImportError(
        'unsupported',
        '这是旧版 Word（.doc）、WPS（.wps）或 Excel 文件，无法直接读取。请在 Word 或 WPS 中打开，“另存为” .docx 后再导入。',
        fileName,
      );
    case 'rtf':
      throw new ImportError(
        'unsupported',
        '这是 RTF 文件，无法直接读取。请在 Word 或 WPS 中打开，“另存为” .docx 后再导入。',
        fileName,
      );
    case 'image':
      throw new ImportError(
        'scanned',
        '这是一张图片，没有可读取的文字。请改用网页版、Word 版或可复制文字的 PDF，或先用 OCR 软件识别文字。',
        fileName,
      );
    case 'mht':
      throw new ImportError(
        'unsupported',
        '这是“单个文件网页”（.mht），无法直接读取。请在浏览器中打开后“另存为”网页（.html），或复制正文保存为 .txt 后再导入。',
        fileName,
      );
    case 'html':
      doc = readHtml(bytes);
      break;
    default:
      if (ext === 'docx' || ext === 'pdf') {
        throw new ImportError(
          'corrupt',
          `文件扩展名是 .${ext}，但内容不是 ${ext === 'pdf' ? 'PDF' : 'Word'} 文档（可能已损坏或下载不完整）。请重新下载后再导入。`,
          fileName,
        );
      }
      if (looksBinary(bytes)) {
        throw new ImportError(
          'unsupported',
          '无法识别这个文件的格式（不是网页、文本、Word .docx 或 PDF）。请选择年报的网页、Word、PDF 或文本文件。',
          fileName,
        );
      }
      doc = readText(bytes);
  }
  const out = await assemble(doc, fileName, now, { last: options.last ?? null });
  const settled = settleWithLastYear(out.report, out.pending, options.last);
  return {
    report: settled.report,
    warnings: settled.report === out.report ? out.warnings : settled.warnings,
    confidence: out.confidence,
    format: out.format,
    kind: out.kind,
    ...(settled.pending.length ? { pending: settled.pending } : {}),
    ...(notReportOf(out.report) ? { notReport: notReportOf(out.report)! } : {}),
  };
}

/** Control bytes that text never has (NUL and friends) in the first 4 KB. */
function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false; // UTF-16 text
  const n = Math.min(bytes.length, 4096);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = bytes[i]!;
    if (c === 0 || (c < 8 && c !== 0) || (c > 13 && c < 32 && c !== 27)) bad++;
  }
  return bad > Math.max(2, n * 0.01);
}
