// Whether dist/cli (the bundled command-line tool) is older than what it was built from. This runs
// on every `nianbao` call, so it must stay cheap: it reads the list of inputs the last build wrote
// (esbuild's metafile: only the files the bundle really contains) and stats those, instead of
// walking the source folders. Dependencies are covered by npm's own lock files, which every
// `npm install`/`npm ci` rewrites. No import of esbuild here.
import { createRequire } from 'node:module';

// require(), not ES imports, of Node's built-ins: an ES import of node:fs builds a facade of all its
// exports, which loads Node's streams (~8 ms of every `nianbao` call).
const require = createRequire(import.meta.url);
const { readFileSync, statSync } = require('node:fs');
const { join, resolve } = require('node:path');

export const CLI_OUT_DIR = join('dist', 'cli');
export const CLI_BUNDLE = 'nianbao.mjs';
export const CLI_MANIFEST = 'build-info.json';
export const CLI_MANIFEST_VERSION = 2;

/**
 * Files whose change invalidates the bundle besides its own inputs: the build script, the
 * TypeScript settings esbuild reads, and the dependency lock files.
 */
export const CLI_BUILD_FILES = [
  'build/scripts/cli-build.mjs',
  'build/scripts/cli-freshness.mjs',
  'build/scripts/cli-code-cache.mjs',
  'build/scripts/training-pdf.mjs',
  'build/scripts/pdfjs-bundle.mjs',
  'tsconfig.json',
  'tsconfig.base.json',
  'package.json',
  'package-lock.json',
  'node_modules/.package-lock.json',
];

const mtime = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
};

/**
 * `{ upToDate, reason, bundle }`: reason (English, for the build log) says why a rebuild is due.
 * `outDir` is relative to root or absolute (tests build elsewhere).
 */
export function cliBuildState(root, outDir = CLI_OUT_DIR) {
  const dir = resolve(root, outDir);
  const bundle = join(dir, CLI_BUNDLE);
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, CLI_MANIFEST), 'utf8'));
  } catch {
    return { upToDate: false, reason: 'not built yet', bundle };
  }
  if (manifest.version !== CLI_MANIFEST_VERSION || !Array.isArray(manifest.inputs) || !Array.isArray(manifest.outputs))
    return { upToDate: false, reason: 'built by another version of the build script', bundle };
  if (manifest.node !== process.versions.node.split('.')[0])
    return { upToDate: false, reason: `built for Node ${manifest.node}`, bundle };
  const builtAt = manifest.builtAt;
  for (const output of manifest.outputs) {
    if (mtime(join(dir, output)) === null) return { upToDate: false, reason: `${output} is missing`, bundle };
  }
  for (const input of manifest.inputs) {
    const t = mtime(join(root, input));
    if (t === null) return { upToDate: false, reason: `${input} is gone`, bundle };
    if (t > builtAt) return { upToDate: false, reason: `${input} changed`, bundle };
  }
  for (const file of manifest.buildFiles ?? CLI_BUILD_FILES) {
    const t = mtime(join(root, file));
    if (t !== null && t > builtAt) return { upToDate: false, reason: `${file} changed`, bundle };
  }
  return { upToDate: true, reason: 'up to date', bundle };
}
