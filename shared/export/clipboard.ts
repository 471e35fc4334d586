import type { Report } from '../model/types';
import { buildHtmlFragment } from './html/build';
import { buildPrintDocument } from './print-model';
import type { PrintTable } from './table-layout';
import { printableText } from './text';

/**
 * What "复制网站版" puts on the clipboard: the HTML fragment (website editors paste it with its
 * tables and merges) and a plain-text flavour for editors that only take text (tables as
 * tab-separated rows, merged cells written once).
 */
export interface ClipboardPayload {
  html: string;
  text: string;
}

function tableText(table: PrintTable): string {
  return table.rows.map((row) => row.map((c) => printableText(c.text).replace(/\s+/g, ' ')).join('\t')).join('\n');
}

export function reportPlainText(report: Report): string {
  const doc = buildPrintDocument(report);
  const out: string[] = [doc.title.lines.join('')];
  for (const p of doc.preamble) out.push(p.text);
  for (const s of doc.sections) {
    out.push(s.heading);
    for (const b of s.blocks) if (b.text.trim()) out.push(b.text);
    if (s.table) out.push(tableText(s.table));
    if (s.id === 'other' && doc.legacyTable) out.push(tableText(doc.legacyTable));
  }
  for (const p of doc.signature) out.push(p.text);
  return printableText(out.join('\n'));
}

export function clipboardPayload(report: Report): ClipboardPayload {
  return { html: buildHtmlFragment(report), text: reportPlainText(report) };
}
