import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launchServer, tempDataDir } from './support/server';

/**
 * Builds the renderer (`vite build`) and starts the real browser-mode server on a temporary data
 * folder; tests find it in NIANBAO_E2E_URL / _ORIGIN / _TOKEN / _DATA_DIR.
 * NIANBAO_E2E_SKIP_BUILD=1 reuses an existing dist/renderer (while iterating on tests only).
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (process.env.NIANBAO_E2E_SKIP_BUILD !== '1') {
    execFileSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
  const dataDir = tempDataDir();
  const server = await launchServer(dataDir);
  process.env.NIANBAO_E2E_URL = server.url;
  process.env.NIANBAO_E2E_ORIGIN = server.origin;
  process.env.NIANBAO_E2E_TOKEN = server.token;
  process.env.NIANBAO_E2E_DATA_DIR = dataDir;
  return async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
