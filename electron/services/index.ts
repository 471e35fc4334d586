/**
 * The service behind the app (storage, library, settings). Used by the Electron main process and
 * by the browser-mode server; see docs/storage-and-browser-mode.md.
 */
export { createService, type NianbaoService, type ServiceOptions } from './library-service';
export { defaultDataDir, osDataDir, dataDirFlag, APP_DIR_NAME } from './data-dir';
export { nodeFs, type StorageFs, type WritableHandle } from './fs-seam';
