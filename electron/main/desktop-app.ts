import { join } from 'node:path';
import { BrowserWindow, Menu, app, dialog, ipcMain, session, shell } from 'electron';
import type { NianbaoApi } from '../../shared/service/api';
import type { MenuCommand } from '../../shared/service/shell';
import { MENU_CHANNEL, REPORT_OPENED_CHANNEL } from '../../shared/service/ipc';
import { serveRenderer } from './app-protocol';
import { CloseGuard, type CloseChoice } from './close-guard';
import { installAppProcessHandlers, logConsoleErrors } from './crash-handlers';
import { registerIpc } from './ipc';
import type { Logger } from './logger';
import { createMainWindow, PRODUCT_NAME, windowTitle } from './main-window';
import { HELP_TEXT, buildMenuTemplate } from './menu';
import { RecentFiles } from './recent-files';
import { openReportPath } from './report-files';
import { applySessionPolicy, hardenAllWebContents } from './security';
import { createShellHandlers } from './shell-handlers';

export interface DesktopAppOptions {
  service: NianbaoApi & { close(): Promise<void> };
  logger: Logger;
  dataDir: string;
  /** dist/electron: where main.cjs, preload.cjs and icon.png are. */
  bundleDir: string;
  /** dist/renderer. */
  rendererDir: string;
}

/**
 * The desktop shell once the app is ready: one main window, the menu, IPC, the close guard,
 * opening .nianbao files and the recent-files list.
 */
export class DesktopApp {
  private win: BrowserWindow | undefined;
  private rendererReady = false;
  private quitting = false;
  private readonly pendingPaths: string[] = [];
  private readonly pendingIds: string[] = [];
  private readonly guard: CloseGuard;
  private readonly recent: RecentFiles;
  private readonly shellHandlers: ReturnType<typeof createShellHandlers>;

  constructor(private readonly opts: DesktopAppOptions) {
    const { logger, service } = opts;
    this.guard = new CloseGuard({
      askToSave: (title) => this.askToSave(title),
      requestSave: () => this.send('save'),
      close: () => this.win?.close(),
      reportSaveFailed: () => {
        this.quitting = false;
        void this.message(
          'warning',
          '没有完成保存',
          '年报没有在预定时间内保存完成，窗口保持打开。请检查页面上的提示后再关闭。',
        );
      },
      onStateChange: (state) => {
        this.win?.setTitle(windowTitle(state));
        if (process.platform === 'darwin') this.win?.setDocumentEdited(state.dirty);
      },
    });
    this.recent = new RecentFiles({
      service,
      platform: process.platform,
      os: app,
      logger,
      onChange: () => this.installMenu(),
    });
    this.shellHandlers = createShellHandlers({
      dialog,
      shell,
      window: () => this.win,
      service,
      documentsDir: app.getPath('documents'),
      onReportFile: (path) => void this.recent.add(path),
    });
  }

  get window(): BrowserWindow | undefined {
    return this.win;
  }

  /** Everything that must happen once, after app 'ready'. */
  async start(): Promise<void> {
    const { logger, service } = this.opts;
    const ses = session.defaultSession;
    applySessionPolicy(ses, logger);
    serveRenderer(ses, this.opts.rendererDir);
    hardenAllWebContents(app, { openExternal: (url) => void shell.openExternal(url), logger });
    installAppProcessHandlers(app, logger);

    registerIpc({
      ipcMain,
      service,
      shell: this.shellHandlers,
      trustedWebContentsId: () => (this.win && !this.win.isDestroyed() ? this.win.webContents.id : undefined),
      onDocumentState: (state) => this.guard.setState(state),
      onRendererReady: () => {
        this.rendererReady = true;
        this.flushOpened();
      },
      afterCall: (method, args) => {
        // A report file picked in the open dialog joins 最近打开 once the service accepted it.
        if (method !== 'openReportFile') return;
        const picked = this.shellHandlers.lastPickedReport();
        const file = args[0] as { data?: unknown } | undefined;
        if (picked && file?.data === picked.data) void this.recent.add(picked.path);
      },
      logger,
    });

    await this.recent.load();
    this.createWindow();
    for (const path of this.pendingPaths.splice(0)) await this.openPath(path);
  }

  createWindow(): BrowserWindow {
    if (this.win && !this.win.isDestroyed()) return this.win;
    this.rendererReady = false;
    const icon = process.platform === 'linux' ? join(this.opts.bundleDir, 'icon.png') : undefined;
    const win = createMainWindow({
      preload: join(this.opts.bundleDir, 'preload.cjs'),
      stateFile: join(this.opts.dataDir, 'window-state.json'),
      ...(icon ? { icon } : {}),
    });
    this.win = win;
    logConsoleErrors(win.webContents, this.opts.logger);
    win.on('close', (event) => void this.guard.handleClose(event));
    // A reload (after a crash, or in development) runs the preload again, which announces itself again.
    win.webContents.on('did-start-loading', () => {
      this.rendererReady = false;
    });
    win.on('closed', () => {
      if (this.win === win) this.win = undefined;
      if (this.quitting || process.platform !== 'darwin') app.quit();
    });
    win.webContents.on('render-process-gone', (_event, details) => {
      if (details.reason === 'clean-exit') return;
      void this.offerReload(details.reason);
    });
    return win;
  }

  focus(): void {
    const win = this.win && !this.win.isDestroyed() ? this.win : this.createWindow();
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  }

  /** app 'before-quit': closing the window goes through the close guard. */
  beforeQuit(event: { preventDefault(): void }): void {
    this.quitting = true;
    if (this.win && !this.win.isDestroyed() && !this.guard.closing && this.guard.documentState.dirty) {
      event.preventDefault();
      this.win.close();
    }
  }

  /** Opens a .nianbao file from the command line, the file manager or 最近打开. */
  async openPath(path: string): Promise<void> {
    if (!this.win) {
      this.pendingPaths.push(path);
      return;
    }
    const outcome = await openReportPath(path, this.opts.service);
    if (!outcome.ok) {
      this.opts.logger.warn(outcome.message);
      if (outcome.missing) await this.recent.remove(path);
      await this.message('error', '无法打开年报文件', outcome.message);
      return;
    }
    await this.recent.add(path);
    this.pendingIds.push(outcome.report.meta.id);
    this.flushOpened();
    this.focus();
  }

  /** Hands queued report ids to the page, once it listens (it says so over rendererReady). */
  private flushOpened(): void {
    const win = this.win;
    if (!this.rendererReady || !win || win.isDestroyed()) return;
    for (const id of this.pendingIds.splice(0)) win.webContents.send(REPORT_OPENED_CHANNEL, id);
  }

  send(command: MenuCommand): void {
    const win = this.win;
    if (win && !win.isDestroyed()) win.webContents.send(MENU_CHANNEL, command);
  }

  installMenu(): void {
    const template = buildMenuTemplate({
      appName: PRODUCT_NAME,
      isMac: process.platform === 'darwin',
      isPackaged: app.isPackaged,
      recentFiles: this.recent.list,
      send: (command) => this.send(command),
      openRecent: (path) => void this.openPath(path),
      clearRecent: () => void this.recent.clear(),
      openLogsFolder: () => void shell.openPath(this.opts.logger.dir),
      showHelp: () => void this.message('info', '使用说明', HELP_TEXT),
      quit: () => app.quit(),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  private async askToSave(title: string): Promise<CloseChoice> {
    const options: Electron.MessageBoxOptions = {
      type: 'warning',
      title: PRODUCT_NAME,
      message: `“${title || '当前年报'}”有尚未保存的修改。`,
      detail: '关闭前是否保存？选择“不保存”将丢失这些修改。',
      buttons: ['保存', '不保存', '取消'],
      defaultId: 0,
      cancelId: 2,
      noLink: true,
    };
    const { response } = this.win
      ? await dialog.showMessageBox(this.win, options)
      : await dialog.showMessageBox(options);
    const choice: CloseChoice = response === 0 ? 'save' : response === 1 ? 'discard' : 'cancel';
    // 取消 also cancels a quit that was waiting for this window.
    if (choice === 'cancel') this.quitting = false;
    return choice;
  }

  private async offerReload(reason: string): Promise<void> {
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: PRODUCT_NAME,
      message: '页面意外退出。',
      detail: `原因：${reason}。已保存的内容不受影响；重新加载后可继续工作。`,
      buttons: ['重新加载', '退出'],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    });
    if (response === 0 && this.win && !this.win.isDestroyed()) this.win.webContents.reload();
    else app.quit();
  }

  private async message(type: 'info' | 'warning' | 'error', message: string, detail: string): Promise<void> {
    const options: Electron.MessageBoxOptions = {
      type,
      title: PRODUCT_NAME,
      message,
      detail,
      buttons: ['确定'],
      noLink: true,
    };
    if (this.win && !this.win.isDestroyed()) await dialog.showMessageBox(this.win, options);
    else await dialog.showMessageBox(options);
  }

  async shutdown(): Promise<void> {
    try {
      await this.opts.service.close();
    } catch (e) {
      this.opts.logger.error('关闭数据服务失败', e);
    }
  }
}
