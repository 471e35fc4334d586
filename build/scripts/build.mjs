#!/usr/bin/env node
// `npm run build`: the Electron main and preload bundles (esbuild) and the renderer (vite build).
//   dist/electron/main.cjs     main process, with every dependency bundled (lowdb is ESM-only)
//   dist/electron/import-worker.cjs  the import worker thread (electron/services/import/import-worker.ts),
//                              loaded from beside main.cjs by isolated-import.ts
//   dist/electron/preload.cjs  sandboxed preload: one CommonJS file that requires only 'electron'
//   dist/electron/icon.png     window icon on Linux
//   dist/cli/                  the command-line tool for plain node (cli-build.mjs; bin/nianbao.mjs
//                              also rebuilds it by itself when stale)
//   dist/renderer/             the renderer (vite.config.ts, owned by the renderer)
// Flags: --electron-only (skip vite), --force (rebuild the renderer even when up to date).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { buildCli } from './cli-build.mjs';
import { copyPdfjsAssets } from './pdfjs-assets.mjs';
import { pdfjsTextOnly } from './pdfjs-bundle.mjs';
import { rendererBuildState } from './renderer-freshness.mjs';

const root = new URL('../..', import.meta.url).pathname;
const args = new Set(process.argv.slice(2));
const outDir = join(root, 'dist', 'electron');
mkdirSync(outDir, { recursive: true });

const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
).version;
const major = electronVersion.split('.')[0];
// Electron 45 ships Node 22 and Chromium 140.
const nodeTarget = Number(major) >= 45 ? 'node22' : 'node20';
const chromeTarget = Number(major) >= 45 ? 'chrome140' : 'chrome120';

function fail(message) {
  console.error(`build: ${message}`);
  process.exit(1);
}

async function bundle(name, options) {
  const started = Date.now();
  const result = await build({
    absWorkingDir: root,
    bundle: true,
    format: 'cjs',
    external: ['electron'],
    sourcemap: false,
    minify: false, // readable stack traces in the log file
    legalComments: 'inline',
    logLevel: 'warning',
    metafile: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    ...options,
  });
  const out = Object.entries(result.metafile.outputs)[0];
  console.log(`build: ${name} → ${out[0]} (${Math.round(out[1].bytes / 1024)} KB, ${Date.now() - started} ms)`);
  return result;
}

await bundle('main', {
  entryPoints: ['electron/main/main.ts'],
  outfile: 'dist/electron/main.cjs',
  platform: 'node',
  target: nodeTarget,
  // Packages that ship both builds: take the Node one.
  mainFields: ['main', 'module'],
  plugins: [pdfjsTextOnly()], // pdf.js for text only (pdfjs-bundle.mjs)
});

// Imports run in worker threads (time and memory limits): their entry is a file of its own.
await bundle('import worker', {
  entryPoints: ['electron/services/import/import-worker.ts'],
  outfile: 'dist/electron/import-worker.cjs',
  platform: 'node',
  target: nodeTarget,
  mainFields: ['main', 'module'],
  plugins: [pdfjsTextOnly()],
});

const preload = await bundle('preload', {
  entryPoints: ['electron/preload/preload.ts'],
  outfile: 'dist/electron/preload.cjs',
  platform: 'browser',
  target: chromeTarget,
});

// A sandboxed preload can require only a few built-in modules; ours needs just 'electron'.
const preloadImports = new Set(Object.values(preload.metafile.outputs).flatMap((o) => o.imports.map((i) => i.path)));
const stray = [...preloadImports].filter((p) => p !== 'electron');
if (stray.length) fail(`the preload must import only 'electron', found: ${stray.join(', ')}`);
const preloadText = readFileSync(join(outDir, 'preload.cjs'), 'utf8');
const requires = [...preloadText.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]);
if (requires.some((r) => r !== 'electron')) fail(`the preload bundle requires ${requires.join(', ')}`);

copyPdfjsAssets(outDir);

const cli = await buildCli(root);
console.log(`build: cli → dist/cli (${cli.manifest.outputs.length} files, ${cli.kb} KB, ${cli.ms} ms)`);

const icon = join(root, 'build', 'icons', '256x256.png');
if (existsSync(icon)) copyFileSync(icon, join(outDir, 'icon.png'));
else console.warn('build: build/icons/256x256.png is missing (run node build/scripts/make-icons.mjs)');

if (!args.has('--electron-only')) {
  const state = rendererBuildState(root);
  const index = state.index;
  const upToDate = !args.has('--force') && state.upToDate;
  if (upToDate) console.log(`build: renderer up to date (${relative(root, index)})`);
  else {
    console.log('build: renderer (vite build)');
    const vite = join(root, 'node_modules', '.bin', 'vite');
    const res = spawnSync(vite, ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    if (res.status !== 0) fail('vite build failed');
    if (!existsSync(index)) fail(`vite build did not produce ${relative(root, index)}`);
  }
}
