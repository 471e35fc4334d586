import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect, openApp, createReport, gotoSection, cell } from './support/fixtures';

/**
 * A refused entry's reason can always be read (issue 13 item 1): in every table, in the right-hand
 * columns and the last rows, at 1366×768 and at 1280×720 — inside the window, not cut off by a
 * scroll frame, not covered by anything.
 */

const DIR = '.tmp/screens';

/** Whether the whole box is inside the window and every probe point of it shows the box itself. */
async function readable(alert: Locator): Promise<string> {
  return alert.evaluate((el) => {
    const r = el.getBoundingClientRect();
    if (r.width < 40 || r.height < 16) return `too small ${r.width}×${r.height}`;
    if (r.left < 0 || r.top < 0 || r.right > window.innerWidth || r.bottom > window.innerHeight)
      return `outside the window: ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`;
    if (el.scrollHeight > el.clientHeight + 1) return 'text cut off';
    const probes = [
      [r.left + 3, r.top + 3],
      [r.right - 3, r.top + 3],
      [r.left + 3, r.bottom - 3],
      [r.right - 3, r.bottom - 3],
      [(r.left + r.right) / 2, (r.top + r.bottom) / 2],
    ];
    for (const [x, y] of probes) {
      const hit = document.elementFromPoint(x!, y!);
      if (!hit || !(hit === el || el.contains(hit)))
        return `covered at ${Math.round(x!)},${Math.round(y!)} by ${hit?.className}`;
    }
    return 'ok';
  });
}

async function refuseAt(page: Page, label: string, shot: string) {
  await cell(page, label).click();
  await page.keyboard.type('abc');
  await page.keyboard.press('Enter');
  const alert = page.getByRole('alert').filter({ hasText: '“abc”不是数字' });
  await expect(alert).toBeVisible();
  await expect.poll(() => readable(alert), { message: `${label} (${shot})` }).toBe('ok');
  await page.screenshot({ path: `${DIR}/refusal-${shot}.png` });
  await page.keyboard.press('Escape');
  await expect(alert).toHaveCount(0);
  await expect(cell(page, label)).toHaveText('');
}

for (const [width, height] of [
  [1366, 768],
  [1280, 720],
] as const) {
  test(`refusals readable in every table at ${width}×${height}`, async ({ page, server }) => {
    await page.setViewportSize({ width, height });
    mkdirSync(DIR, { recursive: true });
    await openApp(page, server.url);
    await createReport(page, '云岭县应急管理局', 2024);
    const size = `${width}x${height}`;

    await gotoSection(page, /四、政府信息公开行政复议/);
    await refuseAt(page, '行政复议 · 结果维持', `${size}-t4-first`);
    await refuseAt(page, '行政诉讼·复议后起诉 · 尚未审结', `${size}-t4-last`);

    await gotoSection(page, /三、收到和处理/);
    await refuseAt(page, '一、本年新收申请 · 其他', `${size}-t3-right-top`);
    await refuseAt(page, '三（四）3.补正后申请内容仍不明确 · 其他', `${size}-t3-right-middle`);
    await refuseAt(page, '四、结转下年度继续办理 · 其他', `${size}-t3-right-bottom`);
    await refuseAt(page, '四、结转下年度继续办理 · 自然人', `${size}-t3-left-bottom`);

    await gotoSection(page, /二、主动公开/);
    await refuseAt(page, '规章 · 现行有效件数', `${size}-t2-right`);
    await refuseAt(page, '行政事业性收费 · 本年收费金额', `${size}-t2-last`);
    // Table 2 fits its frame whole: a focused wide cell never scrolls the row labels out of view.
    const t2 = page.locator('.grid-t2');
    expect(
      await t2.evaluate((el) => el.scrollWidth - el.clientWidth),
      `Table 2 wider than its frame at ${size}`,
    ).toBeLessThanOrEqual(0);
  });
}
