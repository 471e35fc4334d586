import type { Finding } from '../../../shared/checks/types';
import type { Report } from '../../../shared/model/types';
import { SEVERITY_LABELS } from '../logic/findings-index';

/** The cover page's text boxes a finding can point into. */
export type CoverTextTarget = 'title' | 'preamble' | 'signature';

export interface CoverFieldsProps {
  report: Report;
  findings: Finding[];
  update(fn: (r: Report) => Report): void;
  /** Replaces top-level fields as one undo step (the buttons). */
  replace(patch: Partial<Report>, label: string): void;
  /** The text boxes a finding can point into (title, preamble, signature). */
  register(target: CoverTextTarget, el: HTMLInputElement | HTMLTextAreaElement | null): void;
}

/** The findings about one field (a paragraph's: `nblock-findings`), listed under it. */
export function FieldFindings({ findings, className = 'field-findings' }: { findings: Finding[]; className?: string }) {
  if (!findings.length) return null;
  return (
    <ul className={className}>
      {findings.map((f, i) => (
        <li key={`${f.rule}-${i}`} className={`sev-${f.severity}`}>
          <span className="sev-label">{SEVERITY_LABELS[f.severity]}</span>
          {f.message}
        </li>
      ))}
    </ul>
  );
}

/** Findings shown at a text box of the cover (not dismissed). */
export const findingsAt = (findings: Finding[], target: CoverTextTarget) =>
  findings.filter((f) => !f.dismissed && f.span?.where === target);
