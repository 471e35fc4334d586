import type { IpcMain } from 'electron';
import { API_METHODS, type NianbaoApi } from '../../shared/service/api';
import { isServiceError, type ServiceErrorCode } from '../../shared/service/errors';
import type { ShellBridge } from '../../shared/service/shell';
import {
  SHELL_INVOKE_CHANNELS,
  SHELL_SEND_CHANNELS,
  apiChannel,
  type IpcResult,
  type ShellInvokeName,
} from '../../shared/service/ipc';
import { isAppUrl } from './app-url';
import { API_ARG_CHECKS, SHELL_ARG_CHECKS, checkDocumentState } from './ipc-validate';
import type { Logger } from './logger';

/** The shell's invoke handlers (ShellBridge minus the renderer-side parts). */
export type ShellHandlers = Pick<ShellBridge, ShellInvokeName>;

export interface IpcDeps {
  ipcMain: Pick<IpcMain, 'handle' | 'on' | 'removeHandler' | 'removeAllListeners'>;
  service: NianbaoApi;
  shell: ShellHandlers;
  /** The main window's webContents id (changes when the window is re-created on macOS). */
  trustedWebContentsId(): number | undefined;
  onDocumentState(state: { dirty: boolean; title: string }): void;
  onRendererReady(): void;
  /** Called after a successful service call, e.g. to keep the recent-files list. */
  afterCall?(method: string, args: readonly unknown[], value: unknown): void;
  logger?: Logger;
}

/** What the sender check reads of an IPC event (Electron's invoke and send events have it). */
type AnyEvent = {
  sender?: { id: number } | null;
  senderFrame?: { url: string; parent: unknown } | null;
};
export type { AnyEvent as IpcSenderEvent };

/**
 * Only the main window's own top frame, showing an app:// page, may call the main process.
 * A page that was somehow navigated elsewhere, an iframe, or another webContents is refused.
 */
export function isTrustedSender(event: AnyEvent, trustedId: number | undefined): boolean {
  if (trustedId === undefined || event.sender?.id !== trustedId) return false;
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/** Turns any error into what travels to the renderer: a ServiceError keeps its message and code. */
export function toIpcError(e: unknown): { message: string; code: ServiceErrorCode } {
  if (isServiceError(e)) return { message: e.message, code: e.code };
  const detail = e instanceof Error ? e.message : String(e);
  return {
    message: `操作没有完成：${detail}。请重试；如果问题重复出现，请通过“帮助 → 打开日志文件夹”把日志发给技术支持。`,
    code: 'internal',
  };
}

/**
 * Registers exactly one handler per API method (`nianbao:<method>`) and per shell channel, and
 * nothing else. Each handler checks the sender and the argument shapes, and answers with an
 * IpcResult so the error code survives. Returns the channels it registered.
 */
export function registerIpc(deps: IpcDeps): string[] {
  const channels: string[] = [];
  const { ipcMain, logger } = deps;

  const handle = (
    channel: string,
    check: (args: readonly unknown[]) => string | null,
    run: (args: unknown[]) => Promise<unknown>,
  ) => {
    ipcMain.removeHandler(channel);
    ipcMain.handle(channel, async (event, ...args: unknown[]): Promise<IpcResult> => {
      if (!isTrustedSender(event, deps.trustedWebContentsId())) {
        logger?.warn(`已拒绝来自不受信任页面的调用：${channel} ${event.senderFrame?.url ?? ''}`);
        return { ok: false, error: { message: '拒绝访问：此调用不是来自本程序的窗口。', code: 'unsupported' } };
      }
      const problem = check(args);
      if (problem) {
        logger?.warn(`参数不合规：${channel}：${problem}`);
        return { ok: false, error: { message: `程序内部调用出错：${problem}`, code: 'invalid' } };
      }
      try {
        const value = await run(args);
        return { ok: true, value: value === undefined ? null : value };
      } catch (e) {
        const error = toIpcError(e);
        if (error.code === 'internal') logger?.error(`${channel} 失败`, e);
        return { ok: false, error };
      }
    });
    channels.push(channel);
  };

  for (const method of API_METHODS) {
    handle(apiChannel(method), API_ARG_CHECKS[method], async (args) => {
      const fn = deps.service[method] as (...a: unknown[]) => Promise<unknown>;
      const value = await fn.apply(deps.service, args);
      deps.afterCall?.(method, args, value);
      return value;
    });
  }
  for (const name of Object.keys(SHELL_INVOKE_CHANNELS) as ShellInvokeName[]) {
    handle(SHELL_INVOKE_CHANNELS[name], SHELL_ARG_CHECKS[name], (args) => {
      const fn = deps.shell[name] as (...a: unknown[]) => Promise<unknown>;
      return fn.apply(deps.shell, args);
    });
  }

  ipcMain.removeAllListeners(SHELL_SEND_CHANNELS.setDocumentState);
  ipcMain.on(SHELL_SEND_CHANNELS.setDocumentState, (event, state: unknown) => {
    if (!isTrustedSender(event, deps.trustedWebContentsId())) return;
    const checked = checkDocumentState(state);
    if (checked) deps.onDocumentState(checked);
  });
  channels.push(SHELL_SEND_CHANNELS.setDocumentState);

  ipcMain.removeAllListeners(SHELL_SEND_CHANNELS.rendererReady);
  ipcMain.on(SHELL_SEND_CHANNELS.rendererReady, (event) => {
    if (isTrustedSender(event, deps.trustedWebContentsId())) deps.onRendererReady();
  });
  channels.push(SHELL_SEND_CHANNELS.rendererReady);
  return channels;
}
