import { API_METHODS, type ApiMethod } from '../../shared/service/api';
import type { MenuCommand } from '../../shared/service/shell';

/**
 * The IPC contract between the preload and the main process. Every channel starts with
 * `nianbao:`; the main process registers exactly these and nothing else, the preload exposes
 * no generic `invoke`/`send`, so the page can reach no other channel.
 *
 * Kept free of Node and Electron imports: it is bundled into the sandboxed preload.
 */

export const CHANNEL_PREFIX = 'nianbao:';

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

/** Menu commands at run time (the type lives in shared/service/shell.ts). */
export const MENU_COMMANDS = [
  'new-report',
  'open-file',
  'import-file',
  'save',
  'save-as',
  'export',
  'preview',
  'library',
  'undo',
  'redo',
  'find',
  'about',
] as const satisfies readonly MenuCommand[];

type AssertNever<T extends never> = T;
/** Fails to compile when a MenuCommand is missing from MENU_COMMANDS. */
export type AllMenuCommandsListed = AssertNever<Exclude<MenuCommand, (typeof MENU_COMMANDS)[number]>>;

export const isMenuCommand = (v: unknown): v is MenuCommand =>
  typeof v === 'string' && (MENU_COMMANDS as readonly string[]).includes(v);

/** What every invoke handler answers: errors travel as data so their code is not lost on the way. */
export type IpcResult<T = unknown> =
  { ok: true; value: T } | { ok: false; error: { message: string; code: IpcErrorCode } };

export type IpcErrorCode = 'not_found' | 'invalid' | 'damaged' | 'io' | 'conflict' | 'unsupported' | 'internal';
