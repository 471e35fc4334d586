import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, openApp, gotoSection, SECTIONS } from './support/fixtures';
import { settle } from './support/fits';

/**
 * Every screen at 1366×768: no horizontal scrolling of the page (only inside the wide tables), no
 * English left in the visible text. Screenshots go to .tmp/screens/ for a human look.
 */

const DIR = '.tmp/screens';

async function checkScreen(page: Page, name: string) {
  mkdirSync(DIR, { recursive: true });
  await settle(page); // opening dialogs and drawers finish their animation (no fixed wait)
  await page.screenshot({ path: `${DIR}/${name}.png` });
  const overflow = await page.evaluate(() => {
    const out: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) out.push(`page ${doc.scrollWidth} > ${doc.clientWidth}`);
    for (const sel of ['.editor-main', '.library-main', '.section-nav', '.findings-scroll', '.app-header']) {
      const el = document.querySelector(sel) as HTMLElement | null;
      if (el && el.scrollWidth > el.clientWidth + 1) out.push(`${sel} ${el.scrollWidth} > ${el.clientWidth}`);
    }
    return out;
  });
  expect(overflow, `${name}: horizontal overflow`).toEqual([]);
  const text = await page.evaluate(() => document.body.innerText);
  // Latin words other than units and names the clerk knows (Excel, WPS, Word, Ctrl…) are leftovers.
  const words = (text.match(/[A-Za-z]{3,}/g) ?? []).filter(
    (w) => !/^(Excel|WPS|Word|Ctrl|Alt|Shift|Enter|Tab|Delete|Esc|Home|End|KB|PDF)$/.test(w),
  );
  expect(words, `${name}: English left in the UI`).toEqual([]);
}

test('every screen fits 1366×768 without page-level horizontal scrolling', async ({ page, server }) => {
  await openApp(page, server.url);
  await checkScreen(page, '01-first-run');
  await page.getByRole('button', { name: /打开示例年报/ }).click();
  await expect(page.getByRole('heading', { name: '封面与落款' })).toBeVisible();
  await checkScreen(page, '02-sample-cover');
  for (const [i, s] of SECTIONS.entries()) {
    await gotoSection(page, s);
    await checkScreen(page, `0${3 + i}-sample-section-${i + 1}`);
  }
  await page.getByRole('link', { name: /预览全文/ }).click();
  await checkScreen(page, '09-preview');
  await page.getByRole('button', { name: '年报库' }).click();
  await page.getByRole('button', { name: /新建年报/ }).click();
  await page.getByRole('dialog', { name: '新建年报' }).getByLabel('机关全称').fill('云岭县城市管理和综合执法局');
  await checkScreen(page, '10-new-dialog');
  await page.getByRole('button', { name: '创建并开始填写' }).click();
  await expect(page.getByRole('heading', { name: '封面与落款' })).toBeVisible();
  await checkScreen(page, '11-new-cover');
  await gotoSection(page, /三、收到和处理/);
  await checkScreen(page, '12-new-table3');
  await gotoSection(page, /一、总体情况/);
  await checkScreen(page, '13-new-overview');
  await page.getByRole('button', { name: '收起检查结果' }).click();
  await checkScreen(page, '14-panel-closed');
  await page.getByRole('button', { name: '年报库' }).click();
  await expect(page.locator('.library-table')).toBeVisible();
  await checkScreen(page, '15-library');
});
