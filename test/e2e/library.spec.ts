import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { test, expect, openApp, createReport, pageErrors } from './support/fixtures';
import type { TestServer } from './support/server';
import { defaultReportYear } from '../../renderer/src/library/default-year';

function apiOf(request: APIRequestContext, server: TestServer) {
  return async (method: string, ...args: unknown[]) => {
    const res = await request.post(`${server.origin}/api/${method}`, {
      headers: { 'X-Nianbao-Token': server.token, 'Content-Type': 'application/json' },
      data: { args },
    });
    const body = await res.json();
    if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
    return body.result;
  };
}

const rows = (page: import('@playwright/test').Page) => page.locator('.library-table tbody tr.ant-table-row');

test.describe('library', () => {
  test('first run: an empty library with clear ways to begin', async ({ page, server }) => {
    await openApp(page, server.url);
    await expect(page.getByRole('heading', { name: '开始编写政府信息公开工作年度报告' })).toBeVisible();
    await expect(page.getByRole('button', { name: /新建年报/ })).toBeEnabled();
    await expect(page.getByRole('button', { name: /打开示例年报/ })).toBeEnabled();
    await expect(page.getByRole('button', { name: /以上年为基础新建/ })).toBeEnabled();
    await expect(page.getByRole('button', { name: /^导入/ })).toBeEnabled();
    await expect(page.getByRole('button', { name: '批量检查…' })).toBeEnabled();

    await page.getByRole('button', { name: /打开示例年报/ }).click();
    await expect(page.getByText('云溪县市场监督管理局').first()).toBeVisible();
    await expect(page.getByRole('complementary', { name: '检查结果' })).toContainText('未发现问题');
    await page.getByRole('button', { name: '年报库' }).click();
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText('未发现问题');
    expect(pageErrors(page)).toEqual([]);
  });

  test('new report dialog: the year defaults to the report being written (last year; this year in December), format and title follow', async ({
    page,
    server,
  }) => {
    await openApp(page, server.url);
    await page.getByRole('button', { name: /新建年报/ }).click();
    const dialog = page.getByRole('dialog', { name: '新建年报' });
    const year = defaultReportYear();
    await expect(dialog.getByLabel('报告年度')).toHaveValue(String(year));
    await dialog.getByLabel('机关全称').fill('云岭县教育局');
    await expect(dialog).toContainText(`云岭县教育局${year}年政府信息公开工作年度报告`);
    await expect(dialog).toContainText('2021年版格式（国办公开办函〔2021〕30号）');
    await dialog.getByLabel('报告年度').fill('2020');
    await expect(dialog).toContainText('2019年版格式');
    // Nothing is created without an agency name.
    await dialog.getByLabel('机关全称').fill('');
    await dialog.getByRole('button', { name: '创建并开始填写' }).click();
    await expect(dialog).toContainText('请填写机关全称');
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect(page.getByRole('heading', { name: '开始编写政府信息公开工作年度报告' })).toBeVisible();
    // Enter in the name field creates exactly one report.
    await page.getByRole('button', { name: /新建年报/ }).click();
    await dialog.getByLabel('机关全称').fill('云岭县体育局');
    await dialog.getByLabel('机关全称').press('Enter');
    await expect(page.getByRole('heading', { name: '封面与落款' })).toBeVisible();
    await page.getByRole('button', { name: '年报库' }).click();
    await expect(rows(page)).toHaveCount(1);
    expect(pageErrors(page)).toEqual([]);
  });

  test('several agencies and years: search, sort, status, duplicate, delete with 撤销 and the 回收站', async ({
    page,
    server,
    request,
  }) => {
    const api = apiOf(request, server);
    for (const [agency, year] of [
      ['云岭县教育局', 2023],
      ['云岭县教育局', 2024],
      ['云岭县卫生健康委员会', 2024],
      ['云岭县人民政府', 2024],
    ] as const) {
      await api('createReport', { agency, kind: agency.endsWith('人民政府') ? 'government' : 'department', year });
    }
    await openApp(page, server.url);
    await expect(rows(page)).toHaveCount(4);
    // The rows' plain buttons wear antd's Button classes, in the same style scope (hash and CSS
    // variables) as the toolbar's antd Buttons: otherwise they would lose antd's look.
    const scope = (cls: string | null) => (cls ?? '').split(' ').filter((c) => c.startsWith('css-'));
    const antdScope = scope(await page.getByRole('button', { name: /新建年报/ }).getAttribute('class'));
    expect(antdScope).toHaveLength(2);
    for (const name of ['打开', '复制', '删除', /以此为基础新建下一年/, /汇总下级单位/]) {
      const button = rows(page).getByRole('button', { name }).first();
      expect(scope(await button.getAttribute('class'))).toEqual(antdScope);
    }
    await expect(rows(page).getByRole('button', { name: '删除' }).first()).toHaveCSS('color', 'rgb(192, 57, 43)');
    // Newest year first.
    await expect(rows(page).last()).toContainText('2023年');

    await page.getByLabel('搜索年报').fill('教育');
    await expect(rows(page)).toHaveCount(2);
    await page.getByLabel('搜索年报').fill('2023');
    await expect(rows(page)).toHaveCount(1);
    await page.getByLabel('搜索年报').fill('');
    await page.getByRole('columnheader', { name: '年度' }).click();
    await expect(rows(page).first()).toContainText('2023年');

    // Status, straight from the list; it is saved.
    const row = rows(page).filter({ hasText: '云岭县人民政府' });
    await row.getByLabel('云岭县人民政府2024年度年报的状态').selectOption({ label: '送审' });
    await expect(row.getByLabel('云岭县人民政府2024年度年报的状态')).toHaveValue('review');
    const lib = await api('listReports');
    expect(lib.reports.find((r: { agency: string }) => r.agency === '云岭县人民政府').status).toBe('review');

    await row.getByRole('button', { name: '复制' }).click();
    await expect(rows(page)).toHaveCount(5);

    // Delete, then 撤销 from the message.
    const health = rows(page).filter({ hasText: '云岭县卫生健康委员会' });
    await health.getByRole('button', { name: '删除' }).click();
    await page.getByRole('button', { name: '删除', exact: true }).last().click();
    await expect(rows(page)).toHaveCount(4);
    await page.getByRole('button', { name: '撤销' }).click();
    await expect(rows(page)).toHaveCount(5);
    await expect(rows(page).filter({ hasText: '云岭县卫生健康委员会' })).toHaveCount(1);

    // Delete again and restore from the 回收站.
    await rows(page).filter({ hasText: '云岭县卫生健康委员会' }).getByRole('button', { name: '删除' }).click();
    await page.getByRole('button', { name: '删除', exact: true }).last().click();
    await expect(rows(page)).toHaveCount(4);
    await page.getByRole('button', { name: /回收站（1）/ }).click();
    const drawer = page.getByRole('dialog', { name: '回收站' });
    await drawer.getByRole('button', { name: /恢复“云岭县卫生健康委员会”2024年度年报/ }).click();
    await expect(rows(page)).toHaveCount(5);
    await drawer.getByRole('button', { name: '关闭回收站' }).click();
  });

  test('a long library: every report counted, sorted and searched, only the rows in sight drawn', async ({
    page,
    server,
    request,
  }) => {
    const api = apiOf(request, server);
    const made: Array<{ agency: string; year: number }> = [];
    for (let i = 1; i <= 90; i++) {
      const item = { agency: `云岭县第${i}局`, year: 2020 + (i % 5) };
      await api('createReport', { ...item, kind: 'department' });
      made.push(item);
    }
    // The library's own order: newest year first, then agency.
    made.sort((a, b) => b.year - a.year || a.agency.localeCompare(b.agency, 'zh-CN'));
    await openApp(page, server.url);
    await expect(page.locator('.library-foot')).toContainText('共 90 份年报');
    await expect(rows(page).first()).toContainText(made[0]!.agency);
    const drawn = await rows(page).count();
    expect(drawn).toBeGreaterThan(3);
    expect(drawn).toBeLessThan(90);

    // The end of the list is reached by scrolling, as with every row drawn.
    await page.locator('.library-main').evaluate((el) => (el.scrollTop = el.scrollHeight));
    const last = rows(page).filter({ hasText: made[89]!.agency });
    await expect(last).toBeVisible();
    await expect(rows(page).last()).toContainText(`${made[89]!.agency}`);

    // Search and sort take every report, drawn or not.
    await page.locator('.library-main').evaluate((el) => (el.scrollTop = 0));
    await page.getByLabel('搜索年报').fill('第77局');
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText('云岭县第77局');
    await page.getByLabel('搜索年报').fill('');
    await page.getByRole('columnheader', { name: '年度' }).click();
    await expect(page.getByRole('columnheader', { name: '年度' })).toHaveAttribute('aria-sort', 'ascending');
    const oldest = made.filter((m) => m.year === 2020).map((m) => m.agency);
    await expect(rows(page).first()).toContainText('2020年');
    expect(oldest).toContain((await rows(page).first().getByRole('button').first().textContent())?.trim());
    await page.getByRole('columnheader', { name: '年度' }).press('Enter');
    await expect(rows(page).first()).toContainText('2024年');
    expect(pageErrors(page)).toEqual([]);
  });

  test('a damaged report is listed with its problem and restored from a backup', async ({ page, server, request }) => {
    const api = apiOf(request, server);
    const report = await api('createReport', { agency: '云岭县档案馆', kind: 'department', year: 2024 });
    // Deleting and restoring leaves a backup of the report as it was.
    await api('deleteReport', report.meta.id);
    await api('restoreReport', report.meta.id);
    const dir = join(server.dataDir, 'reports');
    const file = readdirSync(dir).find((f) => f.startsWith(report.meta.id))!;
    writeFileSync(join(dir, file), '{"kind": "nianbao.report", "year": ');

    await openApp(page, server.url);
    const alert = page.getByRole('alert').filter({ hasText: '有一份年报文件无法读取' });
    await expect(alert).toBeVisible();
    await alert.getByRole('button', { name: '从备份恢复…' }).click();
    const dialog = page.getByRole('dialog', { name: '从备份恢复' });
    await expect(dialog.getByRole('radio')).not.toHaveCount(0);
    await dialog.getByRole('button', { name: '恢复所选备份' }).click();
    await expect(alert).toHaveCount(0);
    await expect(rows(page).filter({ hasText: '云岭县档案馆' })).toHaveCount(1);
  });

  test('opening a report keeps unsaved edits when coming back before the save', async ({ page, server }) => {
    await openApp(page, server.url);
    await createReport(page, '云岭县气象局', 2024);
    await page.getByLabel('所属人民政府（可选）').fill('云岭县人民政府');
    await page.getByRole('button', { name: '年报库' }).click();
    await rows(page).first().getByRole('button', { name: '打开', exact: true }).click();
    await expect(page.getByLabel('所属人民政府（可选）')).toHaveValue('云岭县人民政府');
  });
});
