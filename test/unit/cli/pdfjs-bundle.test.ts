import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { nodePdfjsExtractor } from '../../../electron/services/import/node-import';
import { damagedCopies, printedPdfCorpus } from '../../fixtures/import/printed-pdfs';
import { hasChromium } from '../../fixtures/import/tools';
import { itUnless } from '../../fixtures/skip';
// @ts-expect-error plain JS build helper
import { buildCli } from '../../../build/scripts/cli-build.mjs';
import { ROOT } from './support/built-cli';
import { cleanupTempDirs } from '../export/helpers/tools';

/**
 * The bundles (the CLI, the app's import worker) carry pdf.js trimmed for text
 * (build/scripts/pdfjs-bundle.mjs): no canvas, no fetch polyfill, and composite TrueType fonts
 * with a ToUnicode map not rebuilt for drawing. The text they give must be exactly the text of
 * pdf.js as shipped (which this test process runs, unbundled): the same items, strings,
 * positions and widths, for PDFs from every producer at hand.
 */

const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'nianbao-pdfjs-bundle-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  cleanupTempDirs();
});
const SAMPLES = join(ROOT, '..', 'shared', 'samples', 'published');

let bundle = '';
beforeAll(async () => {
  // The bundle finds pdf.js' CMaps in node_modules, as in the project.
  symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'));
  const outDir = join(work, 'bundle');
  await (buildCli as (root: string, o: object) => Promise<unknown>)(ROOT, {
    outDir,
    entry: 'test/unit/cli/support/pdf-text.ts',
    workers: [],
  });
  bundle = join(outDir, 'nianbao.mjs');
});

async function bundledText(files: string[]): Promise<unknown[]> {
  const { stdout } = await run(process.execPath, [bundle, ...files], { maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(stdout) as unknown[];
}

async function unbundledText(files: string[]): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const f of files) {
    try {
      out.push(await nodePdfjsExtractor()(new Uint8Array(readFileSync(f))));
    } catch (e) {
      out.push({ error: e instanceof Error ? e.message : String(e) });
    }
  }
  // Through JSON, as the bundle's output comes (no undefined fields, same number text).
  return JSON.parse(JSON.stringify(out)) as unknown[];
}

describe('pdf.js in the bundles reads text exactly as pdf.js as shipped', () => {
  itUnless(
    !hasChromium && '没有 Chromium，无法生成要读取的 PDF（apt-get install chromium）',
    'reports printed by Chromium, rewritten by cairo (CID TrueType with ToUnicode) and by LibreOffice',
    async () => {
      const printed = await printedPdfCorpus(work);
      const files = [...printed.all];
      if (printed.cairo) {
        // The font kind whose rebuilding the bundle leaves out is really there.
        const fonts = execFileSync('pdffonts', [printed.cairo.sample], { encoding: 'utf8' });
        expect(fonts).toMatch(/CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
        // Damaged (bytes lost in the middle: a content stream that will not inflate) and cut off (a
        // download broken off): what zlib cannot inflate takes pdf.js' own way, as unbundled.
        damagedCopies(readFileSync(printed.cairo.sample), [0.2, 0.4, 0.6], 0.8).forEach((bytes, i) => {
          files.push(join(work, `damaged-${i}.pdf`));
          writeFileSync(files.at(-1)!, bytes);
        });
      }
      const bundled = await bundledText(files);
      const shipped = await unbundledText(files);
      expect(bundled).toHaveLength(files.length);
      files.forEach((f, i) => expect(bundled[i], f).toEqual(shipped[i]));
      expect(JSON.stringify(bundled)).toContain('政府信息公开');
    },
    300_000,
  );

  itUnless(
    !existsSync(SAMPLES) && `../shared/samples 不在（${SAMPLES}）：真实发布的 PDF 年报无从比较`,
    'the published reports of ../shared/samples (CID TrueType subsets with ToUnicode, as Word and WPS write them)',
    async () => {
      const files = readdirSync(SAMPLES)
        .filter((f) => f.endsWith('.pdf'))
        .map((f) => join(SAMPLES, f));
      expect(files.length).toBeGreaterThan(0);
      const bundled = await bundledText(files);
      const shipped = await unbundledText(files);
      files.forEach((f, i) => expect(bundled[i], f).toEqual(shipped[i]));
    },
    300_000,
  );
});
