/**
 * What the desktop shell offers the renderer besides the service API: menu commands, native
 * dialogs, the window's document state. In Electron the preload exposes it as `window.nianbaoShell`;
 * in browser mode it is absent and the renderer uses web fallbacks (file input, download link,
 * a typed folder path). All data crosses as plain JSON (bytes as base64).
 */

/** The menu commands the shell sends the page (`onMenuCommand`), at run time and as a type. */
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
] as const;

export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface PickedFile {
  path: string;
  name: string;
  /** File content, base64. */
  data: string;
}

export interface ShellBridge {
  platform: string;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /**
   * Subscribes to reports the shell opened by itself (a double-clicked .nianbao file, 文件 → 最近打开,
   * a file handed to a second start of the app): the report is already in the library under this id;
   * show it. Reports opened before the page subscribed are delivered on subscription.
   * Returns the unsubscribe function.
   */
  onReportOpened(listener: (id: string) => void): () => void;
  /**
   * Lets the window guard unsaved changes on close and show the report in its title. When the clerk
   * chooses 保存 in the close dialog, the shell sends the 'save' menu command and closes the window
   * as soon as the page reports `dirty: false` (it waits up to 15 s, then keeps the window open).
   */
  setDocumentState(state: { dirty: boolean; title: string }): void;
  /** Native open dialog for a report file or an importable file. */
  pickFile(kind: 'report' | 'import'): Promise<PickedFile | null>;
  /** Native save dialog; writes the content and returns the chosen path (null when cancelled). */
  saveFileAs(
    defaultName: string,
    data: string,
    kind: 'report' | 'docx' | 'html' | 'pdf' | 'xlsx' | 'csv',
  ): Promise<string | null>;
  /** Native folder chooser (export destination). */
  pickFolder(defaultPath?: string): Promise<string | null>;
  /** Shows a file or folder in the system file manager. */
  revealPath(path: string): Promise<void>;
  /** Opens an http(s) link in the system browser. */
  openExternal(url: string): Promise<void>;
}

declare global {
  interface Window {
    nianbao?: import('./api').NianbaoApi;
    nianbaoShell?: ShellBridge;
  }
}
