// Code loaded with V8's code cache (Node 20 has no module.enableCompileCache). The CLI bundle gives
// the short commands (`export`) and the fast PDF reader (node-import.ts) a CommonJS script of their own too,
// dist/cli/<command>-<hash>.cjs (build/scripts/cli-build.mjs), and beside it the code V8 compiled
// while running it once at build time (<script>.v8cache): with it, V8 neither parses the ~1 MB of
// JavaScript nor compiles the functions the command runs — about a fifth of a one-report export.
//
// The cache belongs to one script: the script's name carries the hash of its content, so a rebuilt
// bundle never meets an old cache. V8 itself refuses a cache made by another V8 version or with
// other flags (cachedDataRejected); the command then runs from source as usual, and a new cache is
// written after it (best effort: a read-only install simply keeps running without).
import { createRequire } from 'node:module';

// require() of Node's built-ins: an ES import would build a module facade of each (reading every
// export; node:fs loads Node's streams). Built-ins resolve from any path: node's own serves, and
// keeps import.meta (empty in the app's CommonJS bundles) out of this module.
const nodeRequire = createRequire(process.execPath);

const { readFileSync, renameSync, rmSync, writeFileSync } = nodeRequire('node:fs') as typeof import('node:fs');
const { dirname } = nodeRequire('node:path') as typeof import('node:path');
const { constants, Script } = nodeRequire('node:vm') as typeof import('node:vm');

export const CODE_CACHE_SUFFIX = '.v8cache';

/**
 * V8 flags this process set for itself (setV8Flags), which its worker threads run with too. Kept in
 * the environment, which a worker thread copies from the thread that starts it, with the process id:
 * a child process inherits the environment but not the flags.
 */
const FLAGS_ENV = 'NIANBAO_V8_FLAGS';

function flagsSet(): string[] {
  const [pid, ...flags] = (process.env[FLAGS_ENV] ?? '').split(' ').filter(Boolean);
  return pid === String(process.pid) ? flags : [];
}

/**
 * Sets V8 flags for the whole process (`batch` when its workers fill every core) and notes them, so
 * that code caches are kept apart by the flags they were made with. V8 refuses a cache made with
 * other flags: with one shared file, `batch --jobs 2` refused the build's cache of the importers in
 * each worker and wrote its own over it, which the next `import` or `batch --jobs 1` refused and
 * replaced in turn — every run compiled the importers from source.
 */
export function setV8Flags(flag: string): void {
  const { setFlagsFromString } = nodeRequire('node:v8') as typeof import('node:v8');
  setFlagsFromString(flag);
  const flags = flagsSet().filter((f) => f !== flag);
  process.env[FLAGS_ENV] = [String(process.pid), ...flags, flag].join(' ');
}

/** The cache file of a script: `<script>.v8cache`, or with flags set by setV8Flags `<script>.<flags>.v8cache`. */
export function codeCacheFile(file: string): string {
  const flags = flagsSet();
  if (!flags.length) return file + CODE_CACHE_SUFFIX;
  return `${file}.${flags
    .join('-')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')}${CODE_CACHE_SUFFIX}`;
}

export interface CachedScript<T> {
  exports: T;
  /** Whether V8 took the cache (false: none yet, or refused). */
  cacheUsed: boolean;
  /** Writes the cache when it was missing or refused; call after the code has run. */
  saveCache(): void;
}

/** Runs a CommonJS file as Node's loader would, compiled with its code cache when there is one. */
export function loadWithCodeCache<T>(file: string): CachedScript<T> {
  const source = readFileSync(file, 'utf8');
  const cacheFile = codeCacheFile(file);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // Node's own module wrapper, on the script's first line: line numbers of stack traces stay right.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
    // import() of what the script leaves outside (pdf.js) goes through Node's ordinary loader.
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const cacheUsed = Boolean(cachedData) && !script.cachedDataRejected;
  const module = { exports: {} as T };
  const wrapper = script.runInThisContext() as (
    exports: T,
    require: NodeJS.Require,
    module: { exports: T },
    filename: string,
    dirname: string,
  ) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return {
    exports: module.exports,
    cacheUsed,
    saveCache() {
      if (cacheUsed) return;
      // Per thread: the import workers of one process may each write the reader's cache.
      const { threadId } = nodeRequire('node:worker_threads') as typeof import('node:worker_threads');
      const tmp = `${cacheFile}.${process.pid}-${threadId}.tmp`;
      try {
        // After the run, the cache holds the functions compiled meanwhile, not only the top level.
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, cacheFile);
      } catch {
        rmSync(tmp, { force: true });
      }
    },
  };
}
