import type { AgencyKind, Cells, FormatId } from '../model/types';

/**
 * 汇总 (a government's whole-area report summed from its units' reports): the state kept in the
 * government report file as the optional top-level field `aggregate` (docs/aggregate.md). Like every
 * app field it is optional on input and read tolerantly (`readAggregateState`): a damaged field never
 * makes the report unreadable.
 */

/** The three tables that are summed. */
export type AggTable = 't2' | 't3' | 't4';
export const AGG_TABLES: readonly AggTable[] = ['t2', 't3', 't4'];

/** A unit expected to report (部门、乡镇、街道), or the government office itself (`own`). */
export interface RosterEntry {
  name: string;
  kind: AgencyKind;
  /** 本级: the government office's own figures (县政府办公室 or the government itself). */
  own?: boolean;
  /** Other names the unit's reports may carry (更名前的名称、简称). */
  aliases?: string[];
  [extra: string]: unknown;
}

/** Where a unit's report came from. */
export type UnitSource =
  | { type: 'library'; id: string; updatedAt?: string }
  | { type: 'file'; name: string; kind: string }
  /** The government report's own figures as they stood when the clerk took them as 本级. */
  | { type: 'self' };

/** The figures of a unit's last-year report that the cross-unit checks compare with. */
export interface UnitLastYear {
  year: number;
  /** `library`: its report in the library; `baseline`: kept in its own report at rollover; `roster`: last year's 汇总. */
  from: 'library' | 'baseline' | 'summed';
  cells: Cells;
}

/**
 * One unit report added to the 汇总. Its figures never change once added: a corrected report is a
 * new entry (the older one is superseded), so that what was summed before can always be explained.
 */
export interface AggregateUnit {
  /** Stable id inside this 汇总. */
  key: string;
  /** The agency as detected in the report (or as corrected by the clerk). */
  agency: string;
  kind: AgencyKind;
  year: number;
  format: FormatId;
  source: UnitSource;
  /** Changes whenever the figures or identity change (a corrected report). */
  fingerprint: string;
  /** Table cells with a non-zero value (blank and 0 both add nothing). */
  cells: Cells;
  /** Key figures as the report states them (blank = null): see KEY_FIGURES. */
  figures: Record<KeyFigure, number | null>;
  /** Findings of the unit's own checks that are not dismissed. */
  counts: { error: number; warning: number; info: number };
  /** The first few open errors and warnings, for the flag before summing (Chinese). */
  errors: string[];
  warnings: string[];
  /** Importer warnings (when read from a published document). */
  importWarnings?: string[];
  last?: UnitLastYear;
  /** 本级 (the government office's own figures) or a subordinate unit. */
  role: 'own' | 'unit';
  /** The clerk's choice; default true. */
  include: boolean;
  /** Roster entry chosen by hand (its name), when the name does not match by itself. */
  rosterName?: string;
  /** The clerk chose this one among duplicates. */
  preferred?: boolean;
  /** Removed by the clerk after it was summed: kept until the next 写入 to explain the differences. */
  removed?: boolean;
  addedAt: string;
  [extra: string]: unknown;
}

/** What was last written into the government report's tables. */
export interface AppliedSums {
  at: string;
  /** The summed value of every cell written (computed totals included). */
  cells: Cells;
  /** Keys of the units summed then. */
  units: string[];
  includeOwn: Record<AggTable, boolean>;
}

/** Last year's 汇总, kept at rollover: each summed unit's key figures and 结转下年度. */
export interface LastYearUnits {
  year: number;
  units: { agency: string; cells: Cells }[];
}

export interface AggregateState {
  roster: RosterEntry[];
  units: AggregateUnit[];
  /** Per table: whether the government office's own figures (本级) are added. */
  includeOwn: Record<AggTable, boolean>;
  applied?: AppliedSums;
  lastYear?: LastYearUnits;
  [extra: string]: unknown;
}

/** Key figures shown per unit. */
export const KEY_FIGURES = ['new_received', 'carried_over', 'res_total', 'carry_next', 'review', 'litigation'] as const;
export type KeyFigure = (typeof KEY_FIGURES)[number];

export const KEY_FIGURE_LABELS: Record<KeyFigure, string> = {
  new_received: '本年新收',
  carried_over: '上年结转',
  res_total: '（七）总计',
  carry_next: '结转下年',
  review: '行政复议',
  litigation: '行政诉讼',
};

/** Roster status of a unit or of a roster entry. */
export type RosterStatus = 'submitted' | 'missing' | 'not_on_roster' | 'duplicate' | 'wrong_year' | 'no_tables';

export const ROSTER_STATUS_LABELS: Record<RosterStatus, string> = {
  submitted: '已提交',
  missing: '未提交',
  not_on_roster: '不在名单',
  duplicate: '重复',
  wrong_year: '年度不符',
  no_tables: '无统计表',
};

export type AggSeverity = 'error' | 'warning' | 'info';

/** Rule ids of the checks across units (docs/aggregate.md). */
export type AggRule =
  | 'AGG-UNIT-ERRORS'
  | 'AGG-MISSING'
  | 'AGG-NOT-ON-ROSTER'
  | 'AGG-DUPLICATE'
  | 'AGG-WRONG-YEAR'
  | 'AGG-FORMAT'
  | 'AGG-TEXT'
  | 'AGG-CARRY'
  | 'AGG-OUTLIER'
  | 'AGG-REGULATIONS'
  | 'AGG-LAYOUT'
  | 'AGG-NO-OWN'
  | 'AGG-NO-UNITS';

export interface AggFinding {
  rule: AggRule;
  severity: AggSeverity;
  /** Chinese: what is wrong and what to do. */
  message: string;
  /** The unit (its key) or roster entry (its name) it is about. */
  unit?: string;
  agency?: string;
  cells?: string[];
}
