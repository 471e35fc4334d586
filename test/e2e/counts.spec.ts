import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { buildHtml } from '../../shared/export';
import type { Report } from '../../shared/model/types';
import { test, expect, openApp } from './support/fixtures';
import { apiOf, saveOrdinarySample } from './support/api';

/**
 * Issue 13 item 9: one count of warnings and blank cells. The same report shows the same numbers in
 * the library row, the editor's status bar and the comparison view; a file of a batch shows the same
 * numbers in the batch's row and in its preview.
 */

const num = async (where: Locator, re: RegExp): Promise<number> => {
  const text = (await where.innerText()).replace(/\s+/g, ' ');
  const m = re.exec(text);
  return m ? Number(m[1]) : 0;
};

async function libraryCounts(page: Page, agency: string, year: number) {
  const row = page.locator('.library-table tbody tr.ant-table-row', {
    has: page.getByRole('button', { name: `打开${agency}${year}年度年报` }),
  });
  await expect(row).toBeVisible();
  return {
    errors: await num(row, /(\d+) 个错误/),
    warnings: await num(row, /(\d+) 个警告/),
    blank: await num(row, /未填 (\d+) 格/),
  };
}

test('library row, status bar and comparison count the same; a batch row and its preview count the same', async ({
  page,
  server,
  request,
}) => {
  const api = apiOf(request, server);
  const last = await saveOrdinarySample(api);
  const { report } = await api<{ report: Report }>('rolloverReport', { fromId: last.meta.id });
  // This year: 上年结转 against last year's 结转下年度 (X-CARRY), a few figures, the rest blank.
  await api('saveReport', {
    ...report,
    cells: {
      ...report.cells,
      't3.carried_over.natural': 7,
      't3.carried_over.total': 7,
      't2.regulations.issued': 0,
      't2.normative_docs.issued': 2,
    },
  });

  await openApp(page, server.url);
  const agency = report.agency.name;
  const lib = await libraryCounts(page, agency, 2025);
  expect(lib.warnings, 'X-CARRY and the carried text are counted in the library').toBeGreaterThan(0);
  expect(lib.blank).toBeGreaterThan(100);

  await page.getByRole('button', { name: `打开${agency}2025年度年报` }).click();
  const bar = page.locator('.status-counts');
  await expect(bar).toBeVisible();
  await expect(page.getByRole('complementary', { name: '检查结果' })).toContainText('上年结转');
  expect({
    errors: await num(bar, /错误 (\d+)/),
    warnings: await num(bar, /警告 (\d+)/),
    blank: await num(bar, /未填 (\d+) 格/),
  }).toEqual(lib);

  // The comparison view: the blank cells of the three tables add up to the same figure.
  await page
    .getByRole('navigation', { name: '年报各部分' })
    .getByRole('link', { name: /对比上年/ })
    .click();
  await expect(page.getByRole('tab', { name: '表格对比' })).toBeVisible();
  const heads = page.locator('.compare-block h3').filter({ hasNotText: '两年衔接' });
  await expect(heads).toHaveCount(3);
  let blankInCompare = 0;
  for (const h of await heads.all()) blankInCompare += await num(h, /本年 (\d+) 格未填/);
  expect(blankInCompare).toBe(lib.blank);

  // Batch: last year's and this year's published pages; the row and its preview agree.
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-counts-'));
  try {
    // An agency the library does not hold: only the batch knows its last year's report.
    const other = (r: Report): Report => ({
      ...r,
      agency: { ...r.agency, name: '云岭县审计局' },
      title: `云岭县审计局${r.year}年政府信息公开工作年度报告`,
      signature: { ...r.signature, name: '云岭县审计局' },
    });
    const files = [join(dir, '2024.html'), join(dir, '2025.html')];
    writeFileSync(files[0]!, buildHtml(other(last), { standalone: true }));
    writeFileSync(files[1]!, buildHtml(other(await api<Report>('getReport', report.meta.id)), { standalone: true }));
    await page.goto(`${server.origin}/#/batch`);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择文件…' }).click();
    await (await chooser).setFiles(files);
    await expect(page.getByRole('status').filter({ hasText: '共 2 份' })).toBeVisible({ timeout: 120_000 });
    const row = page.locator('.batch-table tbody tr.ant-table-row', { hasText: '2025.html' });
    const cells = row.locator('td');
    const batchErrors = Number(await cells.nth(5).innerText());
    const batchWarnings = Number(await cells.nth(6).innerText());
    expect(batchWarnings).toBeGreaterThan(0);
    await row.getByRole('button', { name: /查看2025\.html的导入预览/ }).click();
    await expect(page.getByRole('heading', { name: /导入预览：2025\.html/ })).toBeVisible();
    const counts = page.locator('.import-counts');
    await expect(page.getByText('已与这次批量检查中的上年报告对照。')).toBeVisible();
    expect({ errors: await num(counts, /(\d+) 个错误/), warnings: await num(counts, /(\d+) 个警告/) }).toEqual({
      errors: batchErrors,
      warnings: batchWarnings,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
