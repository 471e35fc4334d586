import type { Report } from '../model/types';
import type { CheckOptions, Finding, RuleId, Severity } from './types';
import { createContext, type CheckContext } from './context';
import { tableRules } from './rules/tables';

/** A rule produces findings for one report; rules never throw on odd input (they skip it). */
export type Rule = (ctx: CheckContext) => Iterable<Finding>;

/** Every rule, in the order findings are listed within a severity. */
export const RULES: Rule[] = [...tableRules];

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Runs every rule on a report. Pure: the same report and options give the same findings.
 * Dismissals stored in the report are applied (the finding stays, marked `dismissed`).
 */
export function runChecks(report: Report, options: CheckOptions = {}): Finding[] {
  const ctx = createContext(report, options);
  const findings: Finding[] = [];
  for (const rule of RULES) {
    for (const f of rule(ctx)) findings.push(f);
  }
  const dismissals = report.meta?.dismissals ?? [];
  if (dismissals.length) {
    for (const f of findings) {
      const d = dismissals.find((x) => x.rule === f.rule && x.fingerprint === f.fingerprint);
      if (d) f.dismissed = { reason: d.reason, at: d.at };
    }
  }
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** Returns a copy of the report with the finding dismissed (a reason is required). */
export function dismissFinding(report: Report, finding: Pick<Finding, 'rule' | 'fingerprint'>, reason: string, now = new Date()): Report {
  const text = reason.trim();
  if (!text) throw new Error('忽略检查结果时必须填写理由。');
  const rest = (report.meta.dismissals ?? []).filter((d) => !(d.rule === finding.rule && d.fingerprint === finding.fingerprint));
  return {
    ...report,
    meta: { ...report.meta, dismissals: [...rest, { rule: finding.rule, fingerprint: finding.fingerprint, reason: text, at: now.toISOString() }] },
  };
}

export function undismissFinding(report: Report, finding: Pick<Finding, 'rule' | 'fingerprint'>): Report {
  const rest = (report.meta.dismissals ?? []).filter((d) => !(d.rule === finding.rule && d.fingerprint === finding.fingerprint));
  return { ...report, meta: { ...report.meta, dismissals: rest } };
}

export function countBySeverity(findings: Finding[], includeDismissed = false): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) if (includeDismissed || !f.dismissed) counts[f.severity]++;
  return counts;
}

export type { RuleId };
