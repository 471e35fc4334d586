// The command-line tool as prebuilt JavaScript for plain node (no tsx at run time):
//   dist/cli/nianbao.mjs        electron/cli/main.ts, bundled with its dependencies (ESM)
//   dist/cli/<name>.mjs         every worker-thread entry electron/**/<name>.ts named *-worker.ts or
//                               *.worker.ts (import-worker.ts: imports run isolated), one file each
//                               beside the bundle, where code in any chunk finds it by its name
//   dist/cli/*-<hash>.mjs       chunks loaded on demand: each command's code, pdf.js and its worker
//                               (only when a PDF is read), opencc's tables…
//   dist/cli/<command>-<hash>.cjs  the short commands (export) once more, each as one CommonJS script,
//                               the fast PDF reader (pdf-reader-<hash>.cjs) and the rest of the
//                               importers (importer-<hash>.cjs),
//                               that electron/services/code-cache.ts compiles with V8's code cache, and
//   dist/cli/<…>.cjs.v8cache    that cache, made here by running the command once (so that a user's
//                               first run after a build has it too); see cli-code-cache.mjs
//   dist/cli/build-info.json    what the bundle was built from, for cli-freshness.mjs
// `npm run build` and bin/nianbao.mjs (when the bundle is stale) call ensureCli / buildCli.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { build } from 'esbuild';
import {
  CLI_BUILD_FILES,
  CLI_BUNDLE,
  CLI_MANIFEST,
  CLI_MANIFEST_VERSION,
  CLI_OUT_DIR,
  cliBuildState,
} from './cli-freshness.mjs';
import { pdfjsTextOnly } from './pdfjs-bundle.mjs';
import {
  buildCommandScripts,
  COMMAND_SCRIPTS,
  IMPORTER_SCRIPT,
  IMPORTER_SOURCE,
  READER_SCRIPT,
  READER_SOURCE,
  trainCodeCaches,
} from './cli-code-cache.mjs';

/** Worker-thread entries: electron/**\/*-worker.ts and *.worker.ts (bundled as dist/cli/<name>.mjs). */
function workerEntries(root) {
  const found = [];
  const visit = (dir) => {
    let entries;
    try {
      entries = readdirSync(join(root, dir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) visit(path);
      else if (/[-.]worker\.ts$/.test(e.name)) found.push(path);
    }
  };
  visit('electron');
  return found.sort();
}

/**
 * Bundles the CLI into `outDir` (relative to root, or absolute). `entry` defaults to
 * electron/cli/main.ts; tests pass entries of their own. Returns the manifest written.
 */
export async function buildCli(
  root,
  { outDir = CLI_OUT_DIR, entry = 'electron/cli/main.ts', workers, commandScripts, readerTraining } = {},
) {
  const started = Date.now();
  const builtAt = Date.now();
  const dir = resolve(root, outDir);
  mkdirSync(dir, { recursive: true });
  // Built first: the main bundle is told their (content-hashed) names.
  const isMain = entry === 'electron/cli/main.ts';
  const scripts = await buildCommandScripts(root, dir, {
    ...(commandScripts ?? (isMain ? COMMAND_SCRIPTS : {})),
    [READER_SCRIPT]: READER_SOURCE,
    [IMPORTER_SCRIPT]: IMPORTER_SOURCE,
  });
  // The importers are no command: main.ts is told the commands' scripts, node-import.ts theirs.
  const { [READER_SCRIPT]: readerScript, [IMPORTER_SCRIPT]: importerScript, ...commandNames } = scripts.names;
  const entryPoints = [
    { in: entry, out: CLI_BUNDLE.replace(/\.mjs$/, '') },
    ...(workers ?? workerEntries(root)).map((w) => ({ in: w, out: basename(w).replace(/\.ts$/, '') })),
  ];
  const result = await build({
    absWorkingDir: root,
    entryPoints,
    outdir: dir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
    // Bundled CommonJS packages call require() for Node's modules; an ES module has none.
    banner: {
      js: "import { createRequire as __nbCreateRequire } from 'node:module';\nconst require = __nbCreateRequire(import.meta.url);",
    },
    sourcemap: false,
    minify: false, // readable stack traces
    legalComments: 'eof',
    logLevel: 'warning',
    metafile: true,
    define: {
      'process.env.NODE_ENV': '"production"',
      __NB_COMMAND_SCRIPTS__: JSON.stringify(commandNames),
      __NB_PDF_READER_SCRIPT__: readerScript ? JSON.stringify(readerScript) : 'undefined',
      __NB_IMPORTER_SCRIPT__: importerScript ? JSON.stringify(importerScript) : 'undefined',
    },
    plugins: [pdfjsTextOnly()],
  });
  const outputs = [
    ...Object.keys(result.metafile.outputs).map((o) => relative(dir, resolve(root, o)).split(sep).join('/')),
    ...scripts.outputs,
  ];
  // Only our own sources are stat'ed on each call; dependencies are covered by the lock files.
  const inputs = [...new Set([...Object.keys(result.metafile.inputs), ...scripts.inputs])]
    .filter((i) => !i.includes('node_modules/') && !i.startsWith('<'))
    .sort();
  // Chunks of earlier builds (other hashes) go, and their code caches.
  const keep = new Set([...outputs, ...scripts.caches, CLI_MANIFEST]);
  for (const name of readdirSync(dir)) {
    if (!keep.has(name) && statSync(join(dir, name)).isFile()) rmSync(join(dir, name), { force: true });
  }
  // The code caches are made by running the built commands (a failure there is the build's failure),
  // before the manifest says the build is complete.
  // The reader's training run (which writes the importer's cache too): `import` of the CLI, else the
  // entry's own arguments (or none: the caches are then written by the first run).
  const training = isMain || !readerScript ? {} : { [READER_SCRIPT]: readerTraining ?? null };
  await trainCodeCaches(root, dir, scripts.names, training);
  const manifest = {
    version: CLI_MANIFEST_VERSION,
    builtAt,
    node: process.versions.node.split('.')[0],
    entries: entryPoints.map((e) => e.in),
    outputs,
    inputs,
    buildFiles: CLI_BUILD_FILES,
  };
  // Written last and renamed into place: a build cut short is never taken for a complete one.
  const tmp = join(dir, `${CLI_MANIFEST}.${process.pid}.tmp`);
  writeFileSync(tmp, `${JSON.stringify(manifest, null, 1)}\n`);
  renameSync(tmp, join(dir, CLI_MANIFEST));
  const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
  return { manifest, ms: Date.now() - started, kb: Math.round(bytes / 1024) };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Rebuilds the bundle when it is stale. Several `nianbao` processes may start at once (tests, a
 * shell loop): one builds, the others wait for it, then use its result.
 */
export async function ensureCli(root, { outDir = CLI_OUT_DIR, log = () => {}, ...options } = {}) {
  let state = cliBuildState(root, outDir);
  if (state.upToDate) return state;
  const lock = `${resolve(root, outDir)}.lock`;
  mkdirSync(join(lock, '..'), { recursive: true });
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      // A lock left by a build that was killed: taken over after two minutes.
      let age;
      try {
        age = Date.now() - statSync(lock).mtimeMs;
      } catch {
        continue; // released meanwhile
      }
      if (age > 120_000 || Date.now() > deadline) rmSync(lock, { recursive: true, force: true });
      else await sleep(100);
    }
  }
  try {
    state = cliBuildState(root, outDir);
    if (state.upToDate) return state;
    log(state.reason);
    await buildCli(root, { outDir, ...options });
    return cliBuildState(root, outDir);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
