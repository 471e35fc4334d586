import { encodeServiceErrorMessage, type ApiMethod, type NianbaoApi } from '../../shared/service/api';
import type { MenuCommand, PickedFile, ShellBridge } from '../../shared/service/shell';
import {
  MENU_CHANNEL,
  REPORT_OPENED_CHANNEL,
  SHELL_INVOKE_CHANNELS,
  SHELL_SEND_CHANNELS,
  apiChannel,
  isMenuCommand,
  type IpcResult,
  type ShellInvokeName,
} from '../../shared/service/ipc';

/** The part of `ipcRenderer` the bridge uses (a fake in the unit tests). */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

const isResult = (v: unknown): v is IpcResult =>
  typeof v === 'object' && v !== null && typeof (v as { ok?: unknown }).ok === 'boolean';

/**
 * Unwraps the main process's answer. contextBridge keeps only an error's message, so the code
 * rides inside it (`toServiceError` in shared/service/errors.ts takes it back out).
 */
async function unwrap<T>(pending: Promise<unknown>): Promise<T> {
  const res = await pending;
  if (!isResult(res)) throw new Error(encodeServiceErrorMessage('应用内部通信出错，请重新启动程序。', 'internal'));
  if (res.ok) return res.value as T;
  throw new Error(encodeServiceErrorMessage(res.error.message, res.error.code));
}

export function createApi(ipc: RendererIpc): NianbaoApi {
  const call =
    <M extends ApiMethod>(method: M) =>
    (...args: Parameters<NianbaoApi[M]>): ReturnType<NianbaoApi[M]> =>
      unwrap(ipc.invoke(apiChannel(method), ...args)) as ReturnType<NianbaoApi[M]>;

  // Written out (not generated from API_METHODS) so `satisfies` proves each one against the interface.
  return {
    appInfo: call('appInfo'),
    listReports: call('listReports'),
    getReport: call('getReport'),
    createReport: call('createReport'),
    createSampleReport: call('createSampleReport'),
    saveReport: call('saveReport'),
    duplicateReport: call('duplicateReport'),
    deleteReport: call('deleteReport'),
    restoreReport: call('restoreReport'),
    listBackups: call('listBackups'),
    restoreBackup: call('restoreBackup'),
    getSettings: call('getSettings'),
    updateSettings: call('updateSettings'),
    revealDataDir: call('revealDataDir'),
    openReportFile: call('openReportFile'),
    exportReport: call('exportReport'),
    renderReport: call('renderReport'),
    revealExport: call('revealExport'),
    importFile: call('importFile'),
    rolloverReport: call('rolloverReport'),
    agencyHistory: call('agencyHistory'),
    aggregateReadUnits: call('aggregateReadUnits'),
    aggregateWorkbook: call('aggregateWorkbook'),
  } satisfies NianbaoApi;
}

export function createShellBridge(ipc: RendererIpc, platform: string): ShellBridge {
  const invoke = <T>(name: ShellInvokeName, ...args: unknown[]) =>
    unwrap<T>(ipc.invoke(SHELL_INVOKE_CHANNELS[name], ...args));
  let announcedReady = false;

  return {
    platform,
    onMenuCommand(listener: (command: MenuCommand) => void) {
      const handler = (_event: unknown, command: unknown) => {
        if (isMenuCommand(command)) listener(command);
      };
      ipc.on(MENU_CHANNEL, handler);
      return () => void ipc.removeListener(MENU_CHANNEL, handler);
    },
    onReportOpened(listener: (id: string) => void) {
      const handler = (_event: unknown, id: unknown) => {
        if (typeof id === 'string' && id !== '') listener(id);
      };
      ipc.on(REPORT_OPENED_CHANNEL, handler);
      if (!announcedReady) {
        announcedReady = true;
        ipc.send(SHELL_SEND_CHANNELS.rendererReady);
      }
      return () => void ipc.removeListener(REPORT_OPENED_CHANNEL, handler);
    },
    setDocumentState(state: { dirty: boolean; title: string }) {
      ipc.send(SHELL_SEND_CHANNELS.setDocumentState, {
        dirty: Boolean(state?.dirty),
        title: String(state?.title ?? ''),
      });
    },
    pickFile: (kind: 'report' | 'import') => invoke<PickedFile | null>('pickFile', kind),
    saveFileAs: (defaultName: string, data: string, kind: 'report' | 'docx' | 'html' | 'pdf' | 'xlsx' | 'csv') =>
      invoke<string | null>('saveFileAs', defaultName, data, kind),
    pickFolder: (defaultPath?: string) =>
      invoke<string | null>('pickFolder', ...(defaultPath === undefined ? [] : [defaultPath])),
    revealPath: (path: string) => invoke<void>('revealPath', path),
    openExternal: (url: string) => invoke<void>('openExternal', url),
  } satisfies ShellBridge;
}
