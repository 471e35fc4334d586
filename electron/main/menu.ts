import { basename } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/service/shell';

export interface MenuContext {
  appName: string;
  isMac: boolean;
  /** Developer tools appear only in an unpackaged (development) build. */
  isPackaged: boolean;
  recentFiles: readonly string[];
  /** Sends a command to the renderer over the `nianbao:menu` channel. */
  send(command: MenuCommand): void;
  openRecent(path: string): void;
  clearRecent(): void;
  openLogsFolder(): void;
  showHelp(): void;
  quit(): void;
}

const MAX_RECENT_IN_MENU = 10;

function recentSubmenu(ctx: MenuContext): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = ctx.recentFiles.slice(0, MAX_RECENT_IN_MENU).map((path, i) => ({
    // Numbered like other desktop apps; the tooltip-less menu shows the file name, the full path follows.
    label: `${i + 1}. ${basename(path)}  —  ${path}`,
    click: () => ctx.openRecent(path),
  }));
  if (items.length === 0) items.push({ label: '（无）', enabled: false });
  items.push(
    { type: 'separator' },
    { label: '清除最近打开记录', enabled: ctx.recentFiles.length > 0, click: () => ctx.clearRecent() },
  );
  return items;
}

/**
 * The application menu (Chinese). Items that act on the document do nothing here: they send a
 * MenuCommand and the renderer decides (it knows what is open and whether it may act).
 * Clipboard items use Electron roles so they work in every text field.
 */
export function buildMenuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const cmd = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => ctx.send(command),
  });

  const fileMenu: MenuItemConstructorOptions = {
    label: '文件',
    submenu: [
      cmd('新建年报', 'new-report', 'CmdOrCtrl+N'),
      cmd('打开…', 'open-file', 'CmdOrCtrl+O'),
      cmd('导入…', 'import-file', 'CmdOrCtrl+I'),
      { label: '最近打开', submenu: recentSubmenu(ctx) },
      { type: 'separator' },
      cmd('保存', 'save', 'CmdOrCtrl+S'),
      cmd('另存为…', 'save-as', 'CmdOrCtrl+Shift+S'),
      cmd('导出…', 'export', 'CmdOrCtrl+E'),
      { type: 'separator' },
      ctx.isMac
        ? { label: '关闭窗口', role: 'close', accelerator: 'Cmd+W' }
        : { label: '退出', accelerator: 'Ctrl+Q', click: () => ctx.quit() },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: '编辑',
    submenu: [
      cmd('撤销', 'undo', 'CmdOrCtrl+Z'),
      cmd('重做', 'redo', ctx.isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
      // The other usual redo shortcut, without a second visible item.
      {
        ...cmd('重做', 'redo', ctx.isMac ? 'Cmd+Y' : 'Ctrl+Shift+Z'),
        visible: false,
        acceleratorWorksWhenHidden: true,
      },
      { type: 'separator' },
      { label: '剪切', role: 'cut', accelerator: 'CmdOrCtrl+X' },
      { label: '复制', role: 'copy', accelerator: 'CmdOrCtrl+C' },
      { label: '粘贴', role: 'paste', accelerator: 'CmdOrCtrl+V' },
      { label: '全选', role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
      { type: 'separator' },
      cmd('查找', 'find', 'CmdOrCtrl+F'),
    ],
  };

  const viewItems: MenuItemConstructorOptions[] = [
    cmd('年报库', 'library', 'CmdOrCtrl+L'),
    cmd('预览', 'preview', 'CmdOrCtrl+P'),
    { type: 'separator' },
    { label: '实际大小', role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
    { label: '放大', role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
    { label: '放大', role: 'zoomIn', accelerator: 'CmdOrCtrl+Plus', visible: false, acceleratorWorksWhenHidden: true },
    { label: '缩小', role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
    { type: 'separator' },
    { label: '全屏', role: 'togglefullscreen', accelerator: ctx.isMac ? 'Ctrl+Cmd+F' : 'F11' },
  ];
  if (!ctx.isPackaged) {
    viewItems.push(
      { type: 'separator' },
      { label: '重新加载', role: 'reload', accelerator: 'CmdOrCtrl+R' },
      { label: '开发者工具', role: 'toggleDevTools', accelerator: ctx.isMac ? 'Alt+Cmd+I' : 'Ctrl+Shift+I' },
    );
  }

  const helpMenu: MenuItemConstructorOptions = {
    label: '帮助',
    role: 'help',
    submenu: [
      { label: '使用说明', accelerator: 'F1', click: () => ctx.showHelp() },
      { label: '打开日志文件夹', click: () => ctx.openLogsFolder() },
      ...(ctx.isMac ? [] : [{ type: 'separator' } as const, cmd(`关于${ctx.appName}`, 'about')]),
    ],
  };

  const template: MenuItemConstructorOptions[] = [fileMenu, editMenu, { label: '视图', submenu: viewItems }];
  if (ctx.isMac) {
    template.unshift({
      label: ctx.appName,
      submenu: [
        cmd(`关于${ctx.appName}`, 'about'),
        { type: 'separator' },
        { label: '服务', role: 'services' },
        { type: 'separator' },
        { label: `隐藏${ctx.appName}`, role: 'hide' },
        { label: '隐藏其他', role: 'hideOthers' },
        { label: '全部显示', role: 'unhide' },
        { type: 'separator' },
        { label: `退出${ctx.appName}`, accelerator: 'Cmd+Q', click: () => ctx.quit() },
      ],
    });
    template.push({
      label: '窗口',
      role: 'window',
      submenu: [
        { label: '最小化', role: 'minimize' },
        { label: '缩放', role: 'zoom' },
        { type: 'separator' },
        { label: '前置全部窗口', role: 'front' },
      ],
    });
  }
  template.push(helpMenu);
  return template;
}

/** The 使用说明 text: the app is offline, so help is a dialog rather than a web page. */
export const HELP_TEXT = [
  '1. 在“年报库”中新建年报，或从去年的年报开始（结转），也可以导入其他地方制作的年报（Ctrl+I）。',
  '2. 按六个部分逐项填写；三张统计表的合计与勾稽关系随填随查，问题会在右侧列出。',
  '3. 随时保存（Ctrl+S）；每次保存都会留有备份，可在年报库中恢复。',
  '4. 导出（Ctrl+E）.docx 供领导审签（WPS / Word 均可打开），导出 HTML 用于网站发布。',
  '5. “另存为”得到 .nianbao 年报文件，可拷给他人；双击 .nianbao 文件即可在本程序中打开。',
  '',
  '常用快捷键：新建 Ctrl+N，打开 Ctrl+O，保存 Ctrl+S，查找 Ctrl+F，预览 Ctrl+P，撤销 Ctrl+Z，重做 Ctrl+Y。',
  '程序完全离线运行，不联网、不自动更新。出现问题时，请通过“帮助 → 打开日志文件夹”把日志发给技术支持。',
].join('\n');
