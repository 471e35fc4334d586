import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { ServiceError } from '../../../shared/service/api';
import { newId } from '../../../shared/model/blank';
import type { Report } from '../../../shared/model/types';
import { sampleReport } from '../../../shared/sample/sample-report';
import { createService, type NianbaoService, type ServiceOptions } from '../../../electron/services/index';

/** A fresh data folder per test, removed afterwards (services opened with `open` are closed first). */
export function useTempDataDirs() {
  const dirs: string[] = [];
  const services: NianbaoService[] = [];
  afterEach(async () => {
    for (const s of services.splice(0)) await s.close().catch(() => undefined);
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return {
    dir(): string {
      const d = mkdtempSync(join(tmpdir(), 'nianbao-svc-'));
      dirs.push(d);
      return d;
    },
    open(options: Partial<ServiceOptions> & { dataDir: string }): NianbaoService {
      const s = createService({ mode: 'browser', log: () => undefined, ...options });
      services.push(s);
      return s;
    },
  };
}

/** A settable clock for backup throttling. */
export function clock(start = '2025-03-01T08:00:00.000Z') {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms;
    },
  };
}

export async function serviceError(p: Promise<unknown>): Promise<ServiceError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ServiceError) return e;
    throw new Error(`expected a ServiceError, got ${String(e)}`, { cause: e });
  }
  throw new Error('expected the call to fail');
}

/**
 * The sample's content saved as an ordinary report of the library (not marked as the app's sample,
 * which is never anyone's last year): a complete report to roll over, compare and chart.
 */
export async function saveOrdinary(s: Pick<NianbaoService, 'saveReport' | 'getReport'>): Promise<Report> {
  const base = sampleReport();
  const saved = await s.saveReport({ ...base, meta: { ...base.meta, id: newId() } });
  return s.getReport(saved.id);
}
