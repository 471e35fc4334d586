// Browser mode: `npx tsx electron/server/main.ts [--data-dir <dir>] [--port <n>] [--no-open]`
// (normally started by `npm start` when Electron is not available). Runs the service and the
// loopback server, opens the app in a Chromium window or prints the address, and runs until
// Ctrl+C or until the app window is closed.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ServiceError } from '../../shared/service/api';
import { createService, defaultDataDir, type NianbaoService } from '../services/index';
import { findChromium, hasDisplay, openAppWindow, revealInFileManager } from './app-window';
import { startServer, type RunningServer } from './server';
import { newSecret, readSession, removeOpenPage, writeOpenPage, writeSession } from './session';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Flags {
  /** null: the port of the last start when it is free, else any free port. */
  port: number | null;
  open: boolean;
  staticDir: string;
}

function parseFlags(argv: string[]): Flags {
  const flags: Flags = { port: null, open: true, staticDir: join(root, 'dist', 'renderer') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (name: string) => (a.startsWith(`${name}=`) ? a.slice(name.length + 1) : argv[++i]);
    if (a === '--no-open') flags.open = false;
    else if (a === '--port' || a.startsWith('--port=')) {
      const n = Number(value('--port'));
      if (!Number.isInteger(n) || n < 0 || n > 65535)
        fail('--port 应为 0 到 65535 之间的整数（0 表示自动选择空闲端口）。');
      flags.port = n;
    } else if (a === '--static' || a.startsWith('--static=')) flags.staticDir = value('--static') ?? flags.staticDir;
    else if (a === '--data-dir' || a.startsWith('--data-dir=')) {
      if (a === '--data-dir') i++; // read by defaultDataDir
    } else if (a === '--help' || a === '-h') {
      console.log('用法：npm start -- [--data-dir <文件夹>] [--port <端口>] [--no-open]');
      process.exit(0);
    } else fail(`不认识的参数：${a}。用法：npm start -- [--data-dir <文件夹>] [--port <端口>] [--no-open]`);
  }
  return flags;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function version(): string {
  try {
    return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const flags = parseFlags(argv);
  const dataDir = defaultDataDir(argv);

  let service: NianbaoService;
  try {
    service = createService({ dataDir, mode: 'browser', version: version(), revealPath: revealInFileManager });
  } catch (e) {
    fail(e instanceof ServiceError ? e.message : `无法打开数据文件夹 ${dataDir}：${String(e)}`);
  }

  // Where the window's files go: the data folder (only this user's), unless this instance may only
  // read it (another app holds it and its session lives there, or it cannot be written): then a
  // private temporary folder, and nothing is remembered for the next start.
  const readOnly = (await service.appInfo().catch(() => null))?.readOnly;
  const runtimeDir = readOnly ? mkdtempSync(join(tmpdir(), 'nianbao-')) : dataDir;
  if (readOnly) console.log(readOnly);
  // The secret and the port of the last start: a window still open from then reconnects by itself.
  const stored = readOnly ? {} : readSession(dataDir);
  const secret = newSecret();
  let openPage = '';
  const listen = (port: number) =>
    startServer({
      service,
      staticDir: flags.staticDir,
      port,
      secret,
      ...(stored.secret ? { previousSecret: stored.secret } : {}),
      // Each code works once: the page gets a fresh one after every use.
      onCodeUsed: () => rewriteOpenPage(),
    });
  const rewriteOpenPage = () => {
    try {
      openPage = writeOpenPage(runtimeDir, server.origin, server.newCode());
    } catch (e) {
      console.error(`无法写入 ${runtimeDir} 中的打开页面：${String(e)}`);
    }
  };

  let server: RunningServer;
  try {
    server = await listen(flags.port ?? stored.port ?? 0).catch((e: unknown) => {
      // The last start's port is taken by now: any free one (an old window then cannot reconnect).
      if (flags.port === null && stored.port && (e as { code?: string }).code === 'EADDRINUSE') return listen(0);
      throw e;
    });
  } catch (e) {
    await service.close();
    const code = (e as { code?: string }).code;
    fail(
      code === 'EADDRINUSE'
        ? `端口 ${flags.port} 已被占用。请换一个端口（--port），或不指定端口。`
        : `无法启动本地服务：${String(e)}`,
    );
  }
  try {
    if (!readOnly) writeSession(dataDir, { secret, port: server.port });
    rewriteOpenPage();
  } catch (e) {
    await server.close();
    await service.close();
    fail(
      `无法在数据文件夹 ${dataDir} 中写入浏览器会话文件：${String(e)}。请检查文件夹权限，或用 --data-dir 指定其他文件夹。`,
    );
  }

  let stopping = false;
  let browser: ReturnType<typeof openAppWindow> | null = null;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    console.log('\n正在保存并退出……');
    if (browser && browser.exitCode === null) {
      // The window writes its profile while it closes: wait for it (a few seconds at most) so that
      // nothing of it is left running, or writing into a folder being removed, after the app quit.
      const closing = browser;
      const closed = new Promise((resolve) => closing.once('exit', resolve));
      closing.kill();
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
    }
    removeOpenPage(runtimeDir);
    if (runtimeDir !== dataDir) rmSync(runtimeDir, { recursive: true, force: true });
    await server.close().catch(() => undefined);
    await service.close().catch((e) => console.error('关闭年报服务时出错：', e));
    process.exit(code);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  process.on('SIGHUP', () => void stop());

  console.log(`年报编制助手（浏览器模式）已启动。`);
  console.log(`数据文件夹：${dataDir}`);
  const printAddress = () => {
    console.log(`\n请在本机的浏览器（Chrome、Edge、Chromium 等）中打开下面这个页面：\n\n  ${openPage}\n`);
    console.log(`（本地服务的地址是 ${server.origin}/ ；只有通过这个页面才能进入，页面文件只有您本人能读取。）`);
    console.log('按 Ctrl+C 退出。');
  };

  const chromium = flags.open && hasDisplay() ? findChromium() : null;
  if (!chromium) {
    printAddress();
    return;
  }
  const started = Date.now();
  // Only the page's path is on the command line (any local user can read command lines); the page
  // itself, readable only by this user, holds a one-time code.
  browser = openAppWindow(chromium, openPage, join(runtimeDir, 'browser-profile'));
  console.log(`已在新窗口中打开（${chromium}）。关闭窗口或按 Ctrl+C 即退出。`);
  browser.once('error', () => {
    console.log('无法打开浏览器窗口。');
    browser = null;
    printAddress();
  });
  browser.once('exit', (code) => {
    if (stopping || browser === null) return;
    // Quitting at once means it crashed (missing libraries…) or handed the URL to a browser of the
    // same profile that is still open: keep serving either way.
    if (Date.now() - started < 5000) {
      console.log(code === 0 ? '地址已交给已经打开的浏览器窗口。' : `浏览器窗口没能打开（退出码 ${code}）。`);
      browser = null;
      printAddress();
      return;
    }
    void stop();
  });
}

void main();
