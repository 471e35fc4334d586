import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildHtml } from '../../../shared/export/html/build';
import { sampleReport } from '../../../shared/sample/sample-report';
import type { Report } from '../../../shared/model/types';

/** The sample report with a longer text part, as a full report of a county bureau runs to 5–7 pages. */
export function fullReport(): Report {
  const r = sampleReport();
  const extra = '持续深化政务公开标准化规范化建设，推动政务公开工作提质增效。'.repeat(12);
  return {
    ...r,
    sections: r.sections.map((s) =>
      s.id === 'problems' || s.id === 'other'
        ? { ...s, blocks: [...s.blocks, { type: 'paragraph', text: extra }, { type: 'paragraph', text: extra }] }
        : s,
    ),
  };
}

/**
 * The full report as the two inputs of an export comparison: our report file (report.json) and the
 * same report as our standalone HTML page (report.html), which pandoc and LibreOffice convert.
 */
export function writeReportFiles(dir: string): { json: string; html: string; report: Report } {
  const report = fullReport();
  const json = join(dir, 'report.json');
  const html = join(dir, 'report.html');
  writeFileSync(json, JSON.stringify(report, null, 2));
  writeFileSync(html, buildHtml(report, { standalone: true }));
  return { json, html, report };
}
