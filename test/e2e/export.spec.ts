import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  test,
  expect,
  openApp,
  createReport,
  gotoSection,
  typeInCell,
  expectAccessible,
  pageErrors,
} from './support/fixtures';
import { expectFits, settle } from './support/fits';
import { launchServer, tempDataDir } from './support/server';
import { ChromiumPdfPrinter, NO_BROWSER_MESSAGE } from '../../electron/services/export/chromium-printer';

/**
 * 预览 and 导出 in browser mode against the real server: the files are written by the real
 * exporter (the real docx library, headless Chromium for the PDF) into a temporary folder.
 */

const SAMPLE = '云溪县市场监督管理局';
async function shot(page: Page, name: string) {
  await settle(page);
  await page.screenshot({ path: `.tmp/screens/${name}.png` });
  await expectFits(page, name);
}

async function openSample(page: Page) {
  await page
    .getByRole('button', { name: /打开示例年报/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { name: '封面与落款' })).toBeVisible();
}

function preview(page: Page) {
  return page.getByRole('document', { name: /预览/ });
}

test.describe('preview and export', () => {
  let outDir = '';
  test.beforeEach(() => {
    outDir = mkdtempSync(join(tmpdir(), 'nianbao-export-'));
  });
  test.afterEach(() => rmSync(outDir, { recursive: true, force: true }));

  test('预览 shows the report as published and follows the edits', async ({ page, server }) => {
    await openApp(page, server.url);
    await openSample(page);
    await gotoSection(page, /五、存在的主要问题/);
    await page.getByRole('button', { name: '添加段落' }).click();
    const para = page.getByRole('textbox', { name: /^段落（第 \d+ 段）$/ }).last();
    await para.fill('预览测试段落：本年度新增一项改进措施。');
    await page.getByRole('link', { name: /预览全文/ }).click();
    const view = preview(page);
    await expect(view).toContainText(`${SAMPLE}`);
    await expect(view).toContainText('预览测试段落：本年度新增一项改进措施。');
    // The official tables with their labels and figures.
    await expect(view.locator('table')).toHaveCount(3);
    await expect(view).toContainText('本年新收政府信息公开申请数量');
    // Isolated from the app's CSS: the page font is the report's, not the app's.
    const font = await view
      .locator('.nb-p')
      .first()
      .evaluate((el) => getComputedStyle(el).fontFamily);
    expect(font).toContain('仿宋');
    await shot(page, 'preview');

    // Undo (the editor shows the part that changed back); the preview no longer has the paragraph.
    await page.getByRole('button', { name: '撤销' }).click();
    await page.getByRole('link', { name: /预览全文/ }).click();
    await expect(view).toContainText(SAMPLE);
    await expect(view).not.toContainText('预览测试段落');
    await expectAccessible(page, 'preview page');

    // 复制网站版 puts the fragment (HTML + plain text) on the clipboard.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    await page.getByRole('button', { name: '复制网站版' }).click();
    await expect(page.getByText('已复制网站版')).toBeVisible();
    const copied = await page.evaluate(async () => {
      const items = await navigator.clipboard.read();
      const html = await (await items[0]!.getType('text/html')).text();
      const text = await (await items[0]!.getType('text/plain')).text();
      return { html, text };
    });
    expect(copied.html).toContain('<article');
    expect(copied.html).toContain('<table');
    expect(copied.text).toContain('一、总体情况');
    expect(pageErrors(page)).toEqual([]);
  });

  test('export without errors writes .docx, .html and .pdf into the folder and lists them; the toolbar exports in one click', async ({
    page,
    server,
  }) => {
    await openApp(page, server.url);
    await openSample(page);
    await page.getByRole('link', { name: /预览全文/ }).click();
    await page.getByRole('button', { name: '导出…' }).click();
    const dialog = page.getByRole('dialog', { name: '导出年报' });
    await expect(dialog.getByRole('checkbox', { name: /Word 文档/ })).toBeChecked();
    await expect(dialog.getByRole('checkbox', { name: /网页（\.html）/ })).toBeChecked();
    await expect(dialog.getByRole('checkbox', { name: /PDF/ })).toBeChecked();
    await expect(dialog.getByRole('checkbox', { name: /网站版片段/ })).not.toBeChecked();
    // File names are shown before exporting.
    await expect(dialog).toContainText(`${SAMPLE}2024年政府信息公开工作年度报告.docx`);
    await expect(dialog).not.toContainText('我已知晓');
    await dialog.getByLabel('保存到文件夹').fill(outDir);
    await expectAccessible(page, 'export dialog (options)');
    await shot(page, 'export-options');
    await dialog.getByRole('button', { name: '导出', exact: true }).click();
    await expect(dialog).toContainText('已导出 3 个文件', { timeout: 150_000 });
    const base = `${SAMPLE}2024年政府信息公开工作年度报告`;
    for (const ext of ['docx', 'html', 'pdf'])
      await expect(dialog.getByRole('list', { name: '导出的文件' })).toContainText(`${base}.${ext}`);
    await expect(dialog).toContainText(outDir);
    await expectAccessible(page, 'export dialog (done)');
    await shot(page, 'export-done');

    // The files are on disk and are what they say.
    const names = readdirSync(outDir).sort();
    expect(names).toEqual([`${base}.docx`, `${base}.html`, `${base}.pdf`]);
    expect(
      readFileSync(join(outDir, `${base}.docx`))
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    expect(readFileSync(join(outDir, `${base}.html`), 'utf8')).toContain(SAMPLE);
    expect(
      readFileSync(join(outDir, `${base}.pdf`))
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    // 打开所在文件夹 in browser mode: the path to open by hand.
    await dialog.getByRole('button', { name: '打开所在文件夹' }).click();
    await expect(dialog).toContainText('程序不能直接打开文件夹');
    await dialog.getByRole('button', { name: '完成' }).click();
    await expect(dialog).toBeHidden();

    // The toolbar's 导出: no error, so it exports at once with the same choices; nothing is replaced.
    await page.getByRole('toolbar', { name: '编辑工具' }).getByRole('button', { name: '导出' }).click();
    await expect(dialog).toContainText('已导出 3 个文件', { timeout: 150_000 });
    await expect(dialog).toContainText(`${base}(2).docx`);
    await expect(dialog).toContainText('文件夹中已有同名文件');
    expect(readdirSync(outDir)).toHaveLength(6);
    expect(pageErrors(page)).toEqual([]);
  });

  test('a report with a 勾稽 error: the errors are listed and must be acknowledged before exporting', async ({
    page,
    server,
  }) => {
    await openApp(page, server.url);
    await createReport(page, '云岭县水利局', 2024);
    await gotoSection(page, /三、收到和处理/);
    await typeInCell(page, '一、本年新收申请 · 自然人', '5');
    await typeInCell(page, '二、上年结转申请 · 自然人', '1');
    await typeInCell(page, '三（一）予以公开 · 自然人', '3');
    await typeInCell(page, '四、结转下年度继续办理 · 自然人', '1');
    await page.getByRole('toolbar', { name: '编辑工具' }).getByRole('button', { name: '导出' }).click();
    const dialog = page.getByRole('dialog', { name: '导出年报' });
    await expect(dialog).toContainText('这份年报还有');
    await expect(dialog.getByRole('group', { name: /个错误/ })).toContainText('“自然人”列不平衡');
    const exportButton = dialog.getByRole('button', { name: '导出', exact: true });
    await dialog.getByLabel('保存到文件夹').fill(outDir);
    await dialog.getByRole('checkbox', { name: /PDF/ }).uncheck();
    await dialog.getByRole('checkbox', { name: /Word 文档/ }).uncheck();
    await expect(exportButton).toBeDisabled();
    await expectAccessible(page, 'export dialog with errors');
    await shot(page, 'export-errors');
    await dialog.getByRole('checkbox', { name: '我已知晓以上问题，仍要导出' }).check();
    await expect(exportButton).toBeEnabled();
    // No format: no export.
    await dialog.getByRole('checkbox', { name: /网页（\.html）/ }).uncheck();
    await expect(exportButton).toBeDisabled();
    await expect(dialog).toContainText('请至少选择一种格式');
    await dialog.getByRole('checkbox', { name: /网页（\.html）/ }).check();
    await exportButton.click();
    await expect(dialog).toContainText('已导出 1 个文件');
    // The unsaved cell was saved before the export read the report.
    expect(readFileSync(join(outDir, readdirSync(outDir)[0]!), 'utf8')).toMatch(/>5</);
    expect(pageErrors(page)).toEqual([]);
  });

  test('a format that could not be written is named with the reason; the others are written and listed', async ({
    page,
  }) => {
    // A service on a machine without a browser to print with: the real printer, finding none,
    // gives its real message; the .docx and .html are written all the same.
    const dataDir = tempDataDir();
    const server = await launchServer(dataDir, 0, {
      printer: () => new ChromiumPdfPrinter({ find: () => null }),
    });
    try {
      await openApp(page, server.url);
      await openSample(page);
      await page.getByRole('link', { name: /预览全文/ }).click();
      await page.getByRole('button', { name: '导出…' }).click();
      const dialog = page.getByRole('dialog', { name: '导出年报' });
      await dialog.getByLabel('保存到文件夹').fill(outDir);
      await dialog.getByRole('button', { name: '导出', exact: true }).click();
      await expect(dialog).toContainText('已导出 2 个文件，1 个没有导出', { timeout: 150_000 });
      const alert = dialog.getByRole('alert');
      await expect(alert).toContainText('PDF（.pdf）没有导出');
      // NO_BROWSER_MESSAGE, word for word as the service gives it.
      await expect(alert).toContainText(NO_BROWSER_MESSAGE);
      const base = `${SAMPLE}2024年政府信息公开工作年度报告`;
      await expect(dialog.getByRole('list', { name: '导出的文件' })).toContainText(`${base}.docx`);
      expect(readdirSync(outDir).sort()).toEqual([`${base}.docx`, `${base}.html`]);
      await expectAccessible(page, 'export dialog (a failure)');
      await shot(page, 'export-failure');
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('an unusable folder is refused with a message and nothing is lost', async ({ page, server }) => {
    await openApp(page, server.url);
    await openSample(page);
    await page.getByRole('link', { name: /预览全文/ }).click();
    await page.getByRole('button', { name: '导出…' }).click();
    const dialog = page.getByRole('dialog', { name: '导出年报' });
    await dialog.getByLabel('保存到文件夹').fill('相对路径/年报');
    await dialog.getByRole('button', { name: '导出', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText('导出文件夹应为完整路径');
    await expect(dialog.getByLabel('保存到文件夹')).toHaveValue('相对路径/年报');
  });
});
