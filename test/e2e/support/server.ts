import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createService, type ServiceOptions } from '../../../electron/services/index';
import { startServer } from '../../../electron/server/index';

/** The real browser-mode server (service + loopback HTTP) on a data folder, for e2e tests and benchmarks. */

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const STATIC_DIR = join(ROOT, 'dist', 'renderer');

export interface TestServer {
  url: string;
  origin: string;
  token: string;
  port: number;
  dataDir: string;
  close(): Promise<void>;
}

export function tempDataDir(prefix = 'nianbao-e2e-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function launchServer(
  dataDir: string,
  port = 0,
  options: Partial<ServiceOptions> = {},
): Promise<TestServer> {
  const service = createService({ dataDir, mode: 'browser', indexDelayMs: 50, ...options });
  const server = await startServer({ service, staticDir: STATIC_DIR, port, log: () => undefined });
  return {
    url: server.url,
    origin: server.origin,
    token: server.token,
    port: server.port,
    dataDir,
    async close() {
      await server.close();
      await service.close();
    },
  };
}
