import { spawn, type ChildProcessWithoutNullStreams, type SpawnOptions } from 'node:child_process';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';

const ROOT = new URL('../../..', import.meta.url).pathname;

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A request with full control over the raw path and every header (Host and Origin included). */
export function request(
  port: number,
  opts: {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    host?: string;
  } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: opts.host ?? '127.0.0.1',
        port,
        method: opts.method ?? 'GET',
        path: opts.path ?? '/',
        headers: opts.headers ?? {},
        // A connection of its own: a kept-alive one the server closes after 5 idle seconds (a busy
        // machine) can be reset just as the next request goes out on it (ECONNRESET).
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/** POST /api/<method> with the token header. */
export function api(
  port: number,
  token: string,
  method: string,
  args: unknown[] = [],
  headers: Record<string, string> = {},
) {
  return request(port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'Content-Type': 'application/json', 'X-Nianbao-Token': token, ...headers },
    body: JSON.stringify({ args }),
  });
}

const startedGroups = new Set<number>();

/**
 * `node build/scripts/start.mjs …` in its own process group, remembered so that `killStarted`
 * can stop it and the server it started even when a test times out before its own clean-up.
 */
export function spawnStart(args: string[], opts: SpawnOptions): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, [join(ROOT, 'build', 'scripts', 'start.mjs'), ...args], {
    ...opts,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  }) as ChildProcessWithoutNullStreams;
  if (child.pid) startedGroups.add(child.pid);
  return child;
}

/** Kills every process group `spawnStart` made (start.mjs and its server), alive or not. */
export function killStarted(): void {
  for (const pid of startedGroups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // ESRCH: the group has already ended.
    }
  }
  startedGroups.clear();
}

/**
 * POST /api/<method> over a raw socket, the body sent with its Content-Length (`declare`) or
 * chunked: a server that answers before reading all of it and drops the connection (413) does not
 * lose its answer here, as it may with node:http when the write fails first.
 */
export function rawPost(
  port: number,
  token: string,
  method: string,
  body: Buffer,
  { declare }: { declare: boolean },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => undefined); // EPIPE/ECONNRESET after the answer: what was read counts
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      if (!status) return reject(new Error(`no answer: ${text.slice(0, 200)}`));
      // Our JSON answers always carry a Content-Length (never chunked).
      resolve({ status, body: text.slice(text.indexOf('\r\n\r\n') + 4) });
    });
    socket.once('connect', () => {
      socket.write(
        `POST /api/${method} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
          `X-Nianbao-Token: ${token}\r\nConnection: close\r\n` +
          (declare ? `Content-Length: ${body.length}\r\n\r\n` : 'Transfer-Encoding: chunked\r\n\r\n'),
      );
      const step = 1 << 20;
      for (let at = 0; at < body.length && !socket.destroyed; at += step) {
        const part = body.subarray(at, at + step);
        socket.write(
          declare ? part : Buffer.concat([Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from('\r\n')]),
        );
      }
      if (!declare && !socket.destroyed) socket.write('0\r\n\r\n');
    });
  });
}
