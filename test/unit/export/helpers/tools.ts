import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { describeUnless, itUnless } from '../../../fixtures/skip';

/** Real readers used by the export tests, and how to skip cleanly when one is missing. */

const run = promisify(execFile);

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');
export const FONTS_CONF = join(ROOT, 'build', 'fontconfig', 'fonts.conf');
export const SHARED = resolve(ROOT, '..', 'shared');
export const OFFICIAL_TEMPLATE = join(SHARED, 'samples', 'template', 'official-template-2021.docx');
/** Debian's python3 with python3-docx (not a pyenv python). */
export const PYTHON = '/usr/bin/python3';
export const HELPERS = fileURLToPath(new URL('.', import.meta.url));

export function which(name: string): string | null {
  if (name.startsWith('/')) return existsSync(name) ? name : null;
  const res = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return res.status === 0 ? res.stdout.trim() : null;
}

export const hasPythonDocx = (): boolean =>
  existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import docx'], { encoding: 'utf8' }).status === 0;

/** Why a test must be skipped (printed by the test name), or null when everything is there. */
export function missing(
  ...tools: ('soffice' | 'pdftotext' | 'pdftoppm' | 'pdfinfo' | 'chromium' | 'python-docx' | 'pandoc')[]
): string | null {
  for (const t of tools) {
    if (t === 'python-docx') {
      if (!hasPythonDocx()) return `跳过：没有 ${PYTHON} 或 python3-docx（apt install python3-docx）`;
    } else if (t === 'chromium') {
      if (!which('/usr/bin/chromium') && !which('chromium')) return '跳过：没有 Chromium（/usr/bin/chromium）';
    } else if (!which(t))
      return `跳过：没有 ${t}（apt install ${t === 'soffice' ? 'libreoffice' : t === 'pandoc' ? 'pandoc' : 'poppler-utils'}）`;
  }
  return null;
}

const created: string[] = [];

export function tempDir(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), `nianbao-export-${tag}-`));
  created.push(dir);
  return dir;
}

/**
 * Removes the temp folders (LibreOffice profiles are tens of MB each). Set NIANBAO_KEEP_TEST_FILES=1
 * to keep them, e.g. to look at the rendered page images.
 */
export function cleanupTempDirs(): void {
  if (process.env['NIANBAO_KEEP_TEST_FILES']) return;
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * LibreOffice conversion with its own profile (two soffice at once need separate profiles) and
 * the project's font mapping. Returns the output path.
 */
export async function soffice(input: string, to: 'pdf' | 'docx', outDir: string): Promise<string> {
  const filter = to === 'docx' ? 'docx:MS Word 2007 XML' : 'pdf';
  const [out] = await convert([input], filter, to, outDir, 120_000);
  return out!;
}

/** Several files converted by one LibreOffice start (much faster than one start per file). */
export async function sofficeAll(inputs: string[], to: 'pdf', outDir: string): Promise<string[]> {
  return convert(inputs, to, to, outDir, 600_000);
}

/** One soffice start converting `inputs` with `filter`; the outputs' paths, each its input's name with `ext`. */
async function convert(inputs: string[], filter: string, ext: string, outDir: string, timeout: number) {
  const profile = tempDir('lo-profile');
  await run(
    'soffice',
    [
      '--headless',
      '--norestore',
      `-env:UserInstallation=file://${profile}`,
      '--convert-to',
      filter,
      '--outdir',
      outDir,
      ...inputs,
    ],
    { env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF }, timeout },
  );
  return inputs.map((input) => {
    const out = join(outDir, `${basename(input).replace(/\.[^.]+$/, '')}.${ext}`);
    if (!existsSync(out)) throw new Error(`soffice wrote nothing for ${input}`);
    return out;
  });
}

export async function pdftotext(pdf: string, layout = false, extra: string[] = []): Promise<string> {
  const { stdout } = await run('pdftotext', [...(layout ? ['-layout'] : []), ...extra, '-enc', 'UTF-8', pdf, '-'], {
    maxBuffer: 32 * 1024 * 1024,
  });
  return stdout;
}

export async function pdfinfo(pdf: string): Promise<{ pages: number; width: number; height: number }> {
  const { stdout } = await run('pdfinfo', [pdf]);
  const pages = Number(/Pages:\s+(\d+)/.exec(stdout)?.[1]);
  const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(stdout);
  return { pages, width: Number(m?.[1]), height: Number(m?.[2]) };
}

/** Renders pages to PNG (for looking at them and for checks that pages are not blank); returns the files. */
export async function pdftoppm(pdf: string, outPrefix: string, dpi = 50): Promise<string[]> {
  await run('pdftoppm', ['-r', String(dpi), '-png', pdf, outPrefix]);
  const dir = resolve(outPrefix, '..');
  const stem = basename(outPrefix);
  return readdirSync(dir)
    .filter((f) => f.startsWith(stem) && f.endsWith('.png'))
    .sort()
    .map((f) => join(dir, f));
}

export async function python(script: string, args: string[]): Promise<string> {
  const { stdout } = await run(PYTHON, [join(HELPERS, script), ...args], { maxBuffer: 32 * 1024 * 1024 });
  return stdout;
}

type Tool = Parameters<typeof missing>[number];

/**
 * A describe block that needs real programs: when one is missing, its tests are skipped with the
 * reason (what is missing and how to install it), which `npm test` prints.
 */
export function describeWithTools(tools: Tool[], name: string, body: () => void): void {
  describeUnless(missing(...tools), name, body);
}

/** One test that needs real programs; when one is missing it is skipped with the reason. */
export function itWithTools(tools: Tool[], name: string, fn: () => Promise<void> | void): void {
  itUnless(missing(...tools), name, fn);
}
