import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, openApp, gotoSection, pageErrors } from './support/fixtures';
import { apiOf } from './support/api';
import { sampleAs } from '../fixtures/sample-as';

/**
 * Issue 13 item 2, keyboard only: every dialog, drawer and popup of the app takes the focus when it
 * opens, confirms with Enter, cancels with Esc and gives the focus back where it came from. The
 * opener is focused as Tab would leave it; from there on only keys are pressed.
 */

const inDialog = (page: Page) =>
  page.evaluate(
    () => !!document.activeElement?.closest('.ant-modal-body, .ant-modal-footer, .ant-drawer, .ant-popover'),
  );

const activeName = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    return a ? `${a.tagName} ${a.getAttribute('aria-label') ?? ''} ${(a.textContent ?? '').trim().slice(0, 20)}` : '';
  });

test.describe('dialogs by keyboard', () => {
  test('library: new report, rollover, backups, delete and the trash — focus in, Enter, Esc, focus back', async ({
    page,
    server,
    request,
  }) => {
    const api = apiOf(request, server);
    await api('saveReport', sampleAs('云岭县档案馆'));
    await api('saveReport', sampleAs('云岭县林业局'));
    await openApp(page, server.url);
    await expect(page.locator('.library-table')).toBeVisible();

    // 新建年报: the focus is in the first field; Esc closes and the focus is back on the button.
    const create = page.getByRole('button', { name: /新建年报/ }).first();
    await create.focus();
    await page.keyboard.press('Enter');
    const newDialog = page.getByRole('dialog', { name: '新建年报' });
    await expect(newDialog.getByLabel('机关全称')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(newDialog).toBeHidden();
    await expect(create).toBeFocused();

    // 备份: the focus is on the chosen backup, not on ×; Esc gives it back to 备份.
    const backups = page.getByRole('button', { name: /备份/ }).first();
    await backups.focus();
    await page.keyboard.press('Enter');
    const backupDialog = page.getByRole('dialog', { name: /的备份/ });
    await expect(backupDialog.getByRole('radio').first()).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(backupDialog).toBeHidden();
    await expect(backups).toBeFocused();
    // Enter confirms: the chosen backup is restored.
    await page.keyboard.press('Enter');
    await expect(backupDialog.getByRole('radio').first()).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByText(/已从备份恢复/)).toBeVisible();
    await expect(backupDialog).toBeHidden();

    // 删除: the confirmation takes the focus; Esc gives it back; Enter deletes and the focus goes on
    // to the next report's row (the deleted row is gone).
    const firstDelete = page.getByRole('button', { name: '删除' }).first();
    await firstDelete.focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('dialog', { name: /删除/ });
    await expect(confirm).toBeVisible();
    expect(await inDialog(page), await activeName(page)).toBe(true);
    await page.keyboard.press('Escape');
    await expect(confirm).toBeHidden();
    await expect(firstDelete).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(confirm).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByText(/移到回收站/)).toBeVisible();
    await expect(page.locator('.library-table tbody tr.ant-table-row')).toHaveCount(1);
    await expect(page.locator('[data-open-id]').first()).toBeFocused();

    // 回收站: the drawer takes the focus; restoring keeps it in the drawer; Esc gives it back.
    const trash = page.getByRole('button', { name: /回收站/ });
    await trash.focus();
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog', { name: '回收站' });
    await expect(drawer).toBeVisible();
    await expect.poll(() => inDialog(page)).toBe(true);
    await drawer.getByRole('button', { name: /^恢复/ }).focus();
    await page.keyboard.press('Enter');
    await expect(drawer.getByText('回收站是空的')).toBeVisible();
    expect(await inDialog(page), await activeName(page)).toBe(true);
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await expect(trash).toBeFocused();

    // 新建下一年: the focus is in the dialog (not on ×); Enter makes the 2025 report and opens it.
    const next = page.getByRole('button', { name: /以此为基础新建下一年：云岭县档案馆/ });
    await next.focus();
    await page.keyboard.press('Enter');
    const rollover = page.getByRole('dialog', { name: '以上年报告为基础新建' });
    await expect(rollover.getByText('上年报告：')).toBeVisible();
    expect(await inDialog(page), await activeName(page)).toBe(true);
    // Esc from the list of reports closes the dialog (the list keeps Esc only while it is open).
    await page.keyboard.press('Escape');
    await expect(rollover).toBeHidden();
    await expect(next).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(rollover.getByText('上年报告：')).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: '封面与落款' })).toBeVisible();
    await expect(page.locator('.doc-year')).toContainText('2025');
    expect(pageErrors(page)).toEqual([]);
  });

  test('editor: export dialog, the keyboard help and dismissing a finding', async ({ page, server, request }) => {
    const api = apiOf(request, server);
    const broken = sampleAs('云岭县档案馆');
    broken.cells = { ...broken.cells, 't3.new_received.natural': 99 };
    await api('saveReport', broken);
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-keys-'));
    try {
      await openApp(page, server.url);
      await page.getByRole('button', { name: '打开云岭县档案馆2024年度年报' }).click();
      await expect(page.getByRole('heading', { name: '封面与落款' })).toBeVisible();

      // 导出 with errors: the focus is on the list of errors; Esc gives it back to 导出.
      const exportButton = page.getByRole('button', { name: /导出$/ }).first();
      await exportButton.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: '导出年报' });
      await expect(dialog.getByRole('list', { name: '未解决的错误' })).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(exportButton).toBeFocused();

      // Again: acknowledge with Space, type the folder, Enter exports; Enter on the result closes.
      await page.keyboard.press('Enter');
      await expect(dialog.getByRole('list', { name: '未解决的错误' })).toBeFocused();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      await expect(dialog.getByRole('checkbox', { name: /我已知晓/ })).toBeChecked();
      await dialog.getByLabel('保存到文件夹').focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type(dir);
      // Only the .docx: no Chromium PDF needed for what this test is about.
      await dialog.getByRole('checkbox', { name: /网页（\.html）/ }).focus();
      await page.keyboard.press('Space');
      await dialog.getByRole('checkbox', { name: /PDF/ }).focus();
      await page.keyboard.press('Space');
      await dialog.getByLabel('保存到文件夹').focus();
      await page.keyboard.press('Enter');
      await expect(dialog.getByText(/已导出 1 个文件/)).toBeVisible({ timeout: 60_000 });
      expect(readdirSync(dir).some((f) => f.endsWith('.docx'))).toBe(true);
      await expect(dialog.getByRole('button', { name: '完成' })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(dialog).toBeHidden();
      await expect(exportButton).toBeFocused();

      // 键盘操作 help: opens into focus, Esc closes, focus back.
      await gotoSection(page, /三、收到和处理/);
      const help = page.getByRole('button', { name: /键盘操作/ });
      await help.focus();
      await page.keyboard.press('Enter');
      await expect(page.locator('.ant-popover').getByText('方向键')).toBeVisible();
      await expect.poll(() => inDialog(page)).toBe(true);
      await page.keyboard.press('Escape');
      await expect(page.locator('.ant-popover').getByText('方向键')).toBeHidden();
      await expect(help).toBeFocused();

      // 忽略… of a warning: the reason box takes the focus; Esc gives it back to 忽略….
      const panel = page.locator('.findings-panel');
      const dismiss = panel.getByRole('button', { name: '忽略…' }).first();
      await dismiss.focus();
      await page.keyboard.press('Enter');
      await expect(panel.getByLabel('忽略的理由')).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(panel.getByLabel('忽略的理由')).toBeHidden();
      await expect(panel.getByRole('button', { name: '忽略…' }).first()).toBeFocused();
      // Enter with a reason dismisses it; the focus stays in the list, on the finding that took its place.
      const following = await dismiss.evaluate(
        (b) => b.closest('li')?.nextElementSibling?.getAttribute('data-finding') ?? null,
      );
      expect(following, 'a second warning follows the first').not.toBeNull();
      await page.keyboard.press('Enter');
      await page.keyboard.type('机构改革，数据已调整');
      await page.keyboard.press('Enter');
      await expect(panel.getByRole('button', { name: /已忽略（1）/ })).toBeVisible();
      await expect(panel.locator(`li[data-finding="${following}"] .finding-jump`)).toBeFocused();
      expect(pageErrors(page)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
