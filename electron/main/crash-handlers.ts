import type { App, WebContents } from 'electron';
import type { Logger } from './logger';

/** Main-process errors that escaped every handler: logged, and the clerk told once. */
export function installProcessHandlers(proc: NodeJS.Process, logger: Logger, notify?: (message: string) => void): void {
  let notified = false;
  proc.on('uncaughtException', (error) => {
    logger.error('主进程未捕获的异常', error);
    if (!notified && notify) {
      notified = true;
      notify(`程序遇到意外错误：${error.message}\n\n已保存的内容不受影响。详情已写入日志（帮助 → 打开日志文件夹）。`);
    }
  });
  proc.on('unhandledRejection', (reason) => logger.error('主进程未处理的 Promise 拒绝', reason));
}

/** Renderer and helper-process failures, logged (the window decides whether to reload). */
export function installAppProcessHandlers(app: App, logger: Logger): void {
  app.on('render-process-gone', (_event, contents, details) => {
    logger.error(`页面进程退出：${details.reason}（退出码 ${details.exitCode}）${contents.getURL()}`);
  });
  app.on('child-process-gone', (_event, details) => {
    logger.error(`子进程退出：${details.type} ${details.reason}（退出码 ${details.exitCode}）`);
  });
}

/** Console errors and warnings of a page go to the log as well. */
export function logConsoleErrors(contents: WebContents, logger: Logger): void {
  contents.on('console-message', (event) => {
    const { level, message, sourceId, lineNumber } = event;
    if (level === 'error') logger.error(`页面错误：${message} (${sourceId}:${lineNumber})`);
    else if (level === 'warning') logger.warn(`页面警告：${message} (${sourceId}:${lineNumber})`);
  });
  contents.on('unresponsive', () => logger.warn('页面无响应'));
  contents.on('preload-error', (_event, path, error) => logger.error(`预加载脚本出错：${path}`, error));
}
