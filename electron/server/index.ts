/** Browser mode: the loopback server (see docs/storage-and-browser-mode.md). */
export { startServer, type RunningServer, type ServerOptions } from './server';
export { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './security';
export { findChromium, hasDisplay, openAppWindow, revealInFileManager } from './app-window';
