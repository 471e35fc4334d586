import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { APIRequestContext, Page } from '@playwright/test';
import { buildDocx, buildHtml } from '../../shared/export';
import { sampleReport } from '../../shared/sample/sample-report';
import type { Report } from '../../shared/model/types';
import { test, expect, openApp, expectAccessible, pageErrors } from './support/fixtures';
import { expectFits, settle } from './support/fits';
import type { TestServer } from './support/server';

/**
 * 导入 in browser mode with the real server and the real importers: files made by our own
 * exporters (buildHtml, buildDocx), a file that is no report, and an exported .docx edited the way
 * Word/WPS would (the text of a paragraph changed inside word/document.xml).
 */

async function shot(page: Page, name: string) {
  await settle(page);
  await page.screenshot({ path: `.tmp/screens/${name}.png` });
  await expectFits(page, name);
}

function reportOf(agency: string, year: number): Report {
  const r = sampleReport();
  r.agency.name = agency;
  r.year = year;
  r.title = `${agency}${year}年政府信息公开工作年度报告`;
  r.signature.name = agency;
  return r;
}

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

async function chooseFile(page: Page, button: ReturnType<Page['getByRole']>, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await button.click();
  await (await chooser).setFiles(path);
}

const rows = (page: Page) => page.locator('.library-table tbody tr.ant-table-row');

test.describe('import', () => {
  let dir = '';
  test.beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-import-'));
  });
  test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('a published web page: detected agency, year, format and cells; saving adds it to the library', async ({
    page,
    server,
  }) => {
    const report = reportOf('云岭县卫生健康委员会', 2023);
    report.cells['t3.new_received.natural'] = 37;
    report.cells['t3.new_received.total'] =
      (report.cells['t3.new_received.total'] as number) +
      37 -
      (sampleReport().cells['t3.new_received.natural'] as number);
    const file = join(dir, '云岭县卫健委2023年报.html');
    writeFileSync(file, buildHtml(report, { standalone: true }));

    await openApp(page, server.url);
    await chooseFile(page, page.getByRole('button', { name: /导入…/ }).first(), file);
    await expect(page.getByRole('heading', { name: /导入预览/ })).toContainText('云岭县卫健委2023年报.html');
    const facts = page.getByRole('complementary', { name: '识别结果' });
    await expect(facts).toContainText('网页');
    await expect(facts).toContainText('2021年版格式');
    await expect(facts).toContainText('2023年度');
    await expect(facts).toContainText('云岭县卫生健康委员会');
    await expect(facts).toContainText(/表三.*高（\d+%）/);
    // The cells as imported, in the report view.
    const view = page.getByRole('document', { name: '导入的年报全文' });
    await expect(view.locator('table')).toHaveCount(3);
    await expect(view.locator('td', { hasText: /^37$/ }).first()).toBeVisible();
    await expectAccessible(page, 'import preview');
    await shot(page, 'import-preview');

    await page.getByRole('button', { name: '保存到年报库' }).click();
    await expect(page.getByRole('heading', { name: '封面与落款' })).toBeVisible();
    await expect(page.getByText('已将“云岭县卫生健康委员会”2023年度年报保存到年报库')).toBeVisible();
    await page.getByRole('button', { name: '年报库' }).click();
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText('云岭县卫生健康委员会');
    await expect(rows(page).first()).toContainText('2023年');
    expect(pageErrors(page)).toEqual([]);
  });

  test('以此为上年报告新建 from the preview: the rollover dialog starts from the imported file', async ({
    page,
    server,
  }) => {
    const file = join(dir, '林业局2023.html');
    writeFileSync(file, buildHtml(reportOf('云岭县林业局', 2023), { standalone: true }));
    await openApp(page, server.url);
    await chooseFile(page, page.getByRole('button', { name: /导入…/ }).first(), file);
    await page.getByRole('button', { name: '以此为上年报告新建…' }).click();
    const dialog = page.getByRole('dialog', { name: '以上年报告为基础新建' });
    await expect(dialog).toContainText('云岭县林业局');
    await shot(page, 'import-rollover');
    await dialog.getByRole('button', { name: '新建并打开' }).click();
    await expect(page.getByRole('heading', { name: '封面与落款' })).toBeVisible();
    await expect(page.getByLabel('机关全称')).toHaveValue('云岭县林业局');
    await expect(page.locator('.doc-year')).toHaveText('2024年度');
    expect(pageErrors(page)).toEqual([]);
  });

  test('a .docx made by the exporter, dropped onto the library window', async ({ page, server }) => {
    const report = reportOf('云岭县统计局', 2024);
    const bytes = await buildDocx(report);
    await openApp(page, server.url);
    await page.evaluate(
      ({ data, name }) => {
        const file = new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name);
        const dt = new DataTransfer();
        dt.items.add(file);
        const target = document.querySelector('main')!;
        for (const type of ['dragenter', 'dragover', 'drop'])
          target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      },
      { data: Buffer.from(bytes).toString('base64'), name: '统计局2024.docx' },
    );
    const facts = page.getByRole('complementary', { name: '识别结果' });
    await expect(facts).toContainText('本程序导出的 Word');
    await expect(facts).toContainText('云岭县统计局');
    await expect(facts).toContainText('2024年度');
    // The sample's text names its own agency: a warning, but no error.
    await expect(facts).not.toContainText('个错误');
    await expect(page.getByRole('document', { name: '导入的年报全文' })).toContainText('本年新收政府信息公开申请数量');
    await page.getByRole('button', { name: '保存到年报库' }).click();
    await expect(page.getByRole('heading', { name: '封面与落款' })).toBeVisible();
    await expect(page.getByLabel('机关全称')).toHaveValue('云岭县统计局');
  });

  test('several files dropped onto the library are checked as a batch', async ({ page, server }) => {
    const files = [
      {
        name: '统计局2024.docx',
        data: Buffer.from(await buildDocx(reportOf('云岭县统计局', 2024))).toString('base64'),
      },
      {
        name: '审计局2024.docx',
        data: Buffer.from(await buildDocx(reportOf('云岭县审计局', 2024))).toString('base64'),
      },
    ];
    await openApp(page, server.url);
    await page.evaluate((list) => {
      const dt = new DataTransfer();
      for (const { data, name } of list)
        dt.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name));
      const target = document.querySelector('main')!;
      for (const type of ['dragenter', 'dragover', 'drop'])
        target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, files);
    await expect(page.getByRole('heading', { name: '批量检查' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: '共 2 份' })).toBeVisible({ timeout: 120_000 });
    const rows = page.locator('.batch-table tbody tr.ant-table-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: '云岭县统计局' })).toHaveCount(1);
    await expect(rows.filter({ hasText: '云岭县审计局' })).toHaveCount(1);
    expect(pageErrors(page)).toEqual([]);
  });

  test('a file that is not a report is refused with the reason in Chinese; an oversized file is refused before upload', async ({
    page,
    server,
  }) => {
    const file = join(dir, '会议通知.txt');
    writeFileSync(file, '关于召开年度工作会议的通知\n请各科室负责人于下午三点到会议室参加会议。\n');
    await openApp(page, server.url);
    await chooseFile(page, page.getByRole('button', { name: /导入…/ }).first(), file);
    const dialog = page.getByRole('dialog').filter({ hasText: '没有导入“会议通知.txt”' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(/年报/);
    await expect(dialog).toContainText('可以导入：');
    await expectAccessible(page, 'import refusal');
    await shot(page, 'import-refused');
    await dialog.getByRole('button', { name: '知道了' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { name: '开始编写政府信息公开工作年度报告' })).toBeVisible();
    await shot(page, 'first-run');

    // #/import without a file (e.g. after a reload): a plain way on.
    await page.goto(`${server.origin}/#/import`);
    await expect(page.getByText('没有正在导入的文件')).toBeVisible();
    await expectAccessible(page, 'import (nothing to preview)');
    await page.getByRole('button', { name: '年报库' }).click();

    // 51 MB: refused by the page itself with the size, nothing is sent.
    const big = join(dir, '扫描件.pdf');
    writeFileSync(big, Buffer.alloc(51 * 1024 * 1024, 0x20));
    let sent = false;
    page.on('request', (r) => r.url().includes('/api/importFile') && (sent = true));
    await chooseFile(page, page.getByRole('button', { name: /导入…/ }).first(), big);
    await expect(page.getByRole('dialog').filter({ hasText: '超过了 36 MB' })).toBeVisible();
    expect(sent).toBe(false);
  });

  test('an exported .docx edited in Word: the edit is shown; taking it or leaving it decides what is saved', async ({
    page,
    server,
    request,
  }) => {
    const api = apiOf(request, server);
    await openApp(page, server.url);
    await page.getByRole('button', { name: /打开示例年报/ }).click();
    await expect(page.getByRole('heading', { name: '封面与落款' })).toBeVisible();
    const id = decodeURIComponent(new URL(page.url()).hash.split('/')[2]!);
    await page.getByRole('button', { name: '年报库' }).click();

    // Export the .docx, then edit one paragraph's text the way Word would save it.
    const rendered = (await api('renderReport', id, 'docx')) as { data: string };
    const zip = await JSZip.loadAsync(Buffer.from(rendered.data, 'base64'));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('定期组织业务培训');
    zip.file('word/document.xml', xml.replace('定期组织业务培训', '每季度组织一次业务培训'));
    const edited = join(dir, '审签后.docx');
    writeFileSync(edited, await zip.generateAsync({ type: 'nodebuffer' }));

    // 1. Take the edit, update the report in the library.
    await chooseFile(page, page.getByRole('button', { name: /导入…/ }).first(), edited);
    await expect(page.getByText('年报库中已有这份年报')).toBeVisible();
    const diffs = page.getByRole('region', { name: /在 Word \/ WPS 中改动了 1 处/ });
    await expect(diffs).toBeVisible();
    await expect(diffs).toContainText('五、存在的主要问题及改进情况');
    await expect(diffs.getByRole('listitem').locator('del').first()).toHaveText('定期');
    await expect(diffs.getByRole('listitem').locator('ins')).toHaveText(['每季度', '一次']);
    const take = diffs.getByRole('checkbox', { name: /^采用修改/ });
    await expect(take).toBeChecked();
    await expectAccessible(page, 'differences');
    await shot(page, 'import-differences');
    await page.getByRole('button', { name: '更新原报告' }).click();
    await expect(page.getByRole('heading', { name: '封面与落款' })).toBeVisible();
    expect(page.url()).toContain(encodeURIComponent(id));
    const updated = (await api('getReport', id)) as Report;
    const text = (r: Report) =>
      r.sections
        .find((s) => s.id === 'problems')!
        .blocks.map((b) => b.text)
        .join('\n');
    expect(text(updated)).toContain('每季度组织一次业务培训');

    // 2. Leave it (全部不采用) and keep both: a new report with the app's own text.
    await page.getByRole('button', { name: '年报库' }).click();
    await chooseFile(page, page.getByRole('button', { name: /导入…/ }).first(), edited);
    await expect(diffs).toBeVisible();
    await diffs.getByRole('button', { name: '全部不采用' }).click();
    await expect(diffs.getByRole('checkbox', { name: /^采用修改/ })).not.toBeChecked();
    await expect(diffs).toContainText('已采用 0 / 1 处');
    // The full text follows the choice.
    await page.getByRole('tab', { name: /全文与表格/ }).click();
    await expect(page.getByRole('document', { name: '导入的年报全文' })).toContainText('定期组织业务培训');
    await page.getByRole('button', { name: '另存为新报告' }).click();
    await expect(page.getByRole('heading', { name: '封面与落款' })).toBeVisible();
    const newId = decodeURIComponent(new URL(page.url()).hash.split('/')[2]!);
    expect(newId).not.toBe(id);
    expect(text((await api('getReport', newId)) as Report)).toContain('定期组织业务培训');
    expect(text((await api('getReport', id)) as Report)).toContain('每季度组织一次业务培训');
    await page.getByRole('button', { name: '年报库' }).click();
    await expect(rows(page)).toHaveCount(2);
    expect(pageErrors(page)).toEqual([]);
  });
});
