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

/**
 * Whether the page still reaches its server: `offline` when nothing answers (the program was
 * closed or is restarting), `denied` when a server answers but no longer knows this page (it was
 * restarted on another data folder, or twice while the page was away). The page shows one clear
 * sentence for each (renderer/src/app/ConnectionBanner.tsx) and reconnects by itself.
 */
export type ConnectionState = 'ok' | 'offline' | 'denied';

/** The messages of a call that failed on the way, as the clerk reads them (one thing to do each). */
export const CONNECTION_MESSAGES = {
  offline:
    '与年报编制助手的连接中断了（程序已关闭或正在重新启动）。请重新启动年报编制助手并保持本页打开：本页会自动重新连接，未保存的修改随即保存。',
  denied:
    '年报编制助手已经重新启动，本页不能再连接。请先把本页未保存的修改下载为文件，再在新打开的窗口中用“打开”继续。',
} as const;

export interface HttpApiOptions {
  token?: string;
  /** Told after every call whether the server answered (and knew this page). */
  onConnection?: (state: ConnectionState) => void;
}

export function createHttpApi(
  baseUrl = '',
  fetchImpl: FetchLike = globalFetch,
  options: HttpApiOptions = {},
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
      options.onConnection?.('offline');
      throw new ServiceError(CONNECTION_MESSAGES.offline, 'io');
    }
    const text = await response.text().catch(() => '');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      if (response.status === 403) {
        options.onConnection?.('denied');
        throw new ServiceError(CONNECTION_MESSAGES.denied, 'io');
      }
      options.onConnection?.('ok');
      throw new ServiceError(`本地服务返回了意外的响应（HTTP ${response.status}）。请稍后重试。`, 'internal');
    }
    options.onConnection?.('ok');
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
