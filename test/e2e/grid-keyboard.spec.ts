import { test, expect, openApp, createReport, gotoSection, cell } from './support/fixtures';
import { focusedLabel, focusedText, tabTo } from './support/keyboard';

/** The grid and its tools by keyboard alone (issue 13: confirmations, Tab over totals, full-width digits). */

test('剩余空白填 0 and 全部空白填 0: the confirmation takes the focus, Enter confirms, Esc cancels, the focus comes back', async ({
  page,
  server,
}) => {
  await openApp(page, server.url);
  await createReport(page, '云岭县生态环境局', 2024);
  await gotoSection(page, /四、政府信息公开行政复议/);
  await cell(page, '行政复议 · 结果维持').click();
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');

  // From the grid back to the table's 剩余空白填 0, by keyboard only.
  await tabTo(page, async () => (await focusedText(page)) === '剩余空白填 0', { back: true });
  const fillTable = page.getByRole('button', { name: '剩余空白填 0' });
  await page.keyboard.press('Enter');
  const ok = page.getByRole('button', { name: '填 0', exact: true });
  await expect(ok).toBeFocused();
  await expect(page.getByText('把本表剩余的 11 个空白格填为 0？')).toBeVisible();
  // Esc cancels: nothing filled, the focus is back on the button that opened it.
  await page.keyboard.press('Escape');
  await expect(ok).toBeHidden();
  await expect(fillTable).toBeFocused();
  await expect(cell(page, '行政复议 · 结果纠正')).toHaveText('');
  // Enter opens it again and Enter confirms.
  await page.keyboard.press('Enter');
  await expect(ok).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ok).toBeHidden();
  await expect(cell(page, '行政复议 · 结果纠正')).toHaveText('0');
  await expect(cell(page, '行政诉讼·复议后起诉 · 尚未审结')).toHaveText('0');
  await expect(fillTable).toBeFocused();

  // The toolbar's 全部空白填 0, reached with Shift+Tab, works the same way (取消 by Tab then Enter).
  await tabTo(page, async () => (await focusedText(page)).includes('全部空白填 0'), { back: true, max: 80 });
  const fillAll = page.getByRole('button', { name: '全部空白填 0' });
  await page.keyboard.press('Enter');
  const okAll = page.getByRole('button', { name: '填 0', exact: true });
  await expect(okAll).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(
    page.getByRole('button', { name: '取 消' }).or(page.getByRole('button', { name: '取消' })),
  ).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(okAll).toBeHidden();
  await expect(fillAll).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: '填 0', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await gotoSection(page, /三、收到和处理/);
  await expect(cell(page, '一、本年新收申请 · 自然人')).toHaveText('0');
});

test('Tab and Enter pass over the computed 总计 cells, like a protected sheet: a row typed “1 Tab 2 Tab …” loses nothing', async ({
  page,
  server,
}) => {
  await openApp(page, server.url);
  await createReport(page, '云岭县退役军人事务局', 2024);
  await gotoSection(page, /三、收到和处理/);
  await tabTo(page, async () => (await focusedLabel(page)).startsWith('一、本年新收申请 · 自然人'));

  // Six applicant columns, then on into the next row: the 总计 column is never a stop.
  for (const d of ['1', '2', '3', '4', '5', '6', '7', '8']) {
    await page.keyboard.type(d);
    await page.keyboard.press('Tab');
  }
  await expect(cell(page, '一、本年新收申请 · 其他')).toHaveText('6');
  await expect(cell(page, '一、本年新收申请 · 总计')).toHaveText('21');
  await expect(cell(page, '二、上年结转申请 · 自然人')).toHaveText('7');
  await expect(cell(page, '二、上年结转申请 · 商业企业')).toHaveText('8');
  await expect(page.getByRole('alert')).toHaveCount(0);
  // Shift+Tab back from the next row's first cell goes to the row above's last cell that can be filled in.
  await page.keyboard.press('Home');
  await expect(cell(page, '二、上年结转申请 · 自然人')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(cell(page, '一、本年新收申请 · 其他')).toBeFocused();

  // Enter down a column passes over the computed 三（七）总计 row; Shift+Enter back up too.
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Home');
  await expect(cell(page, '四、结转下年度继续办理 · 自然人')).toBeFocused();
  await page.keyboard.press('Shift+Enter');
  await expect(cell(page, '三（六）3.其他 · 自然人')).toBeFocused();
  await page.keyboard.type('9');
  await page.keyboard.press('Enter');
  await expect(cell(page, '四、结转下年度继续办理 · 自然人')).toBeFocused();
  await page.keyboard.type('1');
  await page.keyboard.press('Enter');
  await expect(cell(page, '三（六）3.其他 · 自然人')).toHaveText('9');
  await expect(cell(page, '三（七）总计 · 自然人')).toHaveText('9');
  await expect(cell(page, '四、结转下年度继续办理 · 自然人')).toHaveText('1');
  // Arrows still reach a total (to read it), and Tab goes on from there to the next cell to fill in.
  await page.keyboard.press('ArrowUp');
  await expect(cell(page, '三（七）总计 · 自然人')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(cell(page, '四、结转下年度继续办理 · 自然人')).toBeFocused();

  // Table 4: each group's 总计 is passed over.
  await gotoSection(page, /四、政府信息公开行政复议/);
  await tabTo(page, async () => (await focusedLabel(page)).startsWith('行政复议 · 结果维持'));
  for (const d of ['1', '1', '1', '1', '2']) {
    await page.keyboard.type(d);
    await page.keyboard.press('Tab');
  }
  await expect(cell(page, '行政复议 · 总计')).toHaveText('4');
  await expect(cell(page, '行政诉讼·未经复议直接起诉 · 结果维持')).toHaveText('2');
});
