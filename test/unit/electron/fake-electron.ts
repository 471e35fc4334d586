/**
 * A stand-in for the 'electron' module (the Electron binary cannot run in unit tests): plain
 * objects and EventEmitters that record what the app asks of Electron. Use with
 *   const fake = vi.hoisted(() => ...); vi.mock('electron', () => fake.module)
 * or create one per test with createFakeElectron().
 *
 * Length: a typed stand-in for each Electron module the app uses.
 */
import { EventEmitter } from 'node:events';
import type {
  App,
  BrowserWindow,
  ContextBridge,
  Dialog,
  Display,
  HandlerDetails,
  IpcMain,
  IpcMainInvokeEvent,
  IpcRenderer,
  Menu,
  MenuItem,
  MenuItemConstructorOptions,
  CallbackResponse,
  WebRequestFilter,
  HeadersReceivedResponse,
  OnBeforeRequestListenerDetails,
  OnHeadersReceivedListenerDetails,
  Protocol,
  Rectangle,
  Screen,
  Session,
  Shell,
  WebContents,
  WindowOpenHandlerResponse,
} from 'electron';

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
  url?: string;
}

export const fakeEvent = (extra: Record<string, unknown> = {}): FakeEvent => ({
  defaultPrevented: false,
  preventDefault() {
    this.defaultPrevented = true;
  },
  ...extra,
});

let nextWebContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  readonly sent: Array<[string, ...unknown[]]> = [];
  windowOpenHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | undefined;
  url = '';
  reloaded = 0;
  send(channel: string, ...args: unknown[]) {
    this.sent.push([channel, ...args]);
  }
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse) {
    this.windowOpenHandler = handler;
  }
  /** What Electron does when the page calls window.open(url): asks the handler. */
  openWindow(url: string): WindowOpenHandlerResponse {
    if (!this.windowOpenHandler) throw new Error('no window open handler');
    return this.windowOpenHandler({
      url,
      frameName: '',
      features: '',
      disposition: 'new-window',
      referrer: { url: '', policy: 'default' },
    });
  }
  getURL() {
    return this.url;
  }
  reload() {
    this.reloaded++;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  title = '';
  destroyed = false;
  shown = false;
  focused = false;
  maximized = false;
  fullScreen = false;
  minimized = false;
  closeCalls = 0;
  bounds: { x: number; y: number; width: number; height: number };
  constructor(readonly options: Record<string, any>) {
    super();
    this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 800, height: options.height ?? 600 };
    FakeBrowserWindow.instances.push(this);
  }
  loadURL(url: string) {
    this.webContents.url = url;
    return Promise.resolve();
  }
  setTitle(t: string) {
    this.title = t;
  }
  setDocumentEdited() {}
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
  }
  show() {
    this.shown = true;
  }
  focus() {
    this.focused = true;
  }
  maximize() {
    this.maximized = true;
  }
  isMaximized() {
    return this.maximized;
  }
  setFullScreen(v: boolean) {
    this.fullScreen = v;
  }
  isFullScreen() {
    return this.fullScreen;
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
  getBounds() {
    return { ...this.bounds };
  }
  /** Like Electron: emits 'close' (cancellable), then 'closed'. */
  close() {
    this.closeCalls++;
    const event = fakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.emit('closed');
  }
}

type InvokeHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

export class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeHandler>();
  handle(channel: string, handler: InvokeHandler) {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  /**
   * What Electron does for ipcRenderer.invoke: unknown channels are an error. The event carries
   * what the handlers read (sender id, frame URL and parent: see `ipcEvent`).
   */
  async invoke(event: FakeIpcEvent, channel: string, ...args: unknown[]) {
    const h = this.handlers.get(channel);
    if (!h) throw new Error(`No handler registered for '${channel}'`);
    return h(event as unknown as IpcMainInvokeEvent, ...args);
  }
}

type BeforeRequestListener = (details: OnBeforeRequestListenerDetails, callback: (r: CallbackResponse) => void) => void;
type HeadersReceivedListener = (
  details: OnHeadersReceivedListenerDetails,
  callback: (r: HeadersReceivedResponse) => void,
) => void;

export function createFakeSession() {
  const session = {
    permissionRequestHandler: undefined as
      undefined | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
    permissionCheckHandler: undefined as undefined | ((...a: unknown[]) => boolean),
    deviceHandler: undefined as undefined | ((...a: unknown[]) => boolean),
    spellcheck: true,
    beforeRequest: undefined as undefined | ((details: { url: string }, cb: (r: { cancel?: boolean }) => void) => void),
    headersReceived: undefined as
      | undefined
      | ((
          details: { url: string; responseHeaders?: Record<string, string[]> },
          cb: (r: Record<string, unknown>) => void,
        ) => void),
    protocolHandlers: new Map<string, (req: { url: string }) => Promise<Response> | Response>(),
    // Setters with Electron's signatures; the tests call what they recorded with the fields the handlers read.
    setPermissionRequestHandler(h: Parameters<Session['setPermissionRequestHandler']>[0]) {
      session.permissionRequestHandler = h as unknown as typeof session.permissionRequestHandler;
    },
    setPermissionCheckHandler(h: Parameters<Session['setPermissionCheckHandler']>[0]) {
      session.permissionCheckHandler = h as unknown as typeof session.permissionCheckHandler;
    },
    setDevicePermissionHandler(h: Parameters<Session['setDevicePermissionHandler']>[0]) {
      session.deviceHandler = h as unknown as typeof session.deviceHandler;
    },
    setSpellCheckerEnabled(v: boolean) {
      session.spellcheck = v;
    },
    webRequest: {
      // Electron's overloads: (listener) or (filter, listener); the listener comes last.
      onBeforeRequest(...args: [BeforeRequestListener | null] | [WebRequestFilter, BeforeRequestListener | null]) {
        session.beforeRequest = (args.at(-1) ?? undefined) as unknown as typeof session.beforeRequest;
      },
      onHeadersReceived(
        ...args: [HeadersReceivedListener | null] | [WebRequestFilter, HeadersReceivedListener | null]
      ) {
        session.headersReceived = (args.at(-1) ?? undefined) as unknown as typeof session.headersReceived;
      },
    },
    protocol: {
      handle(scheme: string, h: (request: GlobalRequest) => GlobalResponse | Promise<GlobalResponse>) {
        session.protocolHandlers.set(scheme, h as unknown as (req: { url: string }) => Promise<Response> | Response);
      },
    },
  };
  return session;
}

export function createFakeApp(opts: { lock?: boolean; isPackaged?: boolean; paths?: Record<string, string> } = {}) {
  const app = Object.assign(new EventEmitter(), {
    isPackaged: opts.isPackaged ?? false,
    quitCalls: 0,
    exitCodes: [] as number[],
    recentDocuments: [] as string[],
    readyResolve: undefined as undefined | (() => void),
    ready: undefined as unknown as Promise<void>,
    requestSingleInstanceLock: () => opts.lock ?? true,
    quit() {
      app.quitCalls++;
    },
    exit(code = 0) {
      app.exitCodes.push(code);
    },
    whenReady() {
      return app.ready;
    },
    getPath: (name: string) => opts.paths?.[name] ?? `/fake/${name}`,
    getVersion: () => '0.1.0',
    addRecentDocument(p: string) {
      app.recentDocuments.push(p);
    },
    clearRecentDocuments() {
      app.recentDocuments = [];
    },
    enableSandbox() {},
    setAppUserModelId() {},
  });
  app.ready = new Promise<void>((resolve) => {
    app.readyResolve = resolve;
  });
  return app;
}

export function createFakeElectron() {
  const app = createFakeApp();
  const session = createFakeSession();
  const ipcMain = new FakeIpcMain();
  const exposed = new Map<string, unknown>();
  const ipcRenderer = Object.assign(new EventEmitter(), {
    invocations: [] as Array<[string, ...unknown[]]>,
    sends: [] as Array<[string, ...unknown[]]>,
    answer: (channel: string, ...args: unknown[]): unknown => ({ ok: true, value: { channel, args } }),
    invoke(channel: string, ...args: unknown[]) {
      ipcRenderer.invocations.push([channel, ...args]);
      return Promise.resolve(ipcRenderer.answer(channel, ...args));
    },
    send(channel: string, ...args: unknown[]) {
      ipcRenderer.sends.push([channel, ...args]);
    },
  });
  const dialog = {
    responses: [] as number[],
    messageBoxes: [] as Array<Record<string, unknown>>,
    errorBoxes: [] as Array<[string, string]>,
    openResult: { canceled: true, filePaths: [] as string[] },
    saveResult: { canceled: true, filePath: '' },
    async showMessageBox(...args: unknown[]) {
      const options = (args.length > 1 ? args[1] : args[0]) as Record<string, unknown>;
      dialog.messageBoxes.push(options);
      return { response: dialog.responses.shift() ?? 0, checkboxChecked: false };
    },
    async showOpenDialog(..._args: unknown[]) {
      return dialog.openResult;
    },
    async showSaveDialog(..._args: unknown[]) {
      return dialog.saveResult;
    },
    showErrorBox(title: string, content: string) {
      dialog.errorBoxes.push([title, content]);
    },
  };
  const shell = {
    opened: [] as string[],
    revealed: [] as string[],
    openedPaths: [] as string[],
    async openExternal(url: string) {
      shell.opened.push(url);
    },
    showItemInFolder(p: string) {
      shell.revealed.push(p);
    },
    async openPath(p: string) {
      shell.openedPaths.push(p);
      return '';
    },
  };
  const menu = { template: undefined as unknown, applied: undefined as unknown };
  const primary = fakeDisplay(1, { x: 0, y: 0, width: 1920, height: 1080 }, { x: 0, y: 0, width: 1920, height: 1040 });
  const module = {
    app,
    ipcMain,
    ipcRenderer,
    dialog,
    shell,
    BrowserWindow: FakeBrowserWindow,
    session: { defaultSession: session },
    protocol: {
      privileged: [] as unknown[],
      registerSchemesAsPrivileged(schemes: unknown[]) {
        module.protocol.privileged.push(...schemes);
      },
    },
    contextBridge: {
      exposeInMainWorld(key: string, value: unknown) {
        if (exposed.has(key))
          throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
        exposed.set(key, value);
      },
    },
    screen: {
      displays: [primary],
      getPrimaryDisplay: () => module.screen.displays[0]!,
      getAllDisplays: () => module.screen.displays,
    },
    Menu: {
      buildFromTemplate(template: Array<MenuItemConstructorOptions | MenuItem>) {
        menu.template = template;
        return asElectron<Menu>({ items: [] });
      },
      setApplicationMenu(m: Menu | null) {
        menu.applied = m;
      },
    },
  };
  return { module, app, session, ipcMain, ipcRenderer, exposed, dialog, shell, menu };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

export interface FakeIpcEvent {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

/** An IPC event as the main window's top frame showing the app would send it. */
export function ipcEvent(senderId: number, url = 'app://nianbao/index.html', parent: unknown = null): FakeIpcEvent {
  return { sender: { id: senderId }, senderFrame: { url, parent } };
}

/** A display as Electron describes one. */
export function fakeDisplay(id: number, bounds: Rectangle, workArea: Rectangle): Display {
  return {
    id,
    label: `显示器 ${id}`,
    bounds,
    workArea,
    size: { width: bounds.width, height: bounds.height },
    workAreaSize: { width: workArea.width, height: workArea.height },
    nativeOrigin: { x: bounds.x, y: bounds.y },
    scaleFactor: 1,
    rotation: 0,
    internal: false,
    monochrome: false,
    detected: true,
    accelerometerSupport: 'unknown',
    touchSupport: 'unknown',
    colorDepth: 24,
    colorSpace: '',
    depthPerComponent: 8,
    displayFrequency: 60,
    maximumCursorSize: { width: 0, height: 0 },
  };
}

/**
 * Typing against Electron's API. Every member a fake shares with Electron's type must have
 * Electron's signature (a fake with a wrong signature, or one the app outgrew, fails the
 * typecheck); EventEmitter's own members are left out, since Electron's return the whole object.
 */
export type Like<T> = {
  [K in Exclude<keyof T, keyof EventEmitter>]?: T[K] extends (...args: never[]) => unknown
    ? T[K]
    : T[K] extends object
      ? Like<T[K]>
      : T[K];
};

/** Hands a fake to app code typed with Electron's class, after checking it is `Like` that class. */
export const asElectron = <T>(fake: Like<T>): T => fake as unknown as T;

/** Compile-time only: each fake, as created, `satisfies` Electron's type (a type error otherwise). */
type Satisfies<Fake extends Expected, Expected> = Fake;
type FakeElectronModule = FakeElectron['module'];
export type FakesTypedAgainstElectron = [
  Satisfies<FakeWebContents, Like<WebContents>>,
  Satisfies<FakeBrowserWindow, Like<BrowserWindow>>,
  Satisfies<ReturnType<typeof createFakeSession>, Like<Session>>,
  Satisfies<ReturnType<typeof createFakeApp>, Like<App>>,
  Satisfies<FakeIpcMain, Like<IpcMain>>,
  Satisfies<FakeElectron['ipcRenderer'], Like<IpcRenderer>>,
  Satisfies<FakeElectron['dialog'], Like<Dialog>>,
  Satisfies<FakeElectron['shell'], Like<Shell>>,
  Satisfies<FakeElectronModule['protocol'], Like<Protocol>>,
  Satisfies<FakeElectronModule['contextBridge'], Like<ContextBridge>>,
  Satisfies<FakeElectronModule['screen'], Like<Screen>>,
  Satisfies<FakeElectronModule['Menu'], Like<typeof Menu>>,
];
