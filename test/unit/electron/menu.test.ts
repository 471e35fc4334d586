import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, type MenuContext } from '../../../electron/main/menu';
import type { MenuCommand } from '../../../shared/service/shell';

function context(over: Partial<MenuContext> = {}) {
  const sent: MenuCommand[] = [];
  const log: string[] = [];
  const ctx: MenuContext = {
    appName: '年报编制助手',
    isMac: false,
    isPackaged: true,
    recentFiles: [],
    send: (c) => sent.push(c),
    openRecent: (p) => log.push(`open ${p}`),
    clearRecent: () => log.push('clear'),
    openLogsFolder: () => log.push('logs'),
    showHelp: () => log.push('help'),
    quit: () => log.push('quit'),
    ...over,
  };
  return { ctx, sent, log };
}

const submenu = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];
const top = (t: MenuItemConstructorOptions[], label: string) => t.find((m) => m.label === label);
const item = (t: MenuItemConstructorOptions[], menu: string, label: string) =>
  submenu(top(t, menu)).find((i) => i.label === label && i.visible !== false);
const click = (i: MenuItemConstructorOptions | undefined) => (i?.click as unknown as () => void)();

describe('application menu', () => {
  it('has the Chinese menus 文件 编辑 视图 帮助 on Windows and Linux', () => {
    const t = buildMenuTemplate(context().ctx);
    expect(t.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    for (const m of t)
      for (const i of submenu(m)) if (i.type !== 'separator') expect(i.label).toMatch(/[\u4e00-\u9fff]/);
  });

  it('file and edit items carry the usual shortcuts and send their commands', () => {
    const { ctx, sent } = context();
    const t = buildMenuTemplate(ctx);
    const expected: Array<[string, string, string, MenuCommand]> = [
      ['文件', '新建年报', 'CmdOrCtrl+N', 'new-report'],
      ['文件', '打开…', 'CmdOrCtrl+O', 'open-file'],
      ['文件', '导入…', 'CmdOrCtrl+I', 'import-file'],
      ['文件', '保存', 'CmdOrCtrl+S', 'save'],
      ['文件', '另存为…', 'CmdOrCtrl+Shift+S', 'save-as'],
      ['文件', '导出…', 'CmdOrCtrl+E', 'export'],
      ['编辑', '撤销', 'CmdOrCtrl+Z', 'undo'],
      ['编辑', '重做', 'Ctrl+Y', 'redo'],
      ['编辑', '查找', 'CmdOrCtrl+F', 'find'],
      ['视图', '预览', 'CmdOrCtrl+P', 'preview'],
      ['视图', '年报库', 'CmdOrCtrl+L', 'library'],
    ];
    for (const [menu, label, accelerator, command] of expected) {
      const i = item(t, menu, label);
      expect(i?.accelerator, `${menu} → ${label}`).toBe(accelerator);
      sent.length = 0;
      click(i);
      expect(sent).toEqual([command]);
    }
    // Ctrl+Shift+Z redoes too, through a hidden item.
    const hiddenRedo = submenu(top(t, '编辑')).find((i) => i.label === '重做' && i.visible === false);
    expect(hiddenRedo?.accelerator).toBe('Ctrl+Shift+Z');
    sent.length = 0;
    click(hiddenRedo);
    expect(sent).toEqual(['redo']);
  });

  it('clipboard items use roles; view has zoom and full screen; 退出 quits', () => {
    const { ctx, log } = context();
    const t = buildMenuTemplate(ctx);
    expect(['剪切', '复制', '粘贴', '全选'].map((l) => item(t, '编辑', l)?.role)).toEqual([
      'cut',
      'copy',
      'paste',
      'selectAll',
    ]);
    expect(['实际大小', '放大', '缩小', '全屏'].map((l) => item(t, '视图', l)?.role)).toEqual([
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
    ]);
    const quit = item(t, '文件', '退出');
    expect(quit?.accelerator).toBe('Ctrl+Q');
    click(quit);
    expect(log).toEqual(['quit']);
  });

  it('developer tools only when not packaged', () => {
    const labels = (isPackaged: boolean) =>
      submenu(top(buildMenuTemplate(context({ isPackaged }).ctx), '视图')).map((i) => i.label);
    expect(labels(true)).not.toContain('开发者工具');
    expect(labels(false)).toContain('开发者工具');
  });

  it('最近打开 lists the files, opens one, and clears the list', () => {
    const { ctx, log } = context({ recentFiles: ['/home/u/2024年报.nianbao', '/home/u/2023年报.nianbao'] });
    const t = buildMenuTemplate(ctx);
    const recent = submenu(item(t, '文件', '最近打开'));
    expect(recent[0]?.label).toContain('2024年报.nianbao');
    expect(recent[1]?.label).toContain('/home/u/2023年报.nianbao');
    click(recent[1]);
    click(recent.find((i) => i.label === '清除最近打开记录'));
    expect(log).toEqual(['open /home/u/2023年报.nianbao', 'clear']);
    const empty = submenu(item(buildMenuTemplate(context().ctx), '文件', '最近打开'));
    expect(empty[0]).toMatchObject({ label: '（无）', enabled: false });
  });

  it('帮助 has 使用说明, 打开日志文件夹 and 关于', () => {
    const { ctx, log, sent } = context();
    const t = buildMenuTemplate(ctx);
    click(item(t, '帮助', '使用说明'));
    click(item(t, '帮助', '打开日志文件夹'));
    click(item(t, '帮助', '关于年报编制助手'));
    expect(log).toEqual(['help', 'logs']);
    expect(sent).toEqual(['about']);
  });

  it('macOS gets the app menu first and a window menu', () => {
    const { ctx, sent, log } = context({ isMac: true });
    const t = buildMenuTemplate(ctx);
    expect(t.map((m) => m.label)).toEqual(['年报编制助手', '文件', '编辑', '视图', '窗口', '帮助']);
    const appMenu = submenu(t[0]);
    click(appMenu.find((i) => i.label === '关于年报编制助手'));
    click(appMenu.find((i) => i.label === '退出年报编制助手'));
    expect(sent).toEqual(['about']);
    expect(log).toEqual(['quit']);
    expect(item(t, '编辑', '重做')?.accelerator).toBe('Cmd+Shift+Z');
    expect(item(t, '文件', '退出')).toBeUndefined();
  });
});
