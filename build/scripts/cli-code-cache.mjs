// The short commands and the PDF reader as CommonJS scripts with a V8 code cache (loaded by
// electron/services/code-cache.ts).
// A one-report `export` spends a fifth of its CPU parsing and compiling the ~1 MB of JavaScript it
// runs; Node 20 caches compiled code neither for ES modules nor for files (no
// module.enableCompileCache), but vm.Script takes and makes V8 code caches. So each command listed
// here is bundled once more as a single CommonJS file (no chunks: a vm.Script is one script; code
// behind a dynamic import() stays inside, lazily initialised, except packages such as pdf.js, which
// are left to Node's loader), named by the hash of its content so that a cache never outlives its
// script, and run once at build time on the sample report so that the cache (written by the
// command itself after the run, with every function the run compiled) is there for the first run.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { build } from 'esbuild';
import { trainingPdf } from './training-pdf.mjs';

/** Command name → its source; each becomes dist/cli/<name>-<hash>.cjs. */
export const COMMAND_SCRIPTS = { export: 'electron/cli/commands/export.ts' };

/**
 * The fast PDF reader as such a script too (electron/services/import/node-import.ts loads it with
 * the first PDF, in whichever bundle of dist/cli reads it): cold, its ~170 functions are parsed and
 * compiled on their first calls. Trained by reading training-pdf.mjs's PDF (`import`, or the
 * entry's own arguments for bundles of other entries: the bench's timer).
 */
export const READER_SCRIPT = 'pdf-reader';
export const READER_SOURCE = 'shared/import/pdf/fast/extract.ts';

/**
 * The rest of the importers (layout, tables, headings, sections; the .docx and HTML readers) as such
 * a script too, loaded where node-import.ts is (its own ES import of them, before): cold, a PDF
 * import's hundreds of functions beyond the reader are parsed and compiled on their first calls.
 * Trained by the same run as the reader. The two scripts share only errors.ts and pdf/items.ts
 * (constants and functions; ImportError is recognised across copies).
 */
export const IMPORTER_SCRIPT = 'importer';
export const IMPORTER_SOURCE = 'electron/services/import/importer-script.ts';

export const CODE_CACHE_SUFFIX = '.v8cache'; // as electron/services/code-cache.ts

/** What the training run of each command does (in a temporary folder holding sample.json). */
const TRAINING = {
  export: ['export', 'sample.json', '--docx', 'out.docx', '--html', 'out.html', '--fragment', 'out-fragment.html'],
  [READER_SCRIPT]: ['import', 'training.pdf', '-o', 'training.json', '--quiet'],
};
/** Scripts whose cache a command's training run writes too (the importer's: by the reader's run). */
const TRAINED_ALONG = { [READER_SCRIPT]: [IMPORTER_SCRIPT] };

/**
 * Bundles the command scripts into `dir`. Returns their file names by command (`names`, given to the
 * main bundle), the files written and their caches (relative to dir), and the sources they contain.
 */
export async function buildCommandScripts(root, dir, commands) {
  // Only those whose source is there (the tests build small projects of their own).
  const entries = Object.entries(commands).filter(([, source]) => existsSync(join(root, source)));
  if (entries.length === 0) return { names: {}, outputs: [], caches: [], inputs: [] };
  const bundleOnce = (group, bundled) =>
    build({
      absWorkingDir: root,
      entryPoints: group.map(([name, source]) => ({ in: source, out: name })),
      entryNames: '[name]-[hash]',
      outdir: dir,
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: `node${process.versions.node.split('.')[0]}`,
      outExtension: { '.js': '.cjs' },
      sourcemap: false,
      minify: false, // readable stack traces
      legalComments: 'eof',
      logLevel: 'warning',
      // The importers read import.meta.url only when __filename is not there; in this script it is.
      logOverride: { 'empty-import-meta': 'silent' },
      metafile: true,
      define: { 'process.env.NODE_ENV': '"production"' },
      plugins: [
        {
          // Packages behind a dynamic import() (pdf.js, opencc's tables) stay outside the script: the
          // command never needs them on its own thread, and Node's loader finds them if it ever does.
          // But those the script's code does import (`bundled`) are in it.
          name: 'leave-lazy-packages',
          setup(b) {
            b.onResolve({ filter: /^[^./]/ }, (args) =>
              (args.kind === 'dynamic-import' && !bundled.some((p) => args.path.startsWith(p))) ||
              args.path === 'electron'
                ? { path: args.path, external: true }
                : undefined,
            );
          },
        },
      ],
    });
  // The importers' script has opencc's table (traditional → simplified characters) inside: an import()
  // run by a script compiled from a V8 code cache fails on Node 20 ("A dynamic import callback was
  // not specified"); bundled, it is evaluated only when needed. The other scripts are built apart, as before.
  const results = await Promise.all(
    [
      [entries.filter(([name]) => name === IMPORTER_SCRIPT), ['opencc-js/']],
      [entries.filter(([name]) => name !== IMPORTER_SCRIPT), []],
    ]
      .filter(([group]) => group.length > 0)
      .map(([group, bundled]) => bundleOnce(group, bundled)),
  );
  const result = {
    metafile: {
      outputs: Object.assign({}, ...results.map((r) => r.metafile.outputs)),
      inputs: Object.assign({}, ...results.map((r) => r.metafile.inputs)),
    },
  };
  const names = {};
  const outputs = [];
  for (const [out, meta] of Object.entries(result.metafile.outputs)) {
    const file = relative(dir, resolve(root, out)).split(sep).join('/');
    writeFileSync(resolve(root, out), asciiOnly(readFileSync(resolve(root, out), 'utf8')));
    outputs.push(file);
    const command = entries.find(([, source]) => meta.entryPoint === source)?.[0];
    if (command) names[command] = file;
  }
  return {
    names,
    outputs,
    caches: Object.values(names).map((f) => f + CODE_CACHE_SUFFIX),
    inputs: Object.keys(result.metafile.inputs),
  };
}

/**
 * The script with every character beyond ASCII written as a \\u escape. esbuild escapes strings but
 * leaves regular expressions as written (the importers' and checks' Chinese patterns); one such
 * character makes V8 hold the whole 1.5 MB script as two-byte text, decoded from UTF-8 on every run
 * (~8 ms). \\uXXXX per UTF-16 unit means the same in strings, templates, identifiers and regular
 * expressions (with the u flag a surrogate pair of escapes is one code point); an identity escape
 * of such a character in a pattern (a backslash before it) becomes the \\u escape alone.
 */
export function asciiOnly(code) {
  return code.replace(/(\\*)([^\x00-\x7f])/g, (_m, slashes, char) => {
    // An odd run of backslashes escapes the character itself: its escape replaces the last one.
    const kept = slashes.length % 2 === 1 ? slashes.slice(1) : slashes;
    return `${kept}\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** The sample report as report-file JSON (shared/sample, bundled for this process). */
async function sampleReportJson(root) {
  const bundled = await build({
    absWorkingDir: root,
    stdin: {
      contents:
        "import { sampleReport } from './shared/sample/sample-report';\nexport default JSON.stringify(sampleReport());",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'warning',
  });
  const url = `data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`;
  return (await import(url)).default;
}

/**
 * Runs each command script once, as a user runs it (`node dist/cli/nianbao.mjs …`), without a
 * cache: the command writes its cache after the run. Node's own options are left out of the run
 * (V8 refuses a cache made with other flags; the CLI sets the flags it runs with itself).
 */
export async function trainCodeCaches(root, dir, names, training = {}) {
  const runs = { ...TRAINING, ...training };
  const commands = Object.keys(names).filter((c) => runs[c]);
  if (commands.length === 0) return;
  const work = mkdtempSync(join(tmpdir(), 'nianbao-code-cache-'));
  try {
    writeFileSync(join(work, 'sample.json'), await sampleReportJson(root));
    writeFileSync(join(work, 'training.pdf'), trainingPdf());
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    delete env.NIANBAO_CODE_CACHE;
    for (const command of commands) {
      const scripts = [command, ...(TRAINED_ALONG[command] ?? [])].filter((c) => names[c]);
      for (const c of scripts) rmSync(join(dir, names[c] + CODE_CACHE_SUFFIX), { force: true });
      execFileSync(process.execPath, [join(dir, 'nianbao.mjs'), ...runs[command]], {
        cwd: work,
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      for (const c of scripts) {
        if (!existsSync(join(dir, names[c] + CODE_CACHE_SUFFIX)))
          throw new Error(`${names[c]}: the training run wrote no code cache`);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
