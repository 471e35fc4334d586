import type { APIRequestContext } from '@playwright/test';
import type { TestServer } from './server';

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
