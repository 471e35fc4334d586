#!/usr/bin/env node
// `npm start [-- options]`: starts 年报编制助手 from the working tree.
//   1. Electron, when there is a display: when its binary is missing (install scripts are off in
//      .npmrc, so `npm install` downloads nothing) it is fetched first with Electron's own installer
//      (electron-fetch.mjs: ELECTRON_MIRROR, the download cache, a time bound); then builds
//      main/preload/renderer (`npm run build`) and runs `electron .`.
//   2. Otherwise (no display, the download failed — said why and how to get Electron —, or Electron
//      quits at once): browser mode. Builds the renderer when it is
//      missing or older than its sources, starts the loopback server (electron/server/main.ts) and
//      opens a Chromium app window, or prints the address (with its token) when there is no display
//      or no Chromium-based browser.
// Options: --data-dir <folder>, --port <n> (browser mode), --no-open (print the address only),
//          --browser (skip Electron), --skip-build (use dist/ as it is).
// Environment: NIANBAO_NO_ELECTRON_DOWNLOAD=1 (never download), NIANBAO_ELECTRON_FETCH_TIMEOUT (seconds).
// Runs until Ctrl+C (or the window is closed); pending saves are written before it exits.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rendererBuildState } from './renderer-freshness.mjs';
import { electronBinary, fetchElectron } from './electron-fetch.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const argv = process.argv.slice(2);
const forceBrowser = argv.includes('--browser') || process.env.NIANBAO_BROWSER_MODE === '1';
const skipBuild = argv.includes('--skip-build');
const passArgs = argv.filter((a) => a !== '--browser' && a !== '--skip-build');

const say = (message) => console.log(`[年报编制助手] ${message}`);

if (!existsSync(join(root, 'node_modules'))) {
  say('缺少依赖包。请先在项目文件夹中运行：npm install');
  process.exit(1);
}

function hasDisplay() {
  if (process.platform !== 'linux' && process.platform !== 'freebsd' && process.platform !== 'openbsd') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

const electronDir = join(root, 'node_modules', 'electron');

/** The installed Electron binary, or — fetched now — the downloaded one; null (said why) when there is none. */
async function findOrFetchElectron() {
  const installed = electronBinary(electronDir);
  if (installed) return installed;
  if (process.env.NIANBAO_NO_ELECTRON_DOWNLOAD === '1') {
    say('没有找到 Electron 程序文件，且设置了 NIANBAO_NO_ELECTRON_DOWNLOAD=1（不下载），改用浏览器模式。');
    return null;
  }
  say('首次启动桌面版：正在用 Electron 自带的安装程序下载 Electron（约 100 MB，只需一次）……');
  const result = await fetchElectron({ electronDir, onProgress: (text) => process.stderr.write(text) });
  if (result.ok) {
    say('Electron 已下载。');
    return result.binary;
  }
  say(`无法下载 Electron：${result.reason}。改用浏览器模式（功能相同，在浏览器窗口中运行）。`);
  say(
    '要使用桌面版：设置可访问的镜像（如 ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/）后重新运行 npm start；' +
      '或把别处下载的 Electron 压缩包放进下载缓存文件夹，或用 ELECTRON_OVERRIDE_DIST_PATH 指向已解压的 Electron。详见 docs/desktop.md。',
  );
  return null;
}

function run(cmd, args) {
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  return res.status === 0;
}

/** Builds main, preload and renderer for Electron (the build owner's `npm run build`). */
function buildForElectron() {
  if (skipBuild) return existsSync(join(root, 'dist', 'electron', 'main.cjs'));
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  if (pkg.scripts?.build && process.env.npm_execpath)
    return run(process.execPath, [process.env.npm_execpath, 'run', '--silent', 'build']);
  const script = join(root, 'build', 'scripts', 'build.mjs');
  if (existsSync(script)) return run(process.execPath, [script]);
  say('没有找到构建脚本（npm run build），无法构建 Electron 主进程。');
  return false;
}

/** Browser mode needs only the renderer: build it with vite when missing or older than its sources. */
function ensureRenderer() {
  if (skipBuild) return;
  const { index, upToDate } = rendererBuildState(root);
  if (!existsSync(join(root, 'vite.config.ts'))) {
    say(
      '界面的构建配置（vite.config.ts）还不存在：本地服务照常启动，但页面会提示“界面尚未构建”。界面就绪后请重新运行 npm start。',
    );
    return;
  }
  if (upToDate) return;
  // No promised duration: it depends on the machine and on what else runs (minutes on a busy one).
  say(
    existsSync(index)
      ? '界面源代码有更新，正在重新构建（vite build），请稍候……'
      : '首次启动，正在构建界面（vite build）。视电脑性能可能需要几分钟，完成后会自动继续，请不要关闭此窗口……',
  );
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const began = Date.now();
  if (run(process.execPath, [vite, 'build', '--logLevel', 'warn'])) {
    say(`界面构建完成（用时 ${Math.max(1, Math.round((Date.now() - began) / 1000))} 秒）。`);
    return;
  }
  if (existsSync(index)) say(`界面构建失败，暂时使用上次构建的版本（${relative(root, index)}）。`);
  else {
    say('界面构建失败（见上面的错误信息），无法启动。');
    process.exit(1);
  }
}

/** Runs a child until it exits, passing Ctrl+C and termination on to it. */
function supervise(cmd, args) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit' });
    const forward = (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const s of signals) process.on(s, forward);
    const done = (code, signal, error) => {
      for (const s of signals) process.off(s, forward);
      resolve({ code: code ?? (signal ? 1 : 0), signal, error, ms: Date.now() - started });
    };
    child.once('error', (error) => done(1, null, error));
    child.once('exit', (code, signal) => done(code, signal, null));
  });
}

/** Runs the desktop app; returns only when it cannot (said why), for browser mode to take over. */
async function tryElectron() {
  if (!hasDisplay()) return say('没有图形界面（未设置 DISPLAY / WAYLAND_DISPLAY），改用浏览器模式。');
  const electron = await findOrFetchElectron();
  if (!electron) return; // findOrFetchElectron said why
  if (!buildForElectron()) return say('Electron 版本构建失败，改用浏览器模式。');
  const res = await supervise(electron, [root, ...passArgs]);
  // Quitting at once with an error means Electron could not start here (missing system
  // libraries, sandbox refused…): the same app still runs in a browser window.
  if (!res.error && (res.code === 0 || res.ms > 10_000 || res.signal === 'SIGINT' || res.signal === 'SIGTERM'))
    process.exit(res.code);
  say(`Electron 无法启动（${res.error ? res.error.message : `退出码 ${res.code}`}），改用浏览器模式。`);
}

async function main() {
  if (!forceBrowser) await tryElectron();

  ensureRenderer();
  const serverArgs = ['--import', 'tsx', join(root, 'electron', 'server', 'main.ts'), ...passArgs];
  if (!hasDisplay() && !passArgs.includes('--no-open')) serverArgs.push('--no-open');
  const res = await supervise(process.execPath, serverArgs);
  if (res.error) say(`无法启动浏览器模式：${res.error.message}`);
  process.exit(res.code);
}

await main();
