import type { Report } from '../model/types';
import type { TextLocation, TextSpan } from './types';

/** Helpers for the UI: where a finding points, and which findings concern a cell or a paragraph. */

/** The text a location refers to (title, preamble, signature name, or a section block). */
export function textAt(report: Report, loc: TextLocation): string {
  switch (loc.where) {
    case 'title':
      return report.title ?? '';
    case 'preamble':
      return report.preamble ?? '';
    case 'signature':
      return report.signature?.name ?? '';
    default: {
      const section = report.sections?.find((s) => s.id === loc.section);
      return section?.blocks[loc.block]?.text ?? '';
    }
  }
}

/** The words a span covers (empty when the text changed so much that the span no longer fits). */
export function spanText(report: Report, span: TextSpan): string {
  return textAt(report, span).slice(span.start, span.end);
}
