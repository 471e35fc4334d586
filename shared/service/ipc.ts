import { API_METHODS, type ApiMethod } from './api';
import type { ServiceErrorCode } from './errors';
import { MENU_COMMANDS, type MenuCommand } from './shell';

export type ApiChannel = `nianbao:${ApiMethod}`;

export const apiChannel = (method: ApiMethod): ApiChannel => `nianbao:${method}`;

export const API_CHANNELS: readonly ApiChannel[] = API_METHODS.map(apiChannel);

/** Main → renderer: a menu command (`ShellBridge.onMenuCommand`). */
export const MENU_CHANNEL = 'nianbao:menu';
/** Main → renderer: a report the shell opened itself (double-click, 最近打开, second instance). */
export const REPORT_OPENED_CHANNEL = 'nianbao:report-opened';

/** Renderer → main, invoke (answered with an `IpcResult`). */
export const SHELL_INVOKE_CHANNELS = {
  pickFile: 'nianbao:shell:pickFile',
  saveFileAs: 'nianbao:shell:saveFileAs',
  pickFolder: 'nianbao:shell:pickFolder',
  revealPath: 'nianbao:shell:revealPath',
  openExternal: 'nianbao:shell:openExternal',
} as const;

/** Renderer → main, one-way. */
export const SHELL_SEND_CHANNELS = {
  setDocumentState: 'nianbao:shell:setDocumentState',
  /** Sent once the page listens for opened reports, so the main process can hand over the ones it queued. */
  rendererReady: 'nianbao:shell:rendererReady',
} as const;

export type ShellInvokeName = keyof typeof SHELL_INVOKE_CHANNELS;

/** Every channel the renderer may use, for the allow-list tests. */
export const RENDERER_TO_MAIN_CHANNELS: readonly string[] = [
  ...API_CHANNELS,
  ...Object.values(SHELL_INVOKE_CHANNELS),
  ...Object.values(SHELL_SEND_CHANNELS),
];

export const isMenuCommand = (v: unknown): v is MenuCommand =>
  typeof v === 'string' && (MENU_COMMANDS as readonly string[]).includes(v);

/** What every invoke handler answers: errors travel as data so their code is not lost on the way. */
export type IpcResult<T = unknown> =
  { ok: true; value: T } | { ok: false; error: { message: string; code: ServiceErrorCode } };
