/** The check engine: the public API for the editor, the exporters, the CLI and batch checks. */
export {
  runChecks,
  dismissFinding,
  undismissFinding,
  countBySeverity,
  needsConfirmation,
  hasOpenErrors,
  RULES,
} from './engine';
export type { Rule } from './engine';
export { RULE_IDS } from './types';
export type { Finding, FindingFix, RuleId, Severity, CheckMode, CheckOptions, TextSpan, TextLocation } from './types';
export { RULE_INFO, SEVERITY_LABELS } from './catalog';
export { textAt, spanText } from './locate';
export { clearCheckCaches } from './text/cache';
