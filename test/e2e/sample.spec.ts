import { test, expect, openApp, gotoSection, typeInCell, waitSaved, pageErrors } from './support/fixtures';
import { SAMPLE_AGENCY } from '../../shared/sample/sample-report';

/**
 * Issue 13 item 3: the sample report is clearly marked 示例, is never anyone's last year (X-CARRY,
 * X-IN-FORCE, the comparison, the trend chart), never in a real agency's history, and can be deleted
 * for good. The clerk here works for an agency of the same name as the sample's, the worst case.
 */

test('the sample is marked, is nobody’s last year or history, and is deleted for good', async ({ page, server }) => {
  await openApp(page, server.url);
  await page.getByRole('button', { name: /打开示例年报/ }).click();
  await expect(page.getByRole('heading', { name: '封面与落款' })).toBeVisible();
  const banner = page.getByRole('alert').filter({ hasText: '这是程序自带的示例年报' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('不会作为任何年报的上年报告');
  await page.screenshot({ path: '.tmp/screens/sample-editor.png' });

  // The library row says 示例 and offers no 新建下一年.
  await page.getByRole('button', { name: '年报库' }).click();
  const row = page.locator('.library-table tbody tr.ant-table-row').first();
  await expect(row.getByText('示例', { exact: true })).toBeVisible();
  await expect(row.getByRole('button', { name: /新建下一年/ })).toHaveCount(0);

  // A real report of the same agency, the year after: the sample's agency is not suggested.
  await page
    .getByRole('button', { name: /新建年报/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog', { name: '新建年报' });
  await dialog.getByLabel('机关全称').fill('云溪');
  await expect(page.locator('.ant-select-item-option', { hasText: SAMPLE_AGENCY })).toHaveCount(0);
  await dialog.getByLabel('机关全称').fill(SAMPLE_AGENCY);
  await dialog.getByLabel('报告年度').fill('2025');
  await dialog.getByRole('button', { name: '创建并开始填写' }).click();
  await expect(page.getByRole('heading', { name: '封面与落款' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '这是程序自带的示例年报' })).toHaveCount(0);

  // 上年结转 that the sample's 结转下年度 (1) would contradict: no cross-year finding, no comparison.
  await gotoSection(page, /三、收到和处理/);
  await typeInCell(page, '二、上年结转申请 · 自然人', '5');
  await waitSaved(page);
  const panel = page.getByRole('complementary', { name: '检查结果' });
  await expect(panel).toContainText('空白');
  await expect(panel.getByText(/上年结转”与2024年度报告/)).toHaveCount(0);
  await expect(
    page.getByRole('navigation', { name: '年报各部分' }).getByRole('link', { name: /对比上年/ }),
  ).toHaveCount(0);
  // The trend chart holds only this report's year.
  const id = decodeURIComponent(new URL(page.url()).hash.split('/')[2]!);
  await page.goto(`${server.origin}/#/report/${encodeURIComponent(id)}/compare`);
  await expect(page.getByText('年报库中只有这一年的数字')).toBeVisible();
  await expect(page.getByRole('table', { name: /历年主要数字/ }).getByRole('row')).toHaveCount(2);

  // 以上年为基础新建 does not offer the sample.
  await page.goto(server.url);
  await expect(page.locator('.library-table')).toBeVisible();
  await page
    .getByRole('button', { name: /以上年为基础新建/ })
    .first()
    .click();
  const rollover = page.getByRole('dialog', { name: '以上年报告为基础新建' });
  await rollover.getByLabel('选择上年报告').click();
  await expect(page.locator('.ant-select-item-option')).toHaveCount(1);
  await expect(page.locator('.ant-select-item-option').first()).toContainText('2025年度');
  // Esc closes the list first, then the dialog: the second press only once the list is gone (pressed
  // during the list's closing animation, the select would take it again).
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-select-item-option').first()).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(rollover).toBeHidden();

  // Deleted from its banner, and it stays deleted after a reload.
  await page.getByRole('button', { name: /打开.*2024年度年报/ }).click();
  await page
    .getByRole('alert')
    .filter({ hasText: '这是程序自带的示例年报' })
    .getByRole('button', { name: '删除示例年报' })
    .click();
  await expect(page.getByRole('heading', { name: '年报库' })).toBeVisible();
  await expect(page.getByText(/已删除示例年报/)).toBeVisible();
  await expect(page.locator('.library-table tbody tr.ant-table-row')).toHaveCount(1);
  await page.reload();
  await expect(page.locator('.library-table tbody tr.ant-table-row')).toHaveCount(1);
  await expect(page.locator('.library-table').getByText('示例', { exact: true })).toHaveCount(0);
  expect(pageErrors(page)).toEqual([]);
});
