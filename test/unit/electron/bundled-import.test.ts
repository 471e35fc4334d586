import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { afterAll, describe, expect } from 'vitest';
import { buildHtml } from '../../../shared/export/html/build';
import { sampleReport } from '../../../shared/sample/sample-report';
import { ChromiumPdfPrinter, findChromium } from '../../../electron/services/export/chromium-printer';
// @ts-expect-error plain JS build helper
import { copyPdfjsAssets } from '../../../build/scripts/pdfjs-assets.mjs';
// @ts-expect-error plain JS build helper
import { pdfjsTextOnly } from '../../../build/scripts/pdfjs-bundle.mjs';
import { itUnless } from '../../fixtures/skip';

const here = fileURLToPath(new URL('.', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'nianbao-bundle-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const chromium = findChromium();

describe('the importers inside the CommonJS main-process bundle and its import worker', () => {
  itUnless(
    !chromium && '没有 Chromium，无法生成要读取的 PDF（apt-get install chromium）',
    'read a PDF with pdf.js from the bundle alone (worker and CMaps included)',
    async () => {
      const outfile = join(work, 'app', 'main.cjs');
      // The options of build/scripts/build.mjs for the main bundle and the import worker beside it.
      const options: BuildOptions = {
        bundle: true,
        format: 'cjs',
        platform: 'node',
        target: 'node22',
        mainFields: ['main', 'module'],
        external: ['electron'],
        logLevel: 'error',
        plugins: [pdfjsTextOnly()],
      };
      await build({ ...options, entryPoints: [join(here, 'fixtures', 'bundled-import.ts')], outfile });
      await build({
        ...options,
        entryPoints: [join(here, '..', '..', '..', 'electron', 'services', 'import', 'import-worker.ts')],
        outfile: join(work, 'app', 'import-worker.cjs'),
      });
      copyPdfjsAssets(join(work, 'app'));
      const pdf = await new ChromiumPdfPrinter().printHtml(buildHtml(sampleReport(), { standalone: true }));
      const pdfPath = join(work, '云溪县2024年报.pdf');
      writeFileSync(pdfPath, pdf);
      // Run from a folder without node_modules: only the bundle and its pdfjs assets are there.
      const out = execFileSync(process.execPath, [outfile, pdfPath], {
        cwd: work,
        encoding: 'utf8',
        env: { ...process.env, NODE_PATH: '' },
      });
      expect(JSON.parse(out)).toEqual({ kind: 'pdf', year: 2024, agency: '云溪县市场监督管理局', received: 28 });
    },
    60_000,
  );
});
