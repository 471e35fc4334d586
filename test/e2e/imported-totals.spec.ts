import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect, openApp, createReport, gotoSection, cell, typeInCell, waitSaved } from './support/fixtures';

/**
 * Imported totals that do not add up (issue 13 item 8): the finding shows the published total and
 * the sum of its parts, and never asks to correct a cell the clerk cannot type in; retyping a part
 * does not silently replace the published total; 采用计算值 takes the sum in one click (an undo
 * step), 保留原总计 keeps the published figure on purpose, with a reason.
 */

type Api = (method: string, args: unknown[]) => Promise<{ ok: boolean; result: Record<string, unknown> }>;

function apiOf(request: APIRequestContext, server: { origin: string; token: string }): Api {
  return async (method, args) =>
    (
      await request.post(`${server.origin}/api/${method}`, {
        headers: { 'X-Nianbao-Token': server.token, 'Content-Type': 'application/json' },
        data: { args },
      })
    ).json();
}

/** A report as published by a district (洪泽 2023 pattern): 行政复议 维持 10, 纠正 1, but 总计 printed 0. */
async function publishedReport(page: Page, api: Api): Promise<string> {
  await createReport(page, '云岭县交通运输局', 2024);
  const id = new URL(page.url()).hash.split('/')[2]!;
  await waitSaved(page);
  const report = (await api('getReport', [id])).result as { cells: Record<string, number | null> };
  Object.assign(report.cells, {
    't4.review.maintained': 10,
    't4.review.corrected': 1,
    't4.review.other': 0,
    't4.review.pending': 0,
    't4.review.total': 0,
    't4.lit_direct.maintained': 2,
    't4.lit_direct.corrected': 0,
    't4.lit_direct.other': 0,
    't4.lit_direct.pending': 0,
    't4.lit_direct.total': 2,
  });
  expect((await api('saveReport', [report])).ok).toBe(true);
  await page.goto(`${new URL(page.url()).origin}/#/`);
  await page.goto(`${new URL(page.url()).origin}/#/report/${id}/review`);
  return id;
}

test('a published total that does not add up: both figures shown, kept while parts are retyped, 采用计算值 in one click', async ({
  page,
  server,
  request,
}) => {
  await openApp(page, server.url);
  await publishedReport(page, apiOf(request, server));
  const panel = page.getByRole('complementary', { name: '检查结果' });
  const finding = panel.locator('li.finding', { hasText: '行政复议 · 总计应为' });
  await expect(finding).toContainText('各项相加为 11，表中的总计是 0');
  await expect(finding).not.toContainText('改正总计');
  await expect(cell(page, '行政复议 · 总计')).toHaveText('0');
  await expect(cell(page, '行政复议 · 总计')).toHaveClass(/mark-error/);
  await page.screenshot({ path: '.tmp/screens/imported-total-finding.png' });

  // Typing on the total is refused with the way out.
  await cell(page, '行政复议 · 总计').click();
  await page.keyboard.type('1');
  await expect(page.getByRole('alert').filter({ hasText: '采用计算值' })).toBeVisible();
  await page.keyboard.press('Escape');

  // Retyping a part does not replace the published total behind the clerk's back; the finding follows.
  await typeInCell(page, '行政复议 · 结果纠正', '2');
  await expect(cell(page, '行政复议 · 总计')).toHaveText('0');
  await expect(finding).toContainText('各项相加为 12，表中的总计是 0');
  // A total that added up still follows its parts.
  await typeInCell(page, '行政诉讼·未经复议直接起诉 · 结果纠正', '1');
  await expect(cell(page, '行政诉讼·未经复议直接起诉 · 总计')).toHaveText('3');

  // 采用计算值 12: one click, the finding goes, the cell is shown; one undo step brings the published figure back.
  await finding.getByRole('button', { name: '采用计算值 12', exact: true }).click();
  await expect(cell(page, '行政复议 · 总计')).toHaveText('12');
  await expect(panel.locator('li.finding', { hasText: '行政复议 · 总计应为' })).toHaveCount(0);
  await expect(cell(page, '行政复议 · 总计')).toBeFocused();
  await page.getByRole('button', { name: '撤销' }).click();
  await expect(cell(page, '行政复议 · 总计')).toHaveText('0');
  await expect(finding).toContainText('各项相加为 12，表中的总计是 0');
  await page.getByRole('button', { name: '重做' }).click();
  await expect(cell(page, '行政复议 · 总计')).toHaveText('12');
  // From now on it follows its parts like any total.
  await typeInCell(page, '行政复议 · 尚未审结', '1');
  await expect(cell(page, '行政复议 · 总计')).toHaveText('13');
  await waitSaved(page);
});

test('保留原总计: the published figure kept on purpose, with a reason, listed as such', async ({
  page,
  server,
  request,
}) => {
  await openApp(page, server.url);
  const api = apiOf(request, server);
  const id = await publishedReport(page, api);
  const panel = page.getByRole('complementary', { name: '检查结果' });
  const finding = panel.locator('li.finding', { hasText: '行政复议 · 总计应为' });
  await finding.getByRole('button', { name: '保留原总计…' }).click();
  const reason = panel.getByLabel('保留原总计的理由');
  await expect(reason).toBeFocused();
  await expect(reason).toHaveValue('与发布的原表一致，保留原来的总计');
  await page.keyboard.press('Enter');
  await expect(panel.locator('li.finding:not(.dismissed)', { hasText: '行政复议 · 总计应为' })).toHaveCount(0);
  await panel.getByRole('button', { name: /已忽略（1）/ }).click();
  await expect(panel.locator('li.finding.dismissed')).toContainText('与发布的原表一致');
  // Kept: retyping a part leaves it as published.
  await gotoSection(page, /四、政府信息公开行政复议/);
  await typeInCell(page, '行政复议 · 其他结果', '1');
  await expect(cell(page, '行政复议 · 总计')).toHaveText('0');
  await waitSaved(page);
  const saved = (await api('getReport', [id])).result as {
    cells: Record<string, number>;
    meta: { dismissals: { rule: string; reason: string }[] };
  };
  expect(saved.cells['t4.review.total']).toBe(0);
  expect(saved.meta.dismissals).toEqual([
    expect.objectContaining({ rule: 'T4-TOTAL', reason: '与发布的原表一致，保留原来的总计' }),
  ]);
});
