import { API_METHODS, type NianbaoApi } from './api';
import { isServiceErrorCode, ServiceError } from './errors';

/**
 * The renderer's transport in browser mode: every NianbaoApi method becomes
 * `POST <baseUrl>/api/<method>` with `{"args": [...]}` to the loopback server, which answers
 * `{"ok": true, "result": …}` or `{"ok": false, "error": {"message", "code"}}`.
 * The per-start token travels in the HttpOnly cookie set by the start URL (credentials
 * 'same-origin'); Node clients and tests pass it as `token` (X-Nianbao-Token header).
 *
 * Pure: no DOM or Node types (shared/ compiles without them), only a fetch-like function.
 */

export interface FetchInit {
  method: 'POST';
  headers: Record<string, string>;
  body: string;
  credentials: 'same-origin';
}

export interface FetchResponseLike {
  status: number;
  text(): Promise<string>;
}

export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponseLike>;

const globalFetch: FetchLike = (url, init) => {
  // Looked up per call and called unbound-free: `fetch` must be called on the global object.
  const f = (globalThis as unknown as { fetch?: FetchLike }).fetch;
  if (!f) return Promise.reject(new Error('fetch is not available'));
  return f.call(globalThis, url, init);
};

export function createHttpApi(
  baseUrl = '',
  fetchImpl: FetchLike = globalFetch,
  options: { token?: string } = {},
): NianbaoApi {
  const base = baseUrl.replace(/\/+$/, '');
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (options.token) headers['X-Nianbao-Token'] = options.token;

  async function call(method: string, args: unknown[]): Promise<unknown> {
    // JSON turns a trailing `undefined` into null; optional arguments must stay absent.
    const list = [...args];
    while (list.length && list[list.length - 1] === undefined) list.pop();
    let response: FetchResponseLike;
    try {
      response = await fetchImpl(`${base}/api/${method}`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ args: list }),
        credentials: 'same-origin',
      });
    } catch {
      throw new ServiceError(
        '无法连接到年报编制助手的本地服务。请确认启动它的命令行窗口仍在运行，然后刷新页面。',
        'io',
      );
    }
    const text = await response.text().catch(() => '');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      if (response.status === 403) {
        throw new ServiceError(
          '访问被拒绝：本页面的访问令牌已失效（服务可能已重新启动）。请使用启动时显示的新地址重新打开。',
          'io',
        );
      }
      throw new ServiceError(`本地服务返回了意外的响应（HTTP ${response.status}）。请刷新页面后重试。`, 'internal');
    }
    const reply = body as { ok?: unknown; result?: unknown; error?: { message?: unknown; code?: unknown } };
    if (reply?.ok === true) return reply.result;
    const message =
      typeof reply?.error?.message === 'string' && reply.error.message ? reply.error.message : '操作没有完成，请重试。';
    const code = isServiceErrorCode(reply?.error?.code) ? reply.error.code : 'internal';
    throw new ServiceError(message, code);
  }

  const api: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const method of API_METHODS) api[method] = (...args: unknown[]) => call(method, args);
  return api as unknown as NianbaoApi;
}
