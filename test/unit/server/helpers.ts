import { spawn, type ChildProcessWithoutNullStreams, type SpawnOptions } from 'node:child_process';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
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
