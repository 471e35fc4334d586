// pdf.js reads CMaps (Chinese PDFs whose fonts are not embedded) and standard fonts from files at
// run time. The packaged app has no node_modules, so the main bundle gets a copy next to it.
import { cpSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const PDFJS_ASSET_DIRS = ['cmaps', 'standard_fonts'];

/** Copies pdf.js' CMaps and standard fonts into `<bundleDir>/pdfjs/`. */
export function copyPdfjsAssets(bundleDir) {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  for (const dir of PDFJS_ASSET_DIRS) {
    const from = join(root, dir);
    if (!existsSync(from)) throw new Error(`pdfjs-dist has no ${dir} folder at ${from}`);
    cpSync(from, join(bundleDir, 'pdfjs', dir), { recursive: true });
  }
  return join(bundleDir, 'pdfjs');
}
