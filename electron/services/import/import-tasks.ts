import { ImportError } from '../../../shared/import/errors';
import { notReportOf } from '../../../shared/import/not-report';
import { ServiceError } from '../../../shared/service/api';
import { LoadError, type LoadedReport } from './load-error';
import { lastYearFromBytes, readAnyBytes, readReportFile } from './read-report';
import { toUnit, type UnitJob } from '../aggregate/read-units';
import { runChecks } from '../../../shared/checks/index';
import type { Finding } from '../../../shared/checks/types';

/** A report read and checked without last year's report: the findings, or why the checks failed. */
export interface CheckedFile {
  loaded: LoadedReport;
  findings?: Finding[];
  checkError?: string;
}

/**
 * The checks of one report in the worker, beside its reading: in a batch they then run on every
 * core too (on the main thread they made a serial tail after the reading). Blank templates and
 * outlines are not checked (the caller names them as not reports).
 */
function checkAlone(loaded: LoadedReport, now?: string): CheckedFile {
  const r = loaded.report;
  if (notReportOf(r)) return { loaded };
  try {
    const findings = runChecks(r, {
      last: null,
      mode: r.meta?.source ? 'import' : 'editor',
      ...(now ? { now: new Date(now) } : {}),
    });
    return { loaded, findings };
  } catch (e) {
    return { loaded, checkError: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * What an import worker can be asked to do, and how its answer crosses the thread boundary:
 * errors travel as plain data (structured clone keeps no classes) and are rebuilt on the main
 * thread by isolated-import.ts.
 */

export type ImportTask =
  | { task: 'loadFile'; path: string }
  /** `batch`: a file read and checked on its own (last year's report is the main thread's business). */
  | { task: 'checkFile'; path: string; now?: string }
  | { task: 'readAny'; name: string; bytes: Uint8Array }
  | { task: 'lastYear'; name: string; bytes: Uint8Array }
  /** 汇总: reports already read, checked and turned into units here (the checks are the costly part). */
  | { task: 'aggregateUnits'; jobs: UnitJob[] };

export interface TaskErrorData {
  type: 'load' | 'service' | 'import' | 'internal';
  message: string;
  code?: string;
  fileName?: string;
}

export type TaskReply = { ok: true; value: unknown } | { ok: false; error: TaskErrorData };

export async function runImportTask(input: ImportTask): Promise<TaskReply> {
  try {
    switch (input.task) {
      case 'loadFile':
        return { ok: true, value: await readReportFile(input.path) };
      case 'checkFile':
        return { ok: true, value: checkAlone(await readReportFile(input.path), input.now) };
      case 'readAny':
        return { ok: true, value: await readAnyBytes(input.name, input.bytes) };
      case 'lastYear':
        return { ok: true, value: await lastYearFromBytes(input.name, input.bytes) };
      case 'aggregateUnits':
        return { ok: true, value: input.jobs.map((j) => toUnit(j.report, j.source, j.government, j.extra)) };
      default:
        return { ok: false, error: { type: 'internal', message: 'unknown import task' } };
    }
  } catch (e) {
    return { ok: false, error: errorData(e) };
  }
}

function errorData(e: unknown): TaskErrorData {
  if (e instanceof LoadError) return { type: 'load', message: e.message };
  if (e instanceof ServiceError) return { type: 'service', message: e.message, code: e.code };
  if (e instanceof ImportError) return { type: 'import', message: e.message, code: e.code, fileName: e.fileName };
  // A stack overflow or an error of a library: said plainly, never as a crash of the app.
  return { type: 'internal', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
}
