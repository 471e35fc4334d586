import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

/**
 * The Electron executable, or why there is none. Read the way the electron package does
 * (path.txt + dist/, or ELECTRON_OVERRIDE_DIST_PATH) without `require('electron')`, which would
 * try to download the binary when it is missing.
 */
export function findElectronBinary(): { path: string } | { reason: string } {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const path = join(override, relative || 'electron');
    return existsSync(path) ? { path } : { reason: `ELECTRON_OVERRIDE_DIST_PATH has no Electron executable (${path})` };
  }
  if (!relative)
    return {
      reason:
        'the Electron binary is not installed (node_modules/electron/path.txt is missing: its download did not run)',
    };
  const path = join(pkg, 'dist', relative);
  return existsSync(path) ? { path } : { reason: `the Electron binary is not installed (${path} is missing)` };
}
