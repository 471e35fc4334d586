import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { buildDocx, buildHtml } from '../../shared/export';
import { sampleReport } from '../../shared/sample/sample-report';
import { test, expect, openApp, expectAccessible, pageErrors } from './support/fixtures';
import { expectFits, settle } from './support/fits';

/** 批量检查 over real files with the real importers and checks: one row per file, a broken one included. */

async function shot(page: Page, name: string) {
  await settle(page);
  await page.screenshot({ path: `.tmp/screens/${name}.png` });
  await expectFits(page, name);
}

test.describe('batch check', () => {
  let dir = '';
  test.beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-batch-'));
  });
  test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('three files, one broken: three rows by severity, a row opens its preview, the summary downloads as CSV', async ({
    page,
    server,
  }) => {
    const clean = sampleReport();
    const broken = sampleReport();
    broken.agency.name = '云岭县审计局';
    broken.title = '云岭县审计局2024年政府信息公开工作年度报告';
    broken.cells['t3.new_received.natural'] = (broken.cells['t3.new_received.natural'] as number) + 9;
    const files = [join(dir, 'a-市场监管局.html'), join(dir, 'b-审计局.docx'), join(dir, 'c-损坏.pdf')];
    writeFileSync(files[0]!, buildHtml(clean, { standalone: true }));
    writeFileSync(files[1]!, await buildDocx(broken, { embed: false }));
    writeFileSync(files[2]!, '%PDF-1.7\n1 0 obj <<>> 这不是完整的 PDF');

    await openApp(page, server.url);
    await page.getByRole('button', { name: '批量检查…' }).click();
    await expect(page.getByRole('heading', { name: '批量检查' })).toBeVisible();
    await expectAccessible(page, 'batch (empty)');
    await shot(page, 'batch-empty');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择文件…' }).click();
    await (await chooser).setFiles(files);

    const status = page.getByRole('status').filter({ hasText: '共 3 份' });
    await expect(status).toBeVisible({ timeout: 120_000 });
    await expect(status).toContainText('有错误 1 份');
    await expect(status).toContainText('无法读取 1 份');
    const rows = page.locator('.batch-table tbody tr.ant-table-row');
    await expect(rows).toHaveCount(3);
    // Most urgent first: unreadable, errors, then the clean report.
    await expect(rows.nth(0)).toContainText('无法读取');
    await expect(rows.nth(0)).toContainText('c-损坏.pdf');
    await expect(rows.nth(1)).toContainText('有错误');
    await expect(rows.nth(1)).toContainText('云岭县审计局');
    await expect(rows.nth(1)).toContainText('Word 文档');
    await expect(rows.nth(2)).toContainText('云溪县市场监督管理局');
    await expect(rows.nth(2)).toContainText('网页');
    await expectAccessible(page, 'batch results');
    await shot(page, 'batch');

    // The summary as CSV (UTF-8 with BOM, one line per file).
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出汇总表（CSV）' }).click();
    const csv = readFileSync((await (await download).path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('无法读取');
    expect(lines[2]).toContain('云岭县审计局');

    // A row opens its import preview; 返回 comes back to the same results.
    await page.getByRole('button', { name: '查看b-审计局.docx的导入预览' }).click();
    await expect(page.getByRole('complementary', { name: '识别结果' })).toContainText('云岭县审计局');
    await expect(page.getByRole('complementary', { name: '识别结果' })).toContainText('列不平衡');
    await page.getByRole('button', { name: '批量检查' }).click();
    await expect(rows).toHaveCount(3);
    expect(pageErrors(page)).toEqual([]);
  });
});
