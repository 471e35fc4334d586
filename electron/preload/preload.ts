/**
 * The preload of the main window. It runs sandboxed (no Node): it may import only 'electron' and
 * is bundled into one CommonJS file (dist/electron/preload.cjs). It exposes exactly two objects,
 * `window.nianbao` (the service API) and `window.nianbaoShell` (the shell bridge), and never
 * `ipcRenderer` itself, so the page can reach no channel beyond the allow-listed ones.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createApi, createShellBridge } from './bridge';

contextBridge.exposeInMainWorld('nianbao', createApi(ipcRenderer));
contextBridge.exposeInMainWorld('nianbaoShell', createShellBridge(ipcRenderer, process.platform));
