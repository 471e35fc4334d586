import type { NianbaoApi } from '../../../shared/service/api';
import type { ShellBridge } from '../../../shared/service/shell';
import { createHttpApi, type ConnectionState } from '../../../shared/service/http-client';

/**
 * The service: the preload's IPC bridge in Electron, the loopback server (HTTP with the per-start
 * token) in browser mode.
 */
export function resolveApi(onConnection?: (state: ConnectionState) => void): NianbaoApi {
  return window.nianbao ?? createHttpApi('', undefined, onConnection ? { onConnection } : {});
}

export function resolveShell(): ShellBridge | null {
  return window.nianbaoShell ?? null;
}
