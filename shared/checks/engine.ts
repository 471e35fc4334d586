import type { Report } from '../model/types';
import type { CheckOptions, Finding, RuleId, Severity } from './types';
import { createContext, type CheckContext } from './context';
import { tableRules } from './rules/tables';
import { cellRules } from './rules/cells';
import { crossYearRules } from './rules/cross-year';
import { textFigureRules } from './rules/text-figures';
import { textYearRules } from './rules/text-year';
import { textAgencyRules } from './rules/text-agency';
import { formRules } from './rules/form';
import { sectionContentRules } from './rules/section-content';
import { punctuationRules } from './rules/punctuation';

/** A rule produces findings for one report; rules never throw on odd input (they skip it). */
export type Rule = (ctx: CheckContext) => Iterable<Finding>;

/** Every rule, in the order findings are listed within a severity. */
export const RULES: Rule[] = [
  ...formRules.slice(0, 1), // SECTION-EMPTY first: it explains many other findings
  ...tableRules,
  ...cellRules,
  ...crossYearRules,
  ...textFigureRules,
  ...textYearRules,
  ...textAgencyRules,
  ...sectionContentRules,
  ...formRules.slice(1),
  ...punctuationRules,
];

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Runs every rule on a report. Pure: the same report and options give the same findings.
 * Dismissals stored in the report are applied (the finding stays, marked `dismissed`).
 * A rule that fails on input nobody foresaw is skipped rather than failing the whole check.
 */
export function runChecks(report: Report, options: CheckOptions = {}): Finding[] {
  const ctx = createContext(report, options);
  const findings: Finding[] = [];
  for (const rule of RULES) {
    try {
      for (const f of rule(ctx)) findings.push(f);
    } catch {
      // Deliberately quiet: a check must never stop the clerk from working.
    }
  }
  const dismissals = Array.isArray(report.meta?.dismissals) ? report.meta.dismissals : [];
  if (dismissals.length) {
    for (const f of findings) {
      const d = dismissals.find((x) => x && x.rule === f.rule && x.fingerprint === f.fingerprint);
      if (d) f.dismissed = { reason: d.reason, at: d.at };
    }
  }
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/**
 * Returns a copy of the report with the finding dismissed. A reason is required for every finding;
 * a dismissed error still needs confirming at export (see `needsConfirmation`).
 */
export function dismissFinding(
  report: Report,
  finding: Pick<Finding, 'rule' | 'fingerprint'>,
  reason: string,
  now = new Date(),
): Report {
  const text = (reason ?? '').trim();
  if (!text) throw new Error('忽略检查结果时必须填写理由，例如“机构改革，上年结转数据已调整”。');
  const rest = (report.meta.dismissals ?? []).filter(
    (d) => !(d.rule === finding.rule && d.fingerprint === finding.fingerprint),
  );
  return {
    ...report,
    meta: {
      ...report.meta,
      dismissals: [
        ...rest,
        { rule: finding.rule, fingerprint: finding.fingerprint, reason: text, at: now.toISOString() },
      ],
    },
  };
}

export function undismissFinding(report: Report, finding: Pick<Finding, 'rule' | 'fingerprint'>): Report {
  const rest = (report.meta.dismissals ?? []).filter(
    (d) => !(d.rule === finding.rule && d.fingerprint === finding.fingerprint),
  );
  return { ...report, meta: { ...report.meta, dismissals: rest } };
}

/** Counts per severity; dismissed findings only when asked. */
export function countBySeverity(findings: Finding[], includeDismissed = false): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) if (includeDismissed || !f.dismissed) counts[f.severity]++;
  return counts;
}

/**
 * The errors the export confirmation must name: every error, dismissed or not (a dismissed error
 * is listed with its reason, so that the person who signs sees it).
 */
export function needsConfirmation(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error');
}

/** Whether any error is left that nobody dismissed (the CLI's exit code 1). */
export function hasOpenErrors(findings: Finding[]): boolean {
  return findings.some((f) => f.severity === 'error' && !f.dismissed);
}

export type { RuleId };
