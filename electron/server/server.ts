// Length: the loopback server's one request pipeline (access control, limits, API dispatch,
// static files) — each step is short, and their order is the security model, kept in one view.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_METHODS, ServiceError, type ApiMethod, type NianbaoApi } from '../../shared/service/api';
import { checkApiArgs } from '../../shared/service/arg-checks';
import { MAX_JSON_DEPTH, jsonTooDeep } from '../../shared/model/json-depth';
import {
  SECURITY_HEADERS,
  TOKEN_HEADER,
  checkRequestOrigin,
  cookieValue,
  newToken,
  refuse,
  sameSecret,
} from './security';
import { serveStatic } from './static-files';

export interface ServerOptions {
  service: NianbaoApi;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 (default): a free port. */
  port?: number;
  /** Largest accepted API request body (default 50 MB: base64 of imported files). */
  maxBodyBytes?: number;
  log?: (message: string, error?: unknown) => void;
  /** The session secret (the cookie's value); default a new random one. */
  secret?: string;
  /**
   * The secret of the previous start on this data folder: a window left open across a restart
   * still carries it; it is accepted and the window's cookie replaced by the new secret.
   */
  previousSecret?: string;
  /** Called after a one-time code was exchanged for the cookie (the launcher writes a fresh one). */
  onCodeUsed?: () => void;
}

export interface RunningServer {
  /**
   * The start URL with the secret, for callers in this process (tests): opening it sets the cookie
   * and redirects to `/`. Never print it or pass it on a command line (see session.ts).
   */
  url: string;
  origin: string;
  token: string;
  port: number;
  /**
   * A one-time code for `POST /session` (what open-app.html sends); issuing one revokes the
   * previous unused code.
   */
  newCode(): string;
  close(): Promise<void>;
}

const METHODS = new Set<string>(API_METHODS);
// As documented: 50 MB. An import sends the file as base64 inside JSON, so the page refuses
// files over 36 MB before sending (renderer/src/import/file-read.ts).
export const DEFAULT_MAX_BODY = 50 * 1024 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: ServiceError['code'] = 'invalid',
  ) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () =>
    new HttpError(413, `请求内容过大（超过 ${Math.round(limit / 1024 / 1024)} MB）。请选择较小的文件。`);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    req.on('error', (e) => {
      if (!done) reject(e);
      done = true;
    });
  });
}

/**
 * The browser-mode server: the built renderer and `POST /api/<method>` on 127.0.0.1 only, behind a
 * per-start token (see docs/storage-and-browser-mode.md for the security model).
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.secret ?? newToken();
  const previous = options.previousSecret && options.previousSecret !== token ? options.previousSecret : undefined;
  let code: string | null = null;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const log = options.log ?? ((m, e) => console.error(`[nianbao] ${m}`, e ?? ''));
  let port = 0;
  let cookieName = '';

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    try {
      if (req.method !== 'POST') throw new HttpError(405, '接口只接受 POST 请求。', 'unsupported');
      if (!METHODS.has(method))
        throw new HttpError(404, `没有名为“${method.slice(0, 40)}”的接口。请刷新页面后重试。`, 'unsupported');
      // Only JSON: an HTML form (the classic cross-site request) cannot send application/json.
      const type = String(req.headers['content-type'] ?? '')
        .split(';')[0]!
        .trim()
        .toLowerCase();
      if (type !== 'application/json')
        throw new HttpError(415, '请求格式不对：应为 JSON（Content-Type: application/json）。');
      const raw = await readBody(req, maxBody);
      const text = raw.toString('utf8');
      // JSON.parse copes with any nesting, but everything that walks the value afterwards recurses.
      if (jsonTooDeep(text, MAX_JSON_DEPTH + 2))
        throw new HttpError(400, `请求内容嵌套超过 ${MAX_JSON_DEPTH} 层，不是本程序发出的请求。请刷新页面后重试。`);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new HttpError(400, '请求内容不是有效的 JSON。');
      }
      const args = (body as { args?: unknown })?.args ?? [];
      if (!Array.isArray(args)) throw new HttpError(400, '请求内容应为 {"args": [...]}。');
      const problem = checkApiArgs(method as ApiMethod, args);
      if (problem) throw new HttpError(400, `${method}：${problem}`);
      const fn = options.service[method as keyof NianbaoApi] as (...a: unknown[]) => Promise<unknown>;
      let result: unknown;
      try {
        result = await fn.apply(options.service, args);
      } catch (e) {
        if (e instanceof ServiceError)
          return sendJson(res, 200, { ok: false, error: { message: e.message, code: e.code } });
        log(`API ${method} failed`, e);
        return sendJson(res, 200, {
          ok: false,
          error: {
            message: '发生意外错误，操作没有完成。请重试；如果一再出现，请重新启动年报编制助手。',
            code: 'internal',
          },
        });
      }
      sendJson(res, 200, result === undefined ? { ok: true } : { ok: true, result });
    } catch (e) {
      if (e instanceof HttpError) {
        if (e.status === 413) {
          // Do not receive the rest of a body that is too large: answer, then drop the connection.
          res.setHeader('Connection', 'close');
          res.once('finish', () => req.destroy());
        } else {
          // Read (and discard) the rest of the body: closing with unread data would reset the
          // connection and the client could lose this answer.
          req.resume();
        }
        sendJson(res, e.status, { ok: false, error: { message: e.message, code: e.code } });
        return;
      }
      log(`API ${method}: request failed`, e);
      if (!res.headersSent)
        sendJson(res, 500, { ok: false, error: { message: '请求处理失败，请重试。', code: 'internal' } });
    }
  }

  const cookie = () => `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`;

  /**
   * open-app.html posts its one-time code here (from a file: page, so the Origin is "null"); the
   * answer sets the cookie and moves on to `/` from this origin (a redirect would still count as
   * the file page's navigation, and the Strict cookie would not be sent).
   */
  async function exchangeCode(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host;
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return refuse(res, 403, '拒绝访问：地址不正确。');
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== 'null' && origin !== `http://127.0.0.1:${port}`)
      return refuse(res, 403, '拒绝访问：请求来自其他网站。');
    if (req.method !== 'POST') return refuse(res, 405, '请打开年报编制助手启动时给出的页面。');
    let given: string | undefined;
    try {
      given = new URLSearchParams((await readBody(req, 4096)).toString('utf8')).get('code') ?? undefined;
    } catch {
      return refuse(res, 413, '请求内容过大。');
    }
    const valid = code !== null && sameSecret(given, code);
    if (!valid) {
      res.writeHead(403, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      res.end(
        '<!doctype html><meta charset="utf-8"><title>年报编制助手</title><p>这个打开页面已经用过或已失效。请再次打开年报编制助手（或重新打开它启动时给出的 open-app.html）。</p>',
      );
      return;
    }
    code = null;
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Set-Cookie': cookie(),
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    res.end(
      '<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=/"><title>年报编制助手</title><p>正在打开……</p>',
    );
    options.onCodeUsed?.();
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const rawPath = q >= 0 ? rawUrl.slice(0, q) : rawUrl;
    const query = new URLSearchParams(q >= 0 ? rawUrl.slice(q + 1) : '');

    if (rawPath === '/session') return exchangeCode(req, res);
    const problem = checkRequestOrigin(req, port);
    if (problem) return refuse(res, 403, problem);

    // The start URL: trade the token in the address bar for an HttpOnly cookie, then drop it from the URL.
    if (rawPath === '/' && query.has('token') && (req.method === 'GET' || req.method === 'HEAD')) {
      if (!sameSecret(query.get('token') ?? undefined, token)) {
        return refuse(res, 403, '拒绝访问：访问令牌不正确或已失效。请使用本次启动时显示的地址打开。');
      }
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        'Set-Cookie': cookie(),
        Location: '/',
        'Cache-Control': 'no-store',
      });
      res.end();
      return;
    }

    const header = req.headers[TOKEN_HEADER];
    const given = typeof header === 'string' ? header : cookieValue(req, cookieName);
    if (!sameSecret(given, token)) {
      // A window left open across a restart: let it in, and give it this start's secret.
      if (previous !== undefined && sameSecret(given, previous)) res.setHeader('Set-Cookie', cookie());
      else
        return refuse(
          res,
          403,
          '拒绝访问：缺少或错误的访问令牌。请使用年报编制助手打开的窗口，或打开它启动时给出的 open-app.html 页面。',
        );
    }

    if (rawPath.startsWith('/api/')) return handleApi(req, res, rawPath.slice('/api/'.length));
    if (rawPath === '/api') return refuse(res, 404, '没有这个接口。');
    return serveStatic(req, res, rawPath, options.staticDir);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      log('request failed', e);
      if (!res.headersSent) refuse(res, 500, '服务器内部错误，请重试。');
      else res.destroy();
    });
  });
  // No request may hold a connection forever (slowloris from another local program).
  server.requestTimeout = 120_000;
  server.headersTimeout = 20_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: options.port ?? 0 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  // Cookies ignore ports: name it per port so two instances do not overwrite each other's cookie.
  cookieName = `nianbao_token_${port}`;
  const origin = `http://127.0.0.1:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    port,
    newCode() {
      code = newToken();
      return code;
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
