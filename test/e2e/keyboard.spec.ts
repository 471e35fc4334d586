import { test, expect, openApp, cell, waitSaved } from './support/fixtures';
import { focusedLabel, focusedText, tabTo } from './support/keyboard';

test('keyboard only: create a report, go to Table 3 and fill a cell without the mouse', async ({ page, server }) => {
  await openApp(page, server.url);
  await tabTo(page, async () => (await focusedText(page)).includes('新建年报'));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: '新建年报' });
  await expect(dialog.getByLabel('机关全称')).toBeFocused();
  await page.keyboard.type('云岭县司法局');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '封面与落款' })).toBeVisible();

  // From the page into the section list (it comes before the page), then into the table.
  await tabTo(page, async () => (await focusedText(page)).includes('三、收到和处理'), { back: true, max: 40 });
  await page.keyboard.press('Enter');
  await expect(page.locator('#page-heading')).toHaveText('三、收到和处理政府信息公开申请情况');
  await tabTo(page, async () => (await focusedLabel(page)).startsWith('一、本年新收申请 · 自然人'));
  await page.keyboard.type('8');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  await expect(cell(page, '一、本年新收申请 · 自然人')).toHaveText('8');
  await expect(cell(page, '一、本年新收申请 · 商业企业')).toHaveText('2');
  await expect(cell(page, '一、本年新收申请 · 总计')).toHaveText('10');

  // Out of the table with Tab from its last cell (no keyboard trap).
  await page.keyboard.press('Control+End');
  await expect(cell(page, '四、结转下年度继续办理 · 总计')).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('.gtable'))).toBe(false);

  // A finding reached and followed with the keyboard.
  await tabTo(page, async () => (await focusedText(page)).includes('总体情况还没有内容'));
  await page.keyboard.press('Enter');
  await expect(page.locator('#page-heading')).toHaveText('一、总体情况');
  await waitSaved(page);
});
