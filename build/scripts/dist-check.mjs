#!/usr/bin/env node
// `npm run dist:check`: proves the packaging configuration offline. Builds the app, packages it
// with `electron-builder --dir` for Linux x64 around a stand-in Electron (the real one cannot be
// downloaded everywhere), then opens app.asar and checks what a clerk's install would contain.
// Exits non-zero with the list of problems otherwise.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { makeFakeElectronDist } from './fake-electron-dist.mjs';

const root = new URL('../..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const asar = require('@electron/asar');
const tmp = join(root, '.tmp');
const fakeDist = join(tmp, 'fake-electron-linux-x64');
const outDir = join(tmp, 'dist-check');
const problems = [];
const check = (ok, message) => {
  if (!ok) problems.push(message);
  return ok;
};

function run(cmd, args, env = {}) {
  console.log(`\n$ ${[cmd, ...args].map((a) => relative(root, a) || a).join(' ')}`);
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (res.status !== 0) {
    console.error(`dist:check: ${cmd} failed (exit ${res.status ?? res.signal})`);
    process.exit(1);
  }
}

// 1. Build (the renderer is rebuilt only when its sources changed).
if (!process.argv.includes('--no-build')) run(process.execPath, [join(root, 'build/scripts/build.mjs')]);

// 2. Package around the stand-in Electron. No download: --dir needs no deb/AppImage tools, the
//    Electron zip is replaced by electronDist, and the native-module rebuild is off.
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
makeFakeElectronDist(fakeDist, electronVersion);
rmSync(outDir, { recursive: true, force: true });
run(
  join(root, 'node_modules/.bin/electron-builder'),
  [
    '--dir',
    '--linux',
    '--x64',
    '--publish',
    'never',
    '--config',
    join(root, 'build/electron-builder.yml'),
    `-c.electronDist=${fakeDist}`,
    `-c.directories.output=${outDir}`,
  ],
  {
    ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
    ELECTRON_BUILDER_DISABLE_UPDATE_CHECK: 'true',
    CSC_IDENTITY_AUTO_DISCOVERY: 'false',
  },
);

// 3. What landed in the package.
const appDir = join(outDir, 'linux-unpacked');
const asarFile = join(appDir, 'resources', 'app.asar');
console.log(`\ndist:check: inspecting ${relative(root, asarFile)}`);
if (!check(existsSync(asarFile), 'resources/app.asar is missing (asar must be on)')) finish();
check(!existsSync(join(appDir, 'resources', 'app')), 'an unpacked resources/app folder exists next to app.asar');
check(existsSync(join(appDir, 'nianbao-studio')), 'the executable was not renamed to nianbao-studio');
check(existsSync(join(appDir, 'LICENSE.electron.txt')), "Electron's LICENSE is not kept as LICENSE.electron.txt");
check(!existsSync(join(appDir, 'resources', 'default_app.asar')), 'default_app.asar is in the package');
const locales = existsSync(join(appDir, 'locales')) ? readdirSync(join(appDir, 'locales')).sort() : [];
check(
  locales.join(',') === 'en-US.pak,zh-CN.pak',
  `locales should be en-US and zh-CN only, found: ${locales.join(', ')}`,
);

const entries = asar.listPackage(asarFile, { isPack: false }).map((e) => e.replaceAll('\\', '/'));
const files = entries.filter((e) => {
  try {
    return !asar.statFile(asarFile, e.slice(1)).files;
  } catch {
    return true;
  }
});
const has = (p) => entries.includes(p);

let pkg = {};
try {
  pkg = JSON.parse(asar.extractFile(asarFile, 'package.json').toString('utf8'));
} catch (e) {
  check(false, `package.json in app.asar is missing or unreadable: ${e.message}`);
}
check(pkg.main === 'dist/electron/main.cjs', `package.json main is "${pkg.main}", expected dist/electron/main.cjs`);
check(pkg.productName === '年报编制助手', `package.json productName is "${pkg.productName}"`);
check(!pkg.scripts, 'package.json in app.asar still has scripts');
check(!pkg.devDependencies, 'package.json in app.asar still has devDependencies');

for (const required of [
  '/dist/electron/main.cjs',
  '/dist/electron/preload.cjs',
  '/dist/electron/import-worker.cjs',
  '/dist/electron/icon.png',
  '/dist/renderer/index.html',
  '/dist/electron/pdfjs/cmaps/UniGB-UCS2-H.bcmap',
  '/dist/electron/pdfjs/standard_fonts/FoxitSerif.pfb',
]) {
  check(has(required), `${required} is missing from app.asar`);
}
for (const bundle of ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/electron/import-worker.cjs']) {
  if (!has(`/${bundle}`)) continue;
  const inAsar = asar.extractFile(asarFile, bundle);
  check(inAsar.equals(readFileSync(join(root, bundle))), `${bundle} in app.asar differs from the fresh build`);
}
const preload = has('/dist/electron/preload.cjs')
  ? asar.extractFile(asarFile, 'dist/electron/preload.cjs').toString('utf8')
  : '';
const preloadRequires = [...preload.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]);
check(
  preloadRequires.every((r) => r === 'electron'),
  `the preload requires more than 'electron': ${preloadRequires.join(', ')}`,
);
const main = has('/dist/electron/main.cjs')
  ? asar.extractFile(asarFile, 'dist/electron/main.cjs').toString('utf8')
  : '';
const mainRequires = new Set([...main.matchAll(/\brequire\(["']([^"'./][^"']*)["']\)/g)].map((m) => m[1]));
const nonBuiltin = [...mainRequires].filter(
  (r) => r !== 'electron' && !r.startsWith('node:') && !require('node:module').builtinModules.includes(r),
);
check(nonBuiltin.length === 0, `main.cjs requires packages that are not in the package: ${nonBuiltin.join(', ')}`);

// Nothing but the built app: no sources, tests, docs, source maps or node_modules.
const junk = files.filter(
  (f) =>
    !(f === '/package.json' || f.startsWith('/dist/electron/') || f.startsWith('/dist/renderer/')) ||
    /\/node_modules\//.test(f) ||
    /\.(ts|tsx|map|md)$/.test(f) ||
    /^\/(src|test|tests|electron|shared|templates|renderer|docs|build|\.tmp)\//.test(f),
);
check(
  junk.length === 0,
  `app.asar holds files that do not belong in the package:\n    ${junk.slice(0, 20).join('\n    ')}` +
    (junk.length > 20 ? `\n    … ${junk.length - 20} more` : ''),
);
const size = statSync(asarFile).size;
console.log(`dist:check: app.asar ${files.length} files, ${Math.round(size / 1024)} KB; main=${pkg.main}`);

finish();

function finish() {
  if (problems.length) {
    console.error(`\ndist:check FAILED:\n  - ${problems.join('\n  - ')}`);
    process.exit(1);
  }
  console.log(
    'dist:check OK: the package configuration, the entry points and the contents of app.asar are as expected.',
  );
  process.exit(0);
}
