import type { AgencyKind, FormatId, Report, ReportStatus } from '../model/types';
import type { ParagraphDifference } from '../import/exported-docx';
import type { YearFigures } from '../rollover/series';
import type { AggregateUnit, RosterEntry } from '../aggregate/types';

export {
  SERVICE_ERROR_CODES,
  ServiceError,
  encodeServiceErrorMessage,
  isServiceError,
  isServiceErrorCode,
  toServiceError,
  type ServiceErrorCode,
} from './errors';

/**
 * The one typed service API of the app. The main process (Electron) or the loopback server
 * (browser mode) implements it; the renderer calls it through one of two transports:
 * the preload's `window.nianbao` object (IPC) or HTTP with a per-start token.
 *
 * Every method takes and returns plain JSON-serialisable values (binary data as base64),
 * so both transports carry them unchanged. Errors reach the renderer as `ServiceError`
 * with a Chinese message that says what to do.
 */

export interface ReportSummary {
  id: string;
  agency: string;
  agencyKind: AgencyKind;
  year: number;
  format: FormatId;
  title: string;
  status: ReportStatus;
  updatedAt: string;
  /**
   * The editor's check results (with last year's report as the editor finds it), counted by
   * `tallyChecks` like every screen: findings nobody dismissed, and the blank cells.
   */
  errors: number;
  warnings: number;
  infos: number;
  blankCells: number;
  /** The app's sample report (示例). */
  sample?: true;
  /** Id of last year's report when this one was rolled over. */
  derivedFrom?: string;
  /** Only in `Library.trash`: when the report was deleted. */
  deletedAt?: string;
}

/** A report file that could not be read: the library lists it and offers its backups. */
export interface DamagedReport {
  id: string;
  file: string;
  problem: string;
  backups: BackupInfo[];
}

/**
 * `auto`: written while editing (at most every few minutes); `delete` / `restore` / `replace`:
 * the report as it was just before it was deleted, restored from a backup, or replaced by an opened file.
 */
export type BackupReason = 'auto' | 'delete' | 'restore' | 'replace';

export interface BackupInfo {
  /** Opaque name, passed back to `restoreBackup`. */
  name: string;
  savedAt: string;
  size: number;
  reason?: BackupReason;
}

export interface Library {
  reports: ReportSummary[];
  damaged: DamagedReport[];
  /** Reports deleted in this session or earlier that can still be brought back. */
  trash: ReportSummary[];
}

export interface NewReportInput {
  agency: string;
  kind: AgencyKind;
  year: number;
  format?: FormatId;
}

export interface SaveResult {
  id: string;
  updatedAt: string;
}

export interface Settings {
  /** Folder of the last export. */
  exportDir?: string;
  /** Default agency for new reports (the clerk's own unit). */
  defaultAgency?: string;
  defaultKind?: AgencyKind;
  recentFiles?: string[];
  [extra: string]: unknown;
}

export interface AppInfo {
  version: string;
  mode: 'electron' | 'browser';
  dataDir: string;
  platform: string;
  /** Where exports go unless the clerk chose another folder (settings.exportDir wins). */
  defaultExportDir: string;
  /**
   * Set when this window may only look: another running app holds the data folder, or the folder
   * cannot be written. The sentence says why and what to do (Chinese); every save is refused.
   */
  readOnly?: string;
}

/** `fragment`: the HTML to paste into the website's editor (no <html>/<head>). */
export type ExportFormat = 'docx' | 'html' | 'pdf' | 'fragment';

export interface ExportRequest {
  /** A saved report of the library (the renderer saves before exporting). */
  id: string;
  formats: ExportFormat[];
  /** Destination folder; default settings.exportDir, else AppInfo.defaultExportDir. */
  dir?: string;
}

export interface ExportOutcome {
  dir: string;
  files: { format: ExportFormat; path: string; name: string; renamed: boolean; bytes: number }[];
  /** Formats that could not be written (the others were), with a Chinese message. */
  failures: { format: ExportFormat; message: string }[];
  /**
   * Trouble after the files were written (e.g. the export folder could not be remembered in the
   * settings because the disk is full): the export itself succeeded. Chinese.
   */
  warnings?: string[];
}

export interface RenderedFile {
  name: string;
  /** base64 */
  data: string;
  mime: string;
}

/** A file read by the importers, not yet in the library. */
export interface ImportPreview {
  report: Report;
  kind: 'exported-docx' | 'docx' | 'html' | 'pdf' | 'text' | 'report';
  format: FormatId;
  warnings: string[];
  /** 0..1 per table id. */
  confidence: Record<string, number>;
  /**
   * Our own exported .docx edited in Word/WPS: `report` reads as the document does (the visible
   * text wins), `embedded` is the copy exported from the app, and `differences` lists the edits.
   * To take only some edits, apply them to `embedded` (applyDifferences), never to `report`.
   */
  differences?: ParagraphDifference[];
  embedded?: Report;
  /** The library already holds a report with this `meta.id` (an exported .docx coming back). */
  existing?: ReportSummary;
}

export interface RolloverRequest {
  /** Last year's report from the library… */
  fromId?: string;
  /** …or from a file (a report file, an exported .docx or any importable report). */
  file?: ReportFileInput;
  year?: number;
  /** New name when the agency was renamed. */
  agency?: string;
}

export interface RolloverOutcome {
  /** The new report, saved in the library. */
  report: Report;
  /** Things to tell the clerk (Chinese). */
  notes: string[];
}

/** 汇总: unit reports to add to a government report (docs/aggregate.md). */
export interface AggregateReadRequest {
  /** The government report they are added to: its name decides 本级, its roster the roles. */
  government: { agency: string; year: number; roster?: RosterEntry[] };
  /** Library reports… */
  ids?: string[];
  /** …and/or files (the renderer sends a few at a time, for progress). */
  files?: ReportFileInput[];
}

export interface AggregateReadOutcome {
  /** One per report read, in the order asked (library ids first, then files). */
  units: AggregateUnit[];
  /** What could not be read: the file or report, and why (Chinese). */
  failures: { name: string; message: string }[];
}

export interface NianbaoApi {
  appInfo(): Promise<AppInfo>;

  listReports(): Promise<Library>;
  getReport(id: string): Promise<Report>;
  createReport(input: NewReportInput): Promise<Report>;
  /** Adds a ready-made sample report to explore the app with. */
  createSampleReport(): Promise<Report>;
  /** Saves atomically; the report's `meta.updatedAt` is set by the service. */
  saveReport(report: Report): Promise<SaveResult>;
  duplicateReport(id: string): Promise<Report>;
  /** Moves the report to the trash (recoverable with `restoreReport`). */
  deleteReport(id: string): Promise<void>;
  restoreReport(id: string): Promise<Report>;
  listBackups(id: string): Promise<BackupInfo[]>;
  /** Replaces the report (damaged or not) with one of its backups; the current file is kept aside. */
  restoreBackup(id: string, backup: string): Promise<Report>;

  getSettings(): Promise<Settings>;
  /** Merges the patch into the settings; a key set to null is removed. */
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
  /** Shows the data folder (or one of its subfolders) in the system file manager. */
  revealDataDir(sub?: 'reports' | 'backups' | 'damaged' | 'trash'): Promise<void>;

  /**
   * Opens a report file (.nianbao / .json, e.g. from 文件 → 打开… or a double-click in the file
   * manager): validates it with `parseReportJson` (ServiceError 'invalid' with the Chinese issues
   * from `formatIssues` otherwise), then adds it to the library. When the library already holds a
   * report with the same `meta.id`, that copy is kept as a backup (see `listBackups`) before it is
   * replaced, so nothing is lost. Returns the report as stored.
   */
  openReportFile(file: ReportFileInput): Promise<Report>;

  /** Writes the chosen formats of a saved report into a folder (never replacing a file). */
  exportReport(request: ExportRequest): Promise<ExportOutcome>;
  /** One format of a saved report as bytes (browser download, save-as dialogs). */
  renderReport(id: string, format: ExportFormat | 'report'): Promise<RenderedFile>;
  /** Shows a file written by `exportReport` (or its folder) in the system file manager. */
  revealExport(path: string): Promise<void>;
  /** Reads a published report in any form (.docx, .html, .pdf, .txt, report file); nothing is saved. */
  importFile(file: ReportFileInput): Promise<ImportPreview>;
  /** Makes this year's report from last year's (library or file) and saves it in the library. */
  rolloverReport(request: RolloverRequest): Promise<RolloverOutcome>;
  /** The main figures of every year of an agency in the library, for the year-over-year chart. */
  agencyHistory(agency: string): Promise<YearFigures[]>;

  /**
   * 汇总: reads unit reports (library reports and/or files in any importable form), runs each one's
   * own checks (with its last-year report from the library when there is one) and returns them as
   * 汇总 units. Nothing is saved: the renderer adds them to the government report's `aggregate`.
   */
  aggregateReadUnits(request: AggregateReadRequest): Promise<AggregateReadOutcome>;
  /** The per-unit table and the three tables by unit of a saved government report, as an .xlsx workbook. */
  aggregateWorkbook(id: string): Promise<RenderedFile>;
}

export interface ReportFileInput {
  /** File name for messages, e.g. `2024年报.nianbao`. */
  name: string;
  /** File content, base64 (as `PickedFile.data`). */
  data: string;
}

/** Method names, for the IPC allow-list and the HTTP router (checked against the interface). */
export const API_METHODS = [
  'appInfo',
  'listReports',
  'getReport',
  'createReport',
  'createSampleReport',
  'saveReport',
  'duplicateReport',
  'deleteReport',
  'restoreReport',
  'listBackups',
  'restoreBackup',
  'getSettings',
  'updateSettings',
  'revealDataDir',
  'openReportFile',
  'exportReport',
  'renderReport',
  'revealExport',
  'importFile',
  'rolloverReport',
  'agencyHistory',
  'aggregateReadUnits',
  'aggregateWorkbook',
] as const satisfies readonly (keyof NianbaoApi)[];

export type ApiMethod = (typeof API_METHODS)[number];

type AssertNever<T extends never> = T;
/** Fails to compile when a method of NianbaoApi is missing from API_METHODS. */
export type AllMethodsListed = AssertNever<Exclude<keyof NianbaoApi, ApiMethod>>;
