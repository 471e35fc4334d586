import type { App } from 'electron';
import type { Logger } from './logger';
import { reportFilesFromArgv } from './report-files';

/** What the lifecycle drives once the app is ready (DesktopApp; a fake in the unit tests). */
export interface Desktop {
  start(): Promise<void>;
  focus(): void;
  createWindow(): unknown;
  openPath(path: string): Promise<void>;
  beforeQuit(event: { preventDefault(): void }): void;
  shutdown(): Promise<void>;
}

export interface LifecycleDeps {
  app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'exit' | 'on' | 'whenReady'>;
  argv: readonly string[];
  cwd: string;
  platform: string;
  /** Builds the desktop after 'ready' (creates the service; may throw, e.g. data folder in use). */
  createDesktop(): Promise<Desktop>;
  /** Tells the clerk why the app cannot start. */
  fatal(message: string): void;
  logger: Logger;
}

/**
 * App lifecycle: one instance per user (a second start hands its file to the first and exits),
 * files from the command line and macOS 'open-file', and an orderly shutdown that lets the
 * service finish pending writes. Returns false when this process is the second instance.
 */
export function runLifecycle(deps: LifecycleDeps): boolean {
  const { app, logger } = deps;
  if (!app.requestSingleInstanceLock()) {
    logger.info('程序已在运行，本次启动转交给已打开的窗口。');
    app.quit();
    return false;
  }

  let desktop: Desktop | undefined;
  // Files that arrive before the desktop exists (macOS sends 'open-file' before 'ready').
  const early: string[] = reportFilesFromArgv(deps.argv, deps.cwd);

  const open = (path: string) => {
    if (desktop) void desktop.openPath(path);
    else early.push(path);
  };

  app.on('second-instance', (_event, argv, workingDirectory) => {
    logger.info('收到第二次启动的请求');
    if (!desktop) {
      early.push(...reportFilesFromArgv(argv, workingDirectory));
      return;
    }
    desktop.focus();
    for (const file of reportFilesFromArgv(argv, workingDirectory)) void desktop.openPath(file);
  });

  app.on('open-file', (event, path) => {
    event.preventDefault();
    open(path);
  });

  app.on('activate', () => {
    // macOS: clicking the Dock icon with no window open brings one back.
    desktop?.createWindow();
  });

  app.on('window-all-closed', () => {
    if (deps.platform !== 'darwin') app.quit();
  });

  app.on('before-quit', (event) => desktop?.beforeQuit(event));

  let shuttingDown = false;
  app.on('will-quit', (event) => {
    if (!desktop || shuttingDown) return;
    // Let the service write what is pending and release the data folder, then exit for real.
    shuttingDown = true;
    event.preventDefault();
    void desktop.shutdown().finally(() => app.exit(0));
  });

  void app
    .whenReady()
    .then(async () => {
      desktop = await deps.createDesktop();
      await desktop.start();
      for (const path of early.splice(0)) await desktop.openPath(path);
    })
    .catch((e: unknown) => {
      logger.error('启动失败', e);
      deps.fatal(e instanceof Error ? e.message : String(e));
      app.exit(1);
    });
  return true;
}
