/**
 * A stand-in for the 'electron' module (the Electron binary cannot run in unit tests): plain
 * objects and EventEmitters that record what the app asks of Electron. Use with
 *   const fake = vi.hoisted(() => ...); vi.mock('electron', () => fake.module)
 * or create one per test with createFakeElectron().
 */
import { EventEmitter } from 'node:events';

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
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  url = '';
  reloaded = 0;
  send(channel: string, ...args: unknown[]) {
    this.sent.push([channel, ...args]);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
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

export class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  /** What Electron does for ipcRenderer.invoke: unknown channels are an error. */
  async invoke(event: unknown, channel: string, ...args: unknown[]) {
    const h = this.handlers.get(channel);
    if (!h) throw new Error(`No handler registered for '${channel}'`);
    return h(event, ...args);
  }
}

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
    setPermissionRequestHandler(h: any) {
      session.permissionRequestHandler = h;
    },
    setPermissionCheckHandler(h: any) {
      session.permissionCheckHandler = h;
    },
    setDevicePermissionHandler(h: any) {
      session.deviceHandler = h;
    },
    setSpellCheckerEnabled(v: boolean) {
      session.spellcheck = v;
    },
    webRequest: {
      onBeforeRequest(h: any) {
        session.beforeRequest = h;
      },
      onHeadersReceived(h: any) {
        session.headersReceived = h;
      },
    },
    protocol: {
      handle(scheme: string, h: any) {
        session.protocolHandlers.set(scheme, h);
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
  const primary = {
    id: 1,
    workArea: { x: 0, y: 0, width: 1920, height: 1040 },
    bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  };
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
      displays: [primary] as Array<typeof primary>,
      getPrimaryDisplay: () => module.screen.displays[0]!,
      getAllDisplays: () => module.screen.displays,
    },
    Menu: {
      buildFromTemplate(template: unknown) {
        menu.template = template;
        return { template };
      },
      setApplicationMenu(m: unknown) {
        menu.applied = m;
      },
    },
  };
  return { module, app, session, ipcMain, ipcRenderer, exposed, dialog, shell, menu };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/** An IPC event as the main window's top frame showing the app would send it. */
export function ipcEvent(senderId: number, url = 'app://nianbao/index.html', parent: unknown = null) {
  return { sender: { id: senderId }, senderFrame: { url, parent } };
}
