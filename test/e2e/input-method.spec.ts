import type { CDPSession, Page } from '@playwright/test';
import { test, expect, openApp, createReport, gotoSection, cell } from './support/fixtures';
import { focusedLabel } from './support/keyboard';

/**
 * Numbers typed with a Chinese input method (issue 13 item 7): full-width digits and marks are
 * accepted wherever numbers are typed, and a composition never loses what was typed. Text arrives
 * as an input method sends it: inserted without a key (full-width mode), or composed and committed
 * (Chromium's own input method events, through the DevTools protocol).
 */

async function tabTo(page: Page, label: string): Promise<void> {
  for (let i = 0; i < 60 && !(await focusedLabel(page)).startsWith(label); i++) await page.keyboard.press('Tab');
  expect(await focusedLabel(page)).toMatch(new RegExp(`^${label}`));
}

/** An input method composing `steps` one after the other, then committing `commit`. */
async function compose(cdp: CDPSession, steps: string[], commit: string): Promise<void> {
  for (const text of steps)
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  await cdp.send('Input.insertText', { text: commit });
}

test('full-width digits and input method compositions in the grid: nothing typed is lost', async ({ page, server }) => {
  const cdp = await page.context().newCDPSession(page);
  await openApp(page, server.url);
  await createReport(page, '云岭县人力资源和社会保障局', 2024);
  await gotoSection(page, /三、收到和处理/);
  await tabTo(page, '一、本年新收申请 · 自然人');

  // Full-width mode: digits arrive as text, without a key of their own.
  await page.keyboard.insertText('１５８０');
  await page.keyboard.press('Tab');
  await expect(cell(page, '一、本年新收申请 · 自然人')).toHaveText('1580');
  await expect(cell(page, '一、本年新收申请 · 商业企业')).toBeFocused();

  // A composition started on a cell that is not being edited: committed, it opens the editor with it.
  await compose(cdp, ['１', '１２'], '１２');
  await expect(page.getByRole('textbox', { name: '编辑 一、本年新收申请 · 商业企业' })).toHaveValue('１２');
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await expect(cell(page, '一、本年新收申请 · 商业企业')).toHaveText('123');
  // Nothing the browser put into the cell while composing is left there.
  await expect(cell(page, '一、本年新收申请 · 商业企业')).toHaveAccessibleName(/：123$/);

  // Inside the editor: Enter while composing commits the composition (the input method's Enter),
  // it does not finish the edit with half the number.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight');
  await expect(cell(page, '一、本年新收申请 · 科研机构')).toBeFocused();
  await page.keyboard.type('4');
  await cdp.send('Input.imeSetComposition', { text: '５', selectionStart: 1, selectionEnd: 1 });
  await page.keyboard.press('Enter');
  await cdp.send('Input.insertText', { text: '５' });
  await expect(page.getByRole('textbox', { name: '编辑 一、本年新收申请 · 科研机构' })).toHaveValue('4５');
  await page.keyboard.press('Enter');
  await expect(cell(page, '一、本年新收申请 · 科研机构')).toHaveText('45');
  await expect(cell(page, '一、本年新收申请 · 总计')).toHaveText('1748');

  // Full-width thousands separator; 。 typed for the decimal point in the fee amount (万元).
  await page.keyboard.press('Home');
  await expect(cell(page, '二、上年结转申请 · 自然人')).toBeFocused();
  await page.keyboard.insertText('１，２００');
  await page.keyboard.press('Enter');
  await expect(cell(page, '二、上年结转申请 · 自然人')).toHaveText('1200');
  await gotoSection(page, /二、主动公开/);
  await tabTo(page, '行政事业性收费 · 本年收费金额');
  await page.keyboard.insertText('１２。５');
  await page.keyboard.press('Enter');
  await expect(cell(page, '行政事业性收费 · 本年收费金额')).toHaveText('12.5');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('full-width digits in the year boxes (cover, new report)', async ({ page, server }) => {
  await openApp(page, server.url);
  await page.getByRole('button', { name: '新建年报' }).first().click();
  const dialog = page.getByRole('dialog', { name: '新建年报' });
  await dialog.getByLabel('机关全称').fill('云岭县档案馆');
  const newYear = dialog.getByLabel('报告年度');
  await newYear.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText('２０２４');
  await expect(dialog.getByText('云岭县档案馆2024年政府信息公开工作年度报告')).toBeVisible();
  await dialog.getByRole('button', { name: '创建并开始填写' }).click();
  await expect(page.getByRole('heading', { name: '封面与落款' })).toBeVisible();
  await expect(page.getByText('统计期为2024年1月1日至12月31日。')).toBeVisible();

  const year = page.getByLabel('报告年度');
  await year.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText('２０２３');
  await page.keyboard.press('Enter');
  await expect(page.getByText('统计期为2023年1月1日至12月31日。')).toBeVisible();
});
