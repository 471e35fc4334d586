import type { APIRequestContext } from '@playwright/test';
import type { TestServer } from './server';
import { newId } from '../../../shared/model/blank';
import type { Report } from '../../../shared/model/types';
import { sampleReport } from '../../../shared/sample/sample-report';

/** The service API of a test server over its HTTP transport (set-up steps that are not under test). */
export function apiOf(request: APIRequestContext, server: Pick<TestServer, 'origin' | 'token'>) {
  return async <T = unknown>(method: string, ...args: unknown[]): Promise<T> => {
    const res = await request.post(`${server.origin}/api/${method}`, {
      headers: { 'X-Nianbao-Token': server.token, 'Content-Type': 'application/json' },
      data: { args },
    });
    const body = await res.json();
    if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
    return body.result as T;
  };
}

/**
 * The sample's complete content saved as an ordinary report (not marked as the app's sample, which
 * is never anyone's last year): a 2024 report to roll over, compare and chart.
 */
export async function saveOrdinarySample(api: ReturnType<typeof apiOf>): Promise<Report> {
  const base = sampleReport();
  const saved = await api<{ id: string }>('saveReport', { ...base, meta: { ...base.meta, id: newId() } });
  return api<Report>('getReport', saved.id);
}
