import { BrowserWindow, screen } from 'electron';
import { APP_INDEX_URL } from './app-url';
import { MIN_SIZE, clampToDisplays, loadWindowState, trackWindowState } from './window-state';

export const PRODUCT_NAME = '年报编制助手';

export interface MainWindowOptions {
  preload: string;
  /** `<data dir>/window-state.json`. */
  stateFile: string;
  /** PNG for the Linux window icon (Windows and macOS take the executable's icon). */
  icon?: string;
}

/** Window title: the document, a dot while it has unsaved changes, then the product name. */
export function windowTitle(state: { dirty: boolean; title: string }): string {
  const doc = state.title.trim();
  return doc ? `${state.dirty ? '● ' : ''}${doc} - ${PRODUCT_NAME}` : PRODUCT_NAME;
}

/** Creates the main window where it was last time (fitted to today's displays) and loads the app. */
export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const remembered = loadWindowState(opts.stateFile);
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((d) => d.id !== primary.id);
  const state = clampToDisplays(remembered, [primary.workArea, ...others.map((d) => d.workArea)]);

  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: Math.min(MIN_SIZE.width, primary.workArea.width),
    minHeight: Math.min(MIN_SIZE.height, primary.workArea.height),
    show: false,
    title: PRODUCT_NAME,
    backgroundColor: '#ffffff',
    ...(opts.icon ? { icon: opts.icon } : {}),
    // Written out here (not built elsewhere) so reviewers and electronegativity see them at the window.
    webPreferences: {
      preload: opts.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // Middle-click would otherwise open links in a new window, bypassing will-navigate.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  trackWindowState(win, opts.stateFile);
  // The window title is ours (document + product name), not the page's <title>.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    if (state.fullScreen) win.setFullScreen(true);
    win.show();
  });
  void win.loadURL(APP_INDEX_URL);
  return win;
}
