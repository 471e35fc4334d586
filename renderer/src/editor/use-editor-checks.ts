import { useMemo, useRef } from 'react';
import type { TemplateDef } from '../../../templates/types';
import type { Report } from '../../../shared/model/types';
import { runChecks } from '../../../shared/checks/engine';
import { tallyChecks } from '../../../shared/checks/tally';
import { carriedShare } from '../../../shared/rollover/compare';
import { computeCompleteness } from '../logic/completeness';
import { indexFindingsByCell } from '../logic/findings-index';
import { reportPending, yearContext } from '../rollover/year-chips';
import { reuseFindings, reuseItems } from '../logic/stable-list';
import type { Finding } from '../../../shared/checks/types';
import type { PageCompleteness } from '../logic/completeness';

/**
 * What the editor shows about the report as it stands: the findings (live, as the clerk types),
 * the marks they put on cells, each page's completeness, the counts, and for a report made from
 * last year's, its years still to update and the share of text still last year's. Findings and
 * pages equal to the last run's are the same objects (stable-list.ts): a keystroke re-renders the
 * findings it changed, and the section list only when a page's progress changed.
 */
export function useEditorChecks(report: Report | null, last: Report | null, template: TemplateDef | null) {
  // The last run's results, to keep what did not change (a memo of the previous value).
  const prev = useRef<{ findings: Finding[]; pages: PageCompleteness[] }>({ findings: [], pages: [] });
  const findings = useMemo(
    () =>
      (prev.current.findings = reuseFindings(
        prev.current.findings,
        report ? runChecks(report, { last, mode: 'editor' }) : [],
      )),
    [report, last],
  );
  const marks = useMemo(() => indexFindingsByCell(findings.filter((f) => f.rule !== 'CELL-BLANK')), [findings]);
  const pages = useMemo(
    () =>
      (prev.current.pages = reuseItems(
        prev.current.pages,
        report ? computeCompleteness(report, template, findings) : [],
      )),
    [report, template, findings],
  );
  // Counted as every screen counts (the library row shows the same numbers).
  const counts = useMemo(() => (report ? tallyChecks(report, findings, 'editor') : null), [report, findings]);

  const year = report?.year;
  const derivedId = report?.meta.derivedFrom?.id;
  const derivedYear = report?.meta.derivedFrom?.year;
  const sections = report?.sections;
  const years = useMemo(
    () =>
      year && derivedId && derivedYear
        ? yearContext({ year, meta: { derivedFrom: { id: derivedId, year: derivedYear } } }, last)
        : null,
    [year, derivedId, derivedYear, last],
  );
  const pendingYears = useMemo(() => (sections && years ? reportPending(sections, years) : 0), [sections, years]);
  // Only the text counts: typing in a cell does not recompute the share.
  const share = useMemo(() => (sections && last ? carriedShare({ sections }, last) : null), [sections, last]);

  return { findings, marks, pages, counts, years, pendingYears, share };
}
