import { test, expect, openApp, createReport, gotoSection, cell, expectAccessible, SECTIONS } from './support/fixtures';

test.describe('accessibility (axe-core: no serious or critical violations)', () => {
  test('library: first run, list, new report dialog, trash, backups', async ({ page, server }) => {
    await openApp(page, server.url);
    await expectAccessible(page, 'first run');
    await page.getByRole('button', { name: /新建年报/ }).click();
    await expect(page.getByRole('dialog', { name: '新建年报' })).toBeVisible();
    await expectAccessible(page, 'new report dialog');
    await page.getByRole('dialog', { name: '新建年报' }).getByLabel('机关全称').fill('云岭县文化和旅游局');
    await page.getByRole('button', { name: '创建并开始填写' }).click();
    await expect(page.getByRole('heading', { name: '封面与落款' })).toBeVisible();
    await page.getByRole('button', { name: '年报库' }).click();
    await page.getByRole('button', { name: /打开示例年报/ }).click();
    await expect(page.getByRole('heading', { name: '封面与落款' })).toBeVisible();
    await page.getByRole('button', { name: '年报库' }).click();
    await expect(page.locator('.library-table tbody tr.ant-table-row')).toHaveCount(2);
    await expectAccessible(page, 'library list');
    await page.getByRole('button', { name: /回收站/ }).click();
    await expect(page.getByRole('dialog', { name: '回收站' })).toBeVisible();
    await expectAccessible(page, 'trash drawer');
    await page.getByRole('button', { name: '关闭回收站' }).click();
    await page.getByRole('button', { name: '备份' }).first().click();
    await expect(page.getByRole('dialog', { name: /的备份/ })).toBeVisible();
    await expectAccessible(page, 'backup dialog');
  });

  test('editor: cover page and every section, with findings, a refusal and the dismiss form', async ({
    page,
    server,
  }) => {
    await openApp(page, server.url);
    await createReport(page, '云岭县自然资源局', 2024);
    await expectAccessible(page, 'cover page');
    for (const s of SECTIONS) {
      await gotoSection(page, s);
      await expect(page.locator('#page-heading')).toHaveText(s);
      await expectAccessible(page, `section ${s.source}`);
    }
    await gotoSection(page, /三、收到和处理/);
    await cell(page, '一、本年新收申请 · 自然人').click();
    await page.keyboard.type('x');
    await expect(page.getByRole('alert').filter({ hasText: '不是数字' })).toBeVisible();
    await expectAccessible(page, 'refused input');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '键盘操作' }).click();
    await expectAccessible(page, 'keyboard help');
    await page.keyboard.press('Escape');
    // A warning to dismiss: an overview that misses the five topics.
    await gotoSection(page, /一、总体情况/);
    await page.getByRole('button', { name: '添加段落' }).click();
    await page.getByRole('textbox', { name: '段落（第 1 段）' }).fill('本年度政府信息公开工作开展正常。');
    await page.getByRole('complementary', { name: '检查结果' }).getByRole('button', { name: '忽略…' }).first().click();
    await expectAccessible(page, 'dismiss form');
    await page.getByRole('link', { name: /预览全文/ }).click();
    await expectAccessible(page, 'preview');
  });

  test('editor on the complete sample report', async ({ page, server }) => {
    await openApp(page, server.url);
    await page.getByRole('button', { name: /打开示例年报/ }).click();
    await expect(page.getByRole('heading', { name: '封面与落款' })).toBeVisible();
    for (const s of SECTIONS) {
      await gotoSection(page, s);
      await expectAccessible(page, `sample ${s.source}`);
    }
  });
});
