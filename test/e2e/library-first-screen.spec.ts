import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, openApp, pageErrors } from './support/fixtures';
import { apiOf } from './support/api';
import { STATIC_DIR } from './support/server';

/**
 * The library's first screen drawn in one go when the page's early listing (public/early-listing.js)
 * arrived before the app's script, the spinner first when it did not, and the rows' tooltips,
 * mounted on the first hover (library/LazyTooltip.tsx) with antd's look, delays and description.
 */

const rows = (page: Page) => page.locator('.library-table tbody tr.ant-table-row');

/** The app's entry script, as index.html names it. */
function entryScript(): string {
  const html = readFileSync(join(STATIC_DIR, 'index.html'), 'utf8');
  const src = /<script type="module"[^>]*src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
  if (!src) throw new Error('index.html names no module script');
  return src;
}

/** Records what the first drawing of #root held, and whether the spinner was ever drawn. */
async function watchFirstDrawing(page: Page): Promise<void> {
  await page.addInitScript(`
    window.__drawn = { first: null, spinner: false };
    new MutationObserver(function () {
      var d = window.__drawn;
      if (document.querySelector('.ant-spin')) d.spinner = true;
      var root = document.getElementById('root');
      if (!d.first && root && root.firstChild)
        d.first = { list: !!document.querySelector('.library-foot'), spinner: !!document.querySelector('.ant-spin') };
    }).observe(document, { childList: true, subtree: true });
  `);
}

const drawn = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { __drawn: { first: { list: boolean; spinner: boolean }; spinner: boolean } }).__drawn,
  );

test.describe('library first screen', () => {
  test('the listing there before the app starts: the first drawing is the list; later loads ask the service', async ({
    page,
    server,
    request,
  }) => {
    const api = apiOf(request, server);
    for (const agency of ['云岭县教育局', '云岭县民政局'])
      await api('createReport', { agency, kind: 'department', year: 2024 });
    await watchFirstDrawing(page);
    // The app's script waits until the page's early listing has been answered.
    const listed = page.waitForResponse((r) => r.url().endsWith('/api/listReports')).then((r) => r.finished());
    await page.route(`**/${entryScript()}`, async (route) => {
      await listed;
      await route.continue();
    });
    await openApp(page, server.url);
    await expect(rows(page)).toHaveCount(2);
    expect(await drawn(page)).toEqual({ first: { list: true, spinner: false }, spinner: false });

    // That answer is used once: a change made afterwards is listed from the service.
    await rows(page).filter({ hasText: '云岭县民政局' }).getByRole('button', { name: '复制' }).click();
    await expect(page.locator('.library-foot')).toContainText('共 3 份年报');
    await expect(rows(page)).toHaveCount(3);
    expect(pageErrors(page)).toEqual([]);
  });

  test('the listing slower than the app: 正在读取年报库… first, then the list', async ({ page, server, request }) => {
    const api = apiOf(request, server);
    await api('createReport', { agency: '云岭县教育局', kind: 'department', year: 2024 });
    await watchFirstDrawing(page);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/listReports', async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(server.url);
    await expect(page.getByText('正在读取年报库…')).toBeVisible();
    release();
    await expect(rows(page)).toHaveCount(1);
    expect((await drawn(page)).first).toEqual({ list: false, spinner: true });
  });

  test('row and column tooltips: shown on hover above their element, described, hidden on leaving', async ({
    page,
    server,
    request,
  }) => {
    const api = apiOf(request, server);
    await api('createReport', { agency: '云岭县人民政府', kind: 'government', year: 2024 });
    await api('createSampleReport');
    await openApp(page, server.url);
    await expect(rows(page)).toHaveCount(2);
    // Nothing of a tooltip is drawn before a hover.
    await expect(page.locator('.lazy-tip-anchor')).toHaveCount(0);

    const government = rows(page).filter({ hasText: '云岭县人民政府' });
    for (const [button, text] of [
      [government.getByRole('button', { name: /以此为基础新建下一年/ }), '以这份年报为基础新建2025年度年报'],
      [government.getByRole('button', { name: /汇总下级单位/ }), '汇总各部门、乡镇（街道）的年报'],
    ] as const) {
      await button.hover();
      const tip = page.getByRole('tooltip').filter({ hasText: text });
      await expect(tip).toBeVisible();
      // antd's tooltip, above the button and centred on it, describing it.
      const id = await button.getAttribute('aria-describedby');
      expect(id).toBeTruthy();
      expect(await tip.getAttribute('id')).toBe(id);
      const [b, t] = [(await button.boundingBox())!, (await tip.boundingBox())!];
      expect(t.y + t.height).toBeLessThanOrEqual(b.y + 2);
      expect(Math.abs(t.x + t.width / 2 - (b.x + b.width / 2))).toBeLessThan(3);
      await page.locator('.library-foot').hover();
      await expect(tip).toBeHidden();
      await expect(button).not.toHaveAttribute('aria-describedby');
    }

    // The sortable column's tooltip follows its sort order.
    const header = page.getByRole('columnheader', { name: '年度' });
    await header.hover();
    await expect(page.getByRole('tooltip').filter({ hasText: '点击升序' })).toBeVisible();
    await header.click();
    await expect(page.getByRole('tooltip').filter({ hasText: '点击降序' })).toBeVisible();
    await expect(header).toHaveAttribute('aria-sort', 'ascending');

    // The sample's mark.
    await rows(page).locator('.sample-tag').hover();
    await expect(page.getByRole('tooltip').filter({ hasText: '程序自带的示例' })).toBeVisible();
    expect(pageErrors(page)).toEqual([]);
  });

  test("antd's styles of the first screen come from the build's stylesheet, not made in the page", async ({
    page,
    server,
    request,
  }) => {
    const api = apiOf(request, server);
    await api('createReport', { agency: '云岭县教育局', kind: 'department', year: 2024 });
    await openApp(page, server.url);
    await expect(rows(page)).toHaveCount(1);
    // build/antd-static-css.ts: linked before the app's own CSS (whose rules must win).
    const links = await page.evaluate(() =>
      [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.getAttribute('href') ?? ''),
    );
    const antd = links.findIndex((h) => /assets\/antd-[\w-]+\.css$/.test(h));
    expect(antd).toBeGreaterThanOrEqual(0);
    expect(antd).toBeLessThan(links.findIndex((h) => /assets\/index-[\w-]+\.css$/.test(h)));
    // antd found those styles in the file and generated none of them (only its CSS variables).
    const generated = await page.evaluate(() =>
      [...document.querySelectorAll('style')].map((s) => s.textContent ?? ''),
    );
    for (const rule of ['.ant-btn-primary', '.ant-input-affix-wrapper', '.ant-tag-success', '.ant-space-item'])
      expect(generated.filter((css) => css.includes(rule))).toEqual([]);
    // And they apply: antd's look with the app's theme.
    await expect(page.getByRole('button', { name: /新建年报/ })).toHaveCSS('background-color', 'rgb(31, 78, 140)');
    await expect(rows(page).locator('.ant-tag')).toHaveCSS('border-top-style', 'solid');
    await expect(page.getByLabel('搜索年报').locator('xpath=..')).toHaveCSS('border-top-width', '1px');
  });
});
