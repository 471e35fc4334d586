import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

/** Linux, without X11 or Wayland (a server, an SSH session): no window can open. */
export function hasDisplay(env: NodeJS.ProcessEnv = process.env, platform: string = process.platform): boolean {
  if (platform !== 'linux' && platform !== 'freebsd' && platform !== 'openbsd') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const LINUX_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'microsoft-edge',
  'microsoft-edge-stable',
];

/**
 * A Chromium-based browser that can open an app window (`--app=`): NIANBAO_BROWSER when set, else
 * Edge/Chrome at their standard Windows and macOS places, else one of the usual names on PATH.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, platform: string = process.platform): string | null {
  const explicit = env.NIANBAO_BROWSER?.trim();
  if (explicit) return existsSync(explicit) ? explicit : null;
  if (platform === 'win32') {
    const roots = [env['ProgramFiles(x86)'], env.ProgramFiles, env.LOCALAPPDATA].filter((r): r is string => Boolean(r));
    const rel = [
      ['Microsoft', 'Edge', 'Application', 'msedge.exe'],
      ['Google', 'Chrome', 'Application', 'chrome.exe'],
      ['Chromium', 'Application', 'chrome.exe'],
    ];
    for (const parts of rel)
      for (const root of roots) if (existsSync(join(root, ...parts))) return join(root, ...parts);
    return null;
  }
  if (platform === 'darwin') {
    for (const app of ['Google Chrome', 'Microsoft Edge', 'Chromium']) {
      const bin = `/Applications/${app}.app/Contents/MacOS/${app}`;
      if (existsSync(bin)) return bin;
    }
    return null;
  }
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of LINUX_NAMES) if (executable(join(dir, name))) return join(dir, name);
  }
  return null;
}

/**
 * Opens the app in its own Chromium window: `--app` (no tabs, no address bar) and a dedicated
 * profile under the data folder, so it is a separate window that closes with the app.
 */
export function openAppWindow(browser: string, url: string, profileDir: string): ChildProcess {
  mkdirSync(profileDir, { recursive: true, mode: 0o700 });
  const args = [
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-sync',
    '--window-size=1360,900',
  ];
  // Chromium refuses to start as root without this (e.g. in a container or a root desktop session).
  if (process.platform === 'linux' && process.getuid?.() === 0) args.push('--no-sandbox');
  return spawn(browser, args, { stdio: 'ignore', detached: false });
}

/**
 * Shows an exported file's folder in the system file manager (browser mode's revealPath). On Linux
 * xdg-open is given the folder, never the file (given a file it opens the file in WPS instead);
 * Windows and macOS select the file in its folder. A file manager that is missing or exits with an
 * error within a moment rejects, so that the page can show the path to open by hand instead of
 * nothing at all.
 */
export function revealInFileManager(path: string, platform: string = process.platform): Promise<void> {
  const isDir = (() => {
    try {
      return statSync(path).isDirectory();
    } catch {
      return false;
    }
  })();
  const [cmd, args] =
    platform === 'win32'
      ? ['explorer.exe', isDir ? [path] : [`/select,${path}`]]
      : platform === 'darwin'
        ? ['open', isDir ? [path] : ['-R', path]]
        : ['xdg-open', [isDir ? path : dirname(path)]];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.unref();
      if (error) reject(error);
      else resolve();
    };
    // Still running after a moment: the file manager is up (xdg-open may stay with it).
    const timer = setTimeout(() => settle(), 1500);
    child.once('error', (e) => settle(e));
    // explorer.exe exits with 1 even when it opened the window.
    child.once('exit', (code) =>
      settle(code === 0 || platform === 'win32' ? undefined : new Error(`${cmd} exited with code ${code}`)),
    );
  });
}
