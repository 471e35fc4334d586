// Fetches the Electron binary for `npm start` when `npm install` did not (install scripts are off in
// .npmrc, so no package downloads anything while installing). It runs Electron's own installer,
// node_modules/electron/install.js (@electron/get), which honours ELECTRON_MIRROR /
// ELECTRON_CUSTOM_DIR, its download cache (electron_config_cache; default ~/.cache/electron,
// %LOCALAPPDATA%\electron\Cache on Windows), ELECTRON_OVERRIDE_DIST_PATH, and checks the SHA-256 sums
// that ship with the electron package. Bounded in time; a failure comes back with its reason in Chinese.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Default bound for the whole download (about 100 MB): NIANBAO_ELECTRON_FETCH_TIMEOUT in seconds. */
export const DEFAULT_FETCH_TIMEOUT_MS = 10 * 60_000;

/** Where the download comes from, for messages: the mirror's host, or Electron's default (GitHub). */
export function mirrorHost(env = process.env) {
  const mirror = env.ELECTRON_MIRROR || env.npm_config_electron_mirror || env.NPM_CONFIG_ELECTRON_MIRROR;
  if (!mirror) return 'github.com（Electron 的默认下载地址）';
  try {
    return new URL(mirror).host || mirror;
  } catch {
    return mirror;
  }
}

/** The installed binary named by node_modules/electron/path.txt, or null (never require('electron'): it throws). */
export function electronBinary(electronDir, env = process.env) {
  const pathTxt = join(electronDir, 'path.txt');
  if (!existsSync(pathTxt)) return null;
  const name = readFileSync(pathTxt, 'utf8').trim();
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist');
  const bin = join(distDir, name);
  return name && existsSync(bin) ? bin : null;
}

/** Why the installer failed, from what it printed (it prints the error's stack and exits 1). */
export function failureReason(output, env = process.env) {
  const host = mirrorHost(env);
  const code = /Response code (\d{3})/.exec(output)?.[1];
  if (code === '401' || code === '403')
    return `下载地址 ${host} 拒绝访问（HTTP ${code}）：所在网络可能屏蔽了它，请改用可以访问的镜像`;
  if (code === '404') return `下载地址 ${host} 上没有这个版本的 Electron（HTTP 404）：请检查 ELECTRON_MIRROR 是否正确`;
  if (code) return `下载地址 ${host} 返回错误（HTTP ${code}）`;
  if (/checksum|SHASUMS/i.test(output)) return '下载的文件校验不通过（不完整或被改动），已丢弃';
  if (
    /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|socket|certificate/i.test(
      output,
    )
  )
    return `无法连接到下载地址 ${host}：这台电脑没有联网，或网络屏蔽了这个地址`;
  if (/extract|unzip|zip/i.test(output)) return '下载完成但解压失败（磁盘空间不足或没有写入权限）';
  const last = output.trim().split('\n')[0]?.slice(0, 200);
  return `Electron 安装程序出错${last ? `：${last}` : ''}`;
}

/**
 * Runs node_modules/electron/install.js. Resolves { ok: true, binary } or { ok: false, reason }.
 * Its download progress (shown by @electron/get after 30 s) is passed on to our stderr.
 */
export function fetchElectron({ electronDir, env = process.env, timeoutMs, onProgress } = {}) {
  const limit = timeoutMs ?? (Number(env.NIANBAO_ELECTRON_FETCH_TIMEOUT) * 1000 || DEFAULT_FETCH_TIMEOUT_MS);
  const installer = join(electronDir, 'install.js');
  if (!existsSync(installer))
    return Promise.resolve({
      ok: false,
      reason: `没有找到 Electron 的安装程序（${installer}），请重新运行 npm install`,
    });
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [installer], { cwd: electronDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let timedOut = false;
    const collect = (chunk) => {
      const text = String(chunk);
      if (/Downloading .*%/.test(text)) onProgress?.(text);
      else output += text;
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, limit);
    const done = (result) => {
      clearTimeout(timer);
      resolve(result);
    };
    child.once('error', (e) => done({ ok: false, reason: `无法运行 Electron 的安装程序：${e.message}` }));
    child.once('close', (code) => {
      if (timedOut)
        return done({
          ok: false,
          reason: `从 ${mirrorHost(env)} 下载 Electron 超过 ${Math.round(limit / 1000)} 秒仍未完成：网络太慢或连接被拦截`,
        });
      const binary = code === 0 ? electronBinary(electronDir, env) : null;
      if (binary) return done({ ok: true, binary });
      done({
        ok: false,
        reason: code === 0 ? '安装程序结束了，却没有留下 Electron 程序文件' : failureReason(output, env),
      });
    });
  });
}
