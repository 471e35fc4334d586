import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { buildDocx, buildHtml } from '../../shared/export';
import type { Report } from '../../shared/model/types';
import { sampleReport } from '../../shared/sample/sample-report';
import { test, expect, openApp, gotoSection, pageErrors } from './support/fixtures';
import { apiOf, saveOrdinarySample } from './support/api';
import { launchServer, tempDataDir } from './support/server';

/**
 * Issue 13 item 12, the small things, each as the clerk meets it: the first screen's text, the
 * rollover notice beside (not over) the findings, 确认无需修改 and the 雷同 warning, 打开所在文件夹 in
 * browser mode, the import preview's findings (clickable, named in words, confidence explained),
 * and the batch's folder picker and duplicates.
 */

const shot = (page: Page, name: string) => page.screenshot({ path: `.tmp/screens/${name}.png` });

const boxesOverlap = (
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('first screen text; rollover notice beside the findings; 确认无需修改 settles the 雷同 warning', async ({
  page,
  server,
  request,
}) => {
  await openApp(page, server.url);
  const lead = page.locator('.welcome-lead');
  await expect(lead).toContainText('勾稽平衡、文字');
  expect(await lead.innerText()).not.toMatch(/、\s/);

  const api = apiOf(request, server);
  const last = await saveOrdinarySample(api);
  await page.reload();
  await page.getByRole('button', { name: `以此为基础新建下一年：${last.agency.name}2025年度` }).click();
  const dialog = page.getByRole('dialog', { name: '以上年报告为基础新建' });
  await expect(dialog.getByText('上年报告：')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '封面与落款' })).toBeVisible();

  // The notice is part of the page, not a floating box over the findings panel.
  const notice = page.locator('.rollover-notice-banner');
  await expect(notice).toBeVisible();
  const panel = page.getByRole('complementary', { name: '检查结果' });
  await expect(panel).toBeVisible();
  expect(boxesOverlap((await notice.boundingBox())!, (await panel.boundingBox())!)).toBe(false);
  await expect(page.locator('.ant-notification-notice')).toHaveCount(0);
  await shot(page, 'rollover-notice');

  // A carried paragraph that repeats last year's: its warning says to rewrite it.
  await gotoSection(page, /一、总体情况/);
  const carried = page.locator('.nblock', { has: page.locator('.carried-bar') }).first();
  await expect(carried).toBeVisible();
  const index = await carried.getAttribute('data-block');
  const block = page.locator(`.nblock[data-block="${index}"]`);
  await expect(block.locator('.nblock-findings')).toContainText('请按本年度的实际工作改写');
  const dismissedBefore = await page.getByRole('complementary', { name: '检查结果' }).innerText();
  await block.getByRole('button', { name: '确认无需修改' }).click();
  await expect(block.locator('.carried-bar')).toHaveCount(0);
  // The clerk has checked it and keeps it: the warning no longer tells them to rewrite it.
  await expect(block).not.toContainText('请按本年度的实际工作改写');
  await expect(panel).not.toHaveText(dismissedBefore);
  await expect(panel).toContainText(/已忽略/);
  await shot(page, 'confirmed-carried');
  expect(pageErrors(page)).toEqual([]);
});

test('打开所在文件夹 in browser mode says what happened and shows the folder to copy', async ({ page, request }) => {
  const dataDir = tempDataDir();
  const outDir = mkdtempSync(join(tmpdir(), 'nianbao-reveal-'));
  const revealed: string[] = [];
  const server = await launchServer(dataDir, 0, {
    revealPath: async (p) => {
      revealed.push(p);
    },
  });
  try {
    const api = apiOf(request, server);
    const report = await saveOrdinarySample(api);
    await openApp(page, server.url);
    await page.getByRole('button', { name: `打开${report.agency.name}2024年度年报` }).click();
    await page.getByRole('link', { name: /预览全文/ }).click();
    await page.getByRole('button', { name: '导出…' }).click();
    const dialog = page.getByRole('dialog', { name: '导出年报' });
    await dialog.getByRole('checkbox', { name: /网页（\.html）/ }).uncheck();
    await dialog.getByRole('checkbox', { name: /PDF/ }).uncheck();
    await dialog.getByLabel('保存到文件夹').fill(outDir);
    await dialog.getByRole('button', { name: '导出', exact: true }).click();
    await expect(dialog).toContainText('已导出 1 个文件', { timeout: 120_000 });
    await dialog.getByRole('button', { name: '打开所在文件夹' }).click();
    await expect(dialog).toContainText('已请系统的文件管理器打开这个文件夹');
    const note = dialog.locator('.ant-alert', { hasText: '已请系统的文件管理器打开这个文件夹' });
    await expect(note.locator('code')).toHaveText(outDir);
    await expect(note.getByRole('button', { name: '复制路径' })).toBeVisible();
    expect(revealed).toHaveLength(1);
    await shot(page, 'export-reveal');
    expect(pageErrors(page)).toEqual([]);
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  }
});

function reportOf(agency: string, year: number): Report {
  const r = sampleReport();
  r.agency.name = agency;
  r.year = year;
  r.title = `${agency}${year}年政府信息公开工作年度报告`;
  r.signature.name = agency;
  return r;
}

test('import preview: findings named in words and clickable to their place; 表四 confidence explained', async ({
  page,
  server,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-small-'));
  try {
    const r = reportOf('云岭县水务局', 2024);
    // A printed row total that does not add up: a finding on a cell of 表三.
    r.cells = { ...r.cells, 't3.res_open.total': (Number(r.cells['t3.res_open.total']) || 0) + 7 };
    const file = join(dir, '水务局2024.html');
    writeFileSync(file, buildHtml(r, { standalone: true }));
    await openApp(page, server.url);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /导入…/ }).first().click();
    await (await chooser).setFiles(file);
    await expect(page.getByRole('heading', { name: /导入预览/ })).toBeVisible();

    const side = page.getByRole('complementary', { name: '识别结果' });
    const finding = side.locator('.import-finding-link', { hasText: '三（一）予以公开' }).first();
    await expect(finding).toBeVisible();
    await expect(finding.locator('.import-finding-where')).toContainText('表三');
    expect(await side.innerText()).not.toMatch(/\bt[234]\.[a-z_]+/);
    await finding.click();
    // The cell is shown in the preview: scrolled to, flashing, focused.
    const flashed = await page.waitForFunction(() => {
      const el = document.querySelector('.report-view')?.shadowRoot?.querySelector('.nb-flash');
      const active = document.querySelector('.report-view')?.shadowRoot?.activeElement;
      if (!el || el !== active) return null;
      const box = el.getBoundingClientRect();
      return { text: el.textContent, inView: box.top >= 0 && box.bottom <= window.innerHeight, tag: el.tagName };
    });
    const seen = (await flashed.jsonValue())!;
    expect(seen.tag).toBe('TD');
    expect(seen.text).toBe(String(r.cells['t3.res_open.total']));
    expect(seen.inView).toBe(true);
    await shot(page, 'import-finding-shown');

    // Every table's confidence says why it is not 100 %.
    const tag = side.locator('.import-confidence li', { hasText: '表四' }).locator('.import-confidence-tag');
    await tag.hover();
    await expect(page.getByRole('tooltip')).toBeVisible();
    await expect(page.getByRole('tooltip')).toContainText(/100%|没有需要推定/);
    await shot(page, 'import-confidence-tooltip');
    expect(pageErrors(page)).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('batch: a whole folder at once; the same report as two files is flagged as a duplicate', async ({
  page,
  server,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-batch-folder-'));
  try {
    const a = reportOf('云岭县水务局', 2024);
    const b = reportOf('云岭县林业局', 2024);
    mkdirSync(join(dir, '子文件夹'));
    writeFileSync(join(dir, '水务局.html'), buildHtml(a, { standalone: true }));
    writeFileSync(join(dir, '子文件夹', '水务局.docx'), await buildDocx(a));
    writeFileSync(join(dir, '林业局.html'), buildHtml(b, { standalone: true }));
    writeFileSync(join(dir, '说明.xlsx'), 'not a report');
    await page.goto(server.url);
    await page.goto(`${server.origin}/#/batch`);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择文件夹…' }).click();
    await (await chooser).setFiles(dir);
    await expect(page.getByRole('status').filter({ hasText: '共 3 份' })).toBeVisible({ timeout: 120_000 });
    await expect(page.getByRole('status').filter({ hasText: '其中 1 份与另一个文件是同一份年报' })).toBeVisible();
    const dup = page.locator('.batch-table tbody tr.ant-table-row', { has: page.locator('.batch-duplicate') });
    await expect(dup).toHaveCount(1);
    await expect(dup).toContainText(/与“水务局\.(html|docx)”是同一份年报/);
    await shot(page, 'batch-folder-duplicate');
    expect(pageErrors(page)).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
