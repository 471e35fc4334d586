import { test, expect, openApp, gotoSection, cell, typeInCell } from './support/fixtures';

/**
 * The desktop shell's side of the renderer, with a stand-in for the preload's window.nianbaoShell
 * (the Electron binary is not available here): menu commands reach the screen, the window learns
 * the unsaved state and the report's name.
 */
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const listeners: ((c: string) => void)[] = [];
    const states: { dirty: boolean; title: string }[] = [];
    Object.assign(window, {
      __docStates: states,
      __menu: (c: string) => listeners.forEach((l) => l(c)),
      nianbaoShell: {
        platform: 'linux',
        onMenuCommand: (l: (c: string) => void) => {
          listeners.push(l);
          return () => listeners.splice(listeners.indexOf(l), 1);
        },
        onReportOpened: () => () => undefined,
        setDocumentState: (s: { dirty: boolean; title: string }) => states.push(s),
        pickFile: async () => null,
        saveFileAs: async () => null,
        pickFolder: async () => null,
        revealPath: async () => undefined,
        openExternal: async () => undefined,
      },
    });
  });
});

const menu = (page: import('@playwright/test').Page, command: string) =>
  page.evaluate((c) => (window as unknown as { __menu(c: string): void }).__menu(c), command);
const lastState = (page: import('@playwright/test').Page) =>
  page.evaluate(() => {
    const s = (window as unknown as { __docStates: { dirty: boolean; title: string }[] }).__docStates;
    return s[s.length - 1];
  });

test('menu commands and the unsaved state reach the shell', async ({ page, server }) => {
  await openApp(page, server.url);
  await menu(page, 'new-report');
  await expect(page.getByRole('dialog', { name: '新建年报' })).toBeVisible();
  await page.getByRole('dialog', { name: '新建年报' }).getByLabel('机关全称').fill('云岭县应急管理局');
  await page.getByRole('button', { name: '创建并开始填写' }).click();
  await expect(page.getByRole('heading', { name: '封面与落款' })).toBeVisible();
  await expect.poll(() => lastState(page)).toMatchObject({ title: expect.stringContaining('云岭县应急管理局') });

  await gotoSection(page, /三、收到和处理/);
  await typeInCell(page, '一、本年新收申请 · 自然人', '6');
  expect((await lastState(page))!.dirty).toBe(true);
  // 保存 from the menu (the shell's close dialog sends it too): saved, and the shell hears dirty: false.
  await menu(page, 'save');
  await expect.poll(async () => (await lastState(page))!.dirty).toBe(false);

  await menu(page, 'undo');
  await expect(cell(page, '一、本年新收申请 · 自然人')).toHaveText('');
  await menu(page, 'redo');
  await expect(cell(page, '一、本年新收申请 · 自然人')).toHaveText('6');

  await menu(page, 'preview');
  await expect(page.locator('#page-heading')).toHaveText('预览全文');
  // 导出 from the menu opens the export dialog (this report has errors: they are listed first).
  await menu(page, 'export');
  const exportDialog = page.getByRole('dialog', { name: '导出年报' });
  await expect(exportDialog).toContainText('我已知晓以上问题，仍要导出');
  await exportDialog.getByRole('button', { name: '取消' }).click();
  await expect(exportDialog).toBeHidden();
  await menu(page, 'library');
  await expect(page.getByRole('heading', { name: '年报库' })).toBeVisible();
  await expect.poll(() => lastState(page)).toMatchObject({ title: '年报库', dirty: false });
});
