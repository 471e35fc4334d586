import { rmSync } from 'node:fs';
import { test, expect, openApp, createReport, gotoSection, cell, typeInCell, waitSaved } from './support/fixtures';
import { launchServer, tempDataDir } from './support/server';

test('after a restart of the server on the same data folder the report is still there', async ({ page }) => {
  const dir = tempDataDir();
  try {
    const first = await launchServer(dir);
    await openApp(page, first.url);
    await createReport(page, '云岭县商务局', 2024);
    await gotoSection(page, /三、收到和处理/);
    await typeInCell(page, '一、本年新收申请 · 自然人', '17');
    await gotoSection(page, /五、存在的主要问题/);
    await page.getByRole('button', { name: '添加段落' }).click();
    await page.getByRole('textbox', { name: '段落（第 1 段）' }).fill('部分信息更新不够及时。');
    await waitSaved(page);
    await first.close();

    const second = await launchServer(dir);
    await openApp(page, second.url);
    await page.getByRole('button', { name: /打开云岭县商务局2024年度年报/ }).click();
    await gotoSection(page, /三、收到和处理/);
    await expect(cell(page, '一、本年新收申请 · 自然人')).toHaveText('17');
    await expect(cell(page, '一、本年新收申请 · 总计')).toHaveText('17');
    await gotoSection(page, /五、存在的主要问题/);
    await expect(page.getByRole('textbox', { name: '段落（第 1 段）' })).toHaveValue('部分信息更新不够及时。');
    await second.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a failed save is told plainly, kept in memory and retried', async ({ page, server }) => {
  await openApp(page, server.url);
  await createReport(page, '云岭县粮食局', 2024);
  await waitSaved(page);
  // The service goes away (e.g. the command window was closed); the edit must not be lost.
  let block = true;
  await page.route('**/api/saveReport', (route) => (block ? route.abort('connectionrefused') : route.continue()));
  await page.getByLabel('所属人民政府（可选）').fill('云岭县人民政府');
  const status = page.getByRole('status').filter({ hasText: '保存失败' });
  await expect(status).toContainText('与年报编制助手的连接中断了');
  await expect(status).toContainText('修改保留在本页中');
  block = false;
  await status.getByRole('button', { name: '立即重试' }).click();
  await waitSaved(page);
  await page.reload();
  await expect(page.getByLabel('所属人民政府（可选）')).toHaveValue('云岭县人民政府');
});
