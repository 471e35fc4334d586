#!/usr/bin/env node
// `npm start [-- options]`: starts 年报编制助手 from the working tree.
//   1. Electron, when its binary is installed and there is a display: builds main/preload/renderer
//      (`npm run build`) and runs `electron .`.
//   2. Otherwise (or when Electron quits at once): browser mode. Builds the renderer when it is
//      missing or older than its sources, starts the loopback server (electron/server/main.ts) and
//      opens a Chromium app window, or prints the address (with its token) when there is no display
//      or no Chromium-based browser.
// Options: --data-dir <folder>, --port <n> (browser mode), --no-open (print the address only),
//          --browser (skip Electron), --skip-build (use dist/ as it is).
// Runs until Ctrl+C (or the window is closed); pending saves are written before it exits.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rendererBuildState } from './renderer-freshness.mjs';

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

/**
 * The Electron binary, without require('electron'): that tries to download it when missing.
 * node_modules/electron/path.txt names it inside dist/ (both absent after `npm install --ignore-scripts`
 * or where the download is blocked).
 */
function electronBinary() {
  const dir = join(root, 'node_modules', 'electron');
  const pathTxt = join(dir, 'path.txt');
  if (!existsSync(pathTxt)) return null;
  const name = readFileSync(pathTxt, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(dir, 'dist');
  const bin = join(distDir, name);
  return name && existsSync(bin) ? bin : null;
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
  say(
    existsSync(index)
      ? '界面源代码有更新，正在重新构建（vite build）……'
      : '首次启动，正在构建界面（vite build，约需一分钟）……',
  );
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (run(process.execPath, [vite, 'build', '--logLevel', 'warn'])) return;
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

async function main() {
  if (!forceBrowser) {
    const electron = electronBinary();
    if (!electron) say('没有找到 Electron 程序文件（node_modules/electron 未下载完成），改用浏览器模式。');
    else if (!hasDisplay()) say('没有图形界面（未设置 DISPLAY / WAYLAND_DISPLAY），改用浏览器模式。');
    else if (!buildForElectron()) say('Electron 版本构建失败，改用浏览器模式。');
    else {
      const res = await supervise(electron, [root, ...passArgs]);
      // Quitting at once with an error means Electron could not start here (missing system
      // libraries, sandbox refused…): the same app still runs in a browser window.
      if (!res.error && (res.code === 0 || res.ms > 10_000 || res.signal === 'SIGINT' || res.signal === 'SIGTERM'))
        process.exit(res.code);
      say(`Electron 无法启动（${res.error ? res.error.message : `退出码 ${res.code}`}），改用浏览器模式。`);
    }
  }

  ensureRenderer();
  const serverArgs = ['--import', 'tsx', join(root, 'electron', 'server', 'main.ts'), ...passArgs];
  if (!hasDisplay() && !passArgs.includes('--no-open')) serverArgs.push('--no-open');
  const res = await supervise(process.execPath, serverArgs);
  if (res.error) say(`无法启动浏览器模式：${res.error.message}`);
  process.exit(res.code);
}

await main();
