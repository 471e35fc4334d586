import type { Page } from '@playwright/test';
import { test, expect, openApp, createReport, gotoSection, cell, typeInCell } from './support/fixtures';

/** A finding's click always scrolls to, focuses and flashes its target (issue 13 item 4). */

const NEW = '一、本年新收申请 · 自然人';

/**
 * Counts the flashes each cell gets: animations started on it, by CSS or by script (a count, not a
 * look at a 1.6 s animation, so that a slow machine cannot miss one).
 */
async function countFlashes(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __flashes: Record<string, number> };
    w.__flashes = {};
    const note = (el: Element | null) => {
      const key = (el as HTMLElement | null)?.closest?.('td[data-key]')?.getAttribute('data-key');
      if (key) w.__flashes[key] = (w.__flashes[key] ?? 0) + 1;
    };
    const animate = Element.prototype.animate;
    Element.prototype.animate = function (this: Element, ...args: Parameters<typeof animate>) {
      note(this);
      return animate.apply(this, args);
    };
    document.addEventListener('animationstart', (e) => note(e.target as Element), true);
  });
}
const flashes = (page: Page, key: string) =>
  page.evaluate((k) => (window as unknown as { __flashes: Record<string, number> }).__flashes[k] ?? 0, key);
const NEW_KEY = 't3.new_received.natural';

/** Whether the element's middle is inside the window and not covered by something else. */
const inView = (page: Page, label: string) =>
  cell(page, label).evaluate((el) => {
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) return false;
    const hit = document.elementFromPoint(x, y);
    return !!hit && (hit === el || el.contains(hit));
  });

test('a cell finding clicked while its cell is already the current one: scrolled to, focused and flashed, every time', async ({
  page,
  server,
}) => {
  await countFlashes(page);
  await openApp(page, server.url);
  await createReport(page, '云岭县住房和城乡建设局', 2024);
  await gotoSection(page, /三、收到和处理/);
  await typeInCell(page, NEW, '5');
  await typeInCell(page, '二、上年结转申请 · 自然人', '1');
  await typeInCell(page, '三（一）予以公开 · 自然人', '3');
  await typeInCell(page, '四、结转下年度继续办理 · 自然人', '1');
  const finding = page
    .getByRole('complementary', { name: '检查结果' })
    .getByRole('button', { name: /“自然人”列不平衡/ });
  await expect(finding).toBeVisible();

  // The current cell is one of the finding's cells; the clerk then scrolls the page away from it.
  await cell(page, NEW).click();
  await expect(cell(page, NEW)).toBeFocused();
  for (let round = 0; round < 3; round++) {
    await page.locator('.grid-scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await page.locator('.editor-main').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect.poll(() => inView(page, NEW)).toBe(false);
    const before = await flashes(page, NEW_KEY);
    await finding.click();
    await expect(cell(page, NEW), `round ${round}: focused`).toBeFocused();
    await expect.poll(() => inView(page, NEW), { message: `round ${round}: in view` }).toBe(true);
    await expect.poll(() => flashes(page, NEW_KEY), { message: `round ${round}: flashed` }).toBe(before + 1);
    // The keyboard goes on from there.
    await page.keyboard.press('ArrowRight');
    await expect(cell(page, '一、本年新收申请 · 商业企业')).toBeFocused();
    await page.keyboard.press('ArrowLeft');
  }

  // While the cell is being edited too.
  await page.keyboard.type('6');
  const before = await flashes(page, NEW_KEY);
  await finding.click();
  await expect(cell(page, NEW)).toBeFocused();
  await expect(cell(page, NEW)).toHaveText('6');
  await expect.poll(() => flashes(page, NEW_KEY)).toBe(before + 1);
});
