import type { FormatId, SectionId } from '../../templates/types';

export type { FormatId, SectionId } from '../../templates/types';

/** Bump on any incompatible change of the file, and add a step to `migrations` in migrate.ts. */
export const SCHEMA_VERSION = 1;

export const REPORT_KIND = 'nianbao.report';

export type AgencyKind = 'government' | 'department' | 'township' | 'other';

export type ReportStatus = 'draft' | 'review' | 'approved' | 'published';

export const SECTION_IDS: readonly SectionId[] = ['overview', 'proactive', 'requests', 'review', 'problems', 'other'];

export const AGENCY_KINDS: readonly AgencyKind[] = ['government', 'department', 'township', 'other'];

export const AGENCY_KIND_LABELS: Record<AgencyKind, string> = {
  government: '人民政府',
  department: '政府部门',
  township: '乡镇（街道）',
  other: '其他机关',
};

export const STATUS_LABELS: Record<ReportStatus, string> = {
  draft: '草稿',
  review: '送审',
  approved: '已签发',
  published: '已发布',
};

/**
 * Every object of the file may carry fields this version does not know; they are kept
 * (the index signature), so that a file written by a newer version survives a round trip.
 */
interface Open {
  [extra: string]: unknown;
}

export interface HeadingBlock extends Open {
  type: 'heading';
  /** 2 = （一）, 3 = 1. */
  level: 2 | 3;
  text: string;
}

export interface ParagraphBlock extends Open {
  type: 'paragraph';
  text: string;
  /**
   * Set by rollover: the paragraph was carried from last year's report and still awaits review
   * (沿用上年，待核改). Cleared when the clerk edits or confirms it.
   */
  carried?: boolean;
}

export type Block = HeadingBlock | ParagraphBlock;

export interface Section extends Open {
  id: SectionId;
  blocks: Block[];
}

export interface Agency extends Open {
  name: string;
  kind: AgencyKind;
  parent?: string;
  contact?: string;
}

export interface Signature extends Open {
  name: string;
  /** ISO YYYY-MM-DD, or empty while not yet signed. */
  date: string;
}

/** A finding the clerk chose to dismiss; matched by rule and fingerprint on every re-check. */
export interface Dismissal extends Open {
  rule: string;
  fingerprint: string;
  reason: string;
  at: string;
}

export interface ImportSource extends Open {
  fileName: string;
  detectedFormat: FormatId;
  warnings: string[];
  /** 0..1 per table id (t2, t3, t4). */
  confidence?: Record<string, number>;
}

export interface ReportMeta extends Open {
  /** Stable id of the report in the library. */
  id: string;
  status: ReportStatus;
  createdAt: string;
  updatedAt: string;
  /**
   * Last year's report this one was rolled over from. `baseline` keeps the figures the
   * cross-year checks need (结转下年度, 现行有效件数) even when that report is not in the library.
   */
  derivedFrom?: { id: string; year: number; title?: string; agency?: string; baseline?: Cells };
  source?: ImportSource;
  dismissals?: Dismissal[];
  /**
   * The app's sample report (示例年报): shown marked as 示例, never anyone's last year, never in an
   * agency's history, not offered for rollover.
   */
  sample?: boolean;
  /**
   * Values of a file the reader could not use (a date it could not read, a section id it does not
   * know…), by JSON path: kept so that nothing of a file written by another program is lost.
   */
  setAside?: Record<string, unknown>;
}

export type CellValue = number | null;

export type Cells = Record<string, CellValue>;

export interface Report extends Open {
  kind: typeof REPORT_KIND;
  schemaVersion: number;
  format: FormatId;
  year: number;
  agency: Agency;
  title: string;
  preamble?: string;
  sections: Section[];
  cells: Cells;
  signature: Signature;
  meta: ReportMeta;
}
