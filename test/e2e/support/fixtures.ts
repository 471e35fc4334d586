import { test as base, expect, type Page, type Locator } from '@playwright/test';
import { rmSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { launchServer, tempDataDir, type TestServer } from './server';

/**
 * `server`: a fresh browser-mode server on an empty data folder, for this test only.
 * `shared`: the server of the global setup (state shared between tests).
 */
export const test = base.extend<{ server: TestServer; shared: { url: string; origin: string; token: string } }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from its destructured first argument
  server: async ({}, use) => {
    const dir = tempDataDir();
    const server = await launchServer(dir);
    await use(server);
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from its destructured first argument
  shared: async ({}, use) => {
    const url = process.env.NIANBAO_E2E_URL;
    if (!url) throw new Error('NIANBAO_E2E_URL is not set: run through playwright.config.ts (global setup).');
    await use({ url, origin: process.env.NIANBAO_E2E_ORIGIN!, token: process.env.NIANBAO_E2E_TOKEN! });
  },
});

export { expect };

/** Opens the app at its start URL (the token becomes a cookie) and waits for the library. */
export async function openApp(page: Page, url: string): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await expect(page.getByRole('heading', { name: '年报库' })).toBeVisible();
  (page as Page & { __errors?: string[] }).__errors = errors;
}

export function pageErrors(page: Page): string[] {
  return (page as Page & { __errors?: string[] }).__errors ?? [];
}

/** Creates a report through the 新建年报 dialog and waits for the editor. */
export async function createReport(page: Page, agency: string, year?: number): Promise<void> {
  await page.getByRole('button', { name: '新建年报' }).first().click();
  const dialog = page.getByRole('dialog', { name: '新建年报' });
  await dialog.getByLabel('机关全称').fill(agency);
  if (year) await dialog.getByLabel('报告年度').fill(String(year));
  await dialog.getByRole('button', { name: '创建并开始填写' }).click();
  await expect(page.getByRole('heading', { name: '封面与落款' })).toBeVisible();
}

/** The six sections' links in the section list, in order (for walks over every section). */
export const SECTIONS = [
  /一、总体情况/,
  /二、主动公开/,
  /三、收到和处理/,
  /四、政府信息公开行政复议/,
  /五、存在的主要问题/,
  /六、其他需要报告的事项/,
];

export async function gotoSection(page: Page, name: RegExp | string): Promise<void> {
  await page.getByRole('navigation', { name: '年报各部分' }).getByRole('link', { name }).click();
}

/** The grid cell of a field, by its label (e.g. 一、本年新收申请 · 自然人). */
export function cell(page: Page, label: string): Locator {
  return page.getByRole('gridcell', { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}：`) });
}

export async function typeInCell(page: Page, label: string, value: string): Promise<void> {
  await cell(page, label).click();
  await page.keyboard.type(value);
  await page.keyboard.press('Enter');
}

export async function waitSaved(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
}

/** axe-core on the page: no serious or critical violations. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  // Let opening dialogs and drawers finish their fade-in: half-transparent text is not what the clerk reads.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const text = bad
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join('\n  ')}`,
    )
    .join('\n');
  expect(bad, `${what}: axe violations\n${text}`).toEqual([]);
}
