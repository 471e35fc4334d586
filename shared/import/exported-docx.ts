import type JSZip from 'jszip';
import { readEmbeddedReport } from '../export/docx/embedded';
import { validateReport } from '../model/schema';
import type { Report } from '../model/types';
import { compareWithDocument } from './exported-docx/compare';
import { readBody, readStyleNames } from './exported-docx/ooxml';
import { LIMITS } from './errors';
import { openZip, readZipText } from './safe-zip';
import { applyDifferences, type ParagraphDifference } from './exported-docx/differences';

export { applyDifferences, parseChineseDate } from './exported-docx/differences';
export type { DifferenceLocation, ParagraphDifference } from './exported-docx/differences';

/**
 * Reading back a .docx this app exported (the general importers call this first).
 *
 * The exported .docx carries the report itself (a custom XML part). When the clerk or a leader
 * edited the text in Word/WPS during sign-off, the visible text is compared with that copy,
 * paragraph by paragraph and cell by cell, and the differences are returned for the clerk to
 * take one by one (`applyDifferences`). `report` is always the embedded copy, unchanged.
 */

export interface ExportedDocxReadBack {
  /** The embedded report, exactly as exported. */
  report: Report;
  /** Where the visible document differs from it, in reading order (empty when untouched). */
  differences: ParagraphDifference[];
  /** What could not be mapped (Chinese), e.g. a table whose columns were changed. */
  warnings: string[];
  /**
   * The report as the document shows it: every applicable difference taken (export.md: the visible
   * text wins). Same object as `report` when nothing differs.
   */
  visibleReport: Report;
}

/**
 * null when the file has no (valid) embedded report: a .docx made elsewhere, or one whose part an
 * editor dropped. The general .docx importer then reads the visible content instead.
 */
export async function readExportedDocx(bytes: Uint8Array): Promise<ExportedDocxReadBack | null> {
  let zip: JSZip;
  try {
    zip = await openZip(bytes);
  } catch {
    return null; // the general reader opens it again and says what is wrong
  }
  // A part over its cap or a damaged part is refused (ImportError), not passed over in silence.
  const raw = await readEmbeddedReport(zip);
  if (raw === null) return null;
  const valid = validateReport(raw);
  if (!valid.ok) return null;
  const report = valid.report;

  const documentXml = await readZipText(zip, 'word/document.xml', {
    cap: LIMITS.zipBodyBytes,
    what: 'Word 文档正文（document.xml）',
  });
  if (!documentXml) {
    return {
      report,
      differences: [],
      warnings: ['文档正文（word/document.xml）缺失，只读回了内嵌的年报数据。'],
      visibleReport: report,
    };
  }
  const stylesXml = await readZipText(zip, 'word/styles.xml', { what: 'Word 样式表（styles.xml）' });
  const items = readBody(documentXml, stylesXml ? readStyleNames(stylesXml) : new Map());
  const { differences, warnings } = compareWithDocument(report, items);
  const visibleReport = differences.length ? applyDifferences(report, differences, () => true) : report;
  return { report, differences, warnings, visibleReport };
}
