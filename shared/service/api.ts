import type { AgencyKind, FormatId, Report, ReportStatus } from '../model/types';

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
  /** Unresolved findings when last saved (editor mode). */
  errors: number;
  warnings: number;
  /** Id of last year's report when this one was rolled over. */
  derivedFrom?: string;
}

/** A report file that could not be read: the library lists it and offers its backups. */
export interface DamagedReport {
  id: string;
  file: string;
  problem: string;
  backups: BackupInfo[];
}

export interface BackupInfo {
  /** Opaque name, passed back to `restoreBackup`. */
  name: string;
  savedAt: string;
  size: number;
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
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
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
] as const satisfies readonly (keyof NianbaoApi)[];

export type ApiMethod = (typeof API_METHODS)[number];

/** An error with a message for the clerk (Chinese) and a machine code. */
export class ServiceError extends Error {
  constructor(
    message: string,
    readonly code: 'not_found' | 'invalid' | 'damaged' | 'io' | 'conflict' | 'unsupported' | 'internal' = 'internal',
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

type AssertNever<T extends never> = T;
/** Fails to compile when a method of NianbaoApi is missing from API_METHODS. */
export type AllMethodsListed = AssertNever<Exclude<keyof NianbaoApi, ApiMethod>>;
