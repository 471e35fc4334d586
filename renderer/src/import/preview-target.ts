import type { Report } from '../../../shared/model/types';
import type { Finding } from '../../../shared/checks/types';
import { buildPrintDocument } from '../../../shared/export/print-model';
import { printableText } from '../../../shared/export/text';

/**
 * The element of the import preview (ReportView's page, drawn by buildHtml) that a finding is
 * about: its table cell, else its paragraph, title or signature. The page carries no marks of its
 * own (it is the exported HTML, byte for byte), so the place is found from the same print model
 * the page was built from: a table's rows and cells are in the model's order, a part's paragraphs
 * are its non-empty blocks.
 */
export function findInPreview(root: ParentNode, report: Report, finding: Finding): HTMLElement | null {
  const doc = buildPrintDocument(report);
  const key = finding.cells?.[0];
  if (key) {
    const tables = [
      ...doc.sections.flatMap((s) => (s.table ? [s.table] : [])),
      ...(doc.legacyTable ? [doc.legacyTable] : []),
    ];
    for (const table of tables) {
      for (const [r, row] of table.rows.entries()) {
        const i = row.findIndex((c) => c.key === key);
        if (i < 0) continue;
        const caption = root.querySelector(`#nb-table-${table.id}`);
        const el = caption?.closest('table')?.rows[r]?.cells[i];
        if (el) return el;
      }
    }
  }
  const span = finding.span;
  if (!span) return null;
  if (span.where === 'title') return root.querySelector<HTMLElement>('h1');
  if (span.where === 'signature') return root.querySelector<HTMLElement>('.nb-signature');
  if (span.where === 'preamble') return root.querySelector<HTMLElement>('article > p');
  const section = doc.sections.find((s) => s.id === span.section);
  if (!section) return null;
  const printed = section.blocks.filter((b) => printableText(b.text).trim() !== '');
  const at = printed.findIndex((b) => b.loc?.where === 'section' && b.loc.block === span.block);
  const part = root.querySelector(`section[aria-labelledby="nb-part-${span.section}"]`);
  if (!part) return null;
  // Children: the part's heading, its paragraphs, then its table.
  return (part.children[at >= 0 ? at + 1 : 0] as HTMLElement | undefined) ?? null;
}

/** Scrolls the preview to the element, focuses it and makes it flash (as the editor does for a cell). */
export function showInPreview(el: HTMLElement): void {
  el.scrollIntoView({ block: 'center', behavior: 'auto' });
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.focus({ preventScroll: true });
  el.classList.remove('nb-flash');
  void el.offsetWidth; // restart the animation when the same place is shown again
  el.classList.add('nb-flash');
}

/** Shows a finding's place once the preview has drawn it (the tab may just have been switched to). */
export function showFindingWhenDrawn(root: () => ParentNode | null, report: Report, finding: Finding): void {
  const attempt = (left: number) => {
    const r = root();
    const el = r ? findInPreview(r, report, finding) : null;
    if (el?.isConnected) showInPreview(el);
    else if (left > 0) requestAnimationFrame(() => attempt(left - 1));
  };
  requestAnimationFrame(() => attempt(30));
}
