import type { SectionId } from '../../templates/types';
import type { Report } from '../model/types';

export type Severity = 'error' | 'warning' | 'info';

/** Stable rule ids of ../shared/spec/checks.md: tests, `--json` output and dismissals refer to them. */
export const RULE_IDS = [
  'T3-BALANCE',
  'T3-ROW-TOTAL',
  'T3-RESULT-TOTAL',
  'T4-TOTAL',
  'CELL-INVALID',
  'CELL-BLANK',
  'T2-REGULATIONS-POWER',
  'ALL-ZERO',
  'X-CARRY',
  'X-IN-FORCE',
  'X-REUSED-TEXT',
  'TEXT-NUMBER',
  'TEXT-CLAIM',
  'TEXT-STALE-YEAR',
  'TEXT-FOREIGN-AGENCY',
  'SECTION-EMPTY',
  'OVERVIEW-TOPICS',
  'FEE-STATEMENT',
  'FORMAT-VERSION',
  'CITATION-OUTDATED',
  'PUBLISH-DEADLINE',
  'TITLE',
  'PUNCTUATION',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

/**
 * Where a piece of text lives in a report: a section's block, or one of the top-level texts.
 * `start`/`end` are UTF-16 offsets into that text.
 */
export type TextLocation =
  | { where: 'section'; section: SectionId; block: number }
  | { where: 'title' }
  | { where: 'preamble' }
  | { where: 'signature' };

export type TextSpan = TextLocation & { start: number; end: number };

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** Plain Chinese that says what is wrong and what to do. */
  message: string;
  /** Cell keys involved (the UI marks and jumps to the first one). */
  cells?: string[];
  /** Text involved. */
  span?: TextSpan;
  expected?: number | string | null;
  actual?: number | string | null;
  /**
   * Identifies this finding across re-checks so that a dismissal sticks: derived from the rule
   * and what it is about (cells, or the quoted text), never from positions that shift while typing.
   */
  fingerprint: string;
  /** Present when the clerk dismissed the finding; it is still listed (greyed) by the UI. */
  dismissed?: { reason: string; at: string };
  /**
   * A one-click correction the UI may offer (e.g. “填入合计 58”, “剩余空白格填 0”): the cell values to set.
   * Only given when the right value is certain from the tables themselves.
   */
  fix?: FindingFix;
}

export interface FindingFix {
  /** Button text, Chinese. */
  label: string;
  cells: Record<string, number>;
}

export type CheckMode = 'editor' | 'import';

export interface CheckOptions {
  /**
   * Last year's report of the same agency: enables the cross-year rules. Ignored unless its year is
   * exactly the year before (a stand-in from `baselineAsLastReport` works too).
   */
  last?: Report | null;
  /** `editor`: blank cells are errors; `import`: warnings (a published report is as it is). */
  mode?: CheckMode;
  /** Today, for deadline rules (tests pass a fixed date). */
  now?: Date;
}
