import { expect, type Page } from '@playwright/test';

/** Moving about the app by keyboard alone, as a clerk without a mouse does (the keyboard specs). */

/** Text of the focused control, trimmed (not the page's: the body holds the focus at first). */
export const focusedText = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el && el !== document.body ? el.innerText.trim() : '';
  });

/** The focused element's accessible label (a grid cell's is “row · column：value”). */
export const focusedLabel = (page: Page): Promise<string> =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');

/** Presses Tab (Shift+Tab with `back`) until `check` holds; fails after `max` presses. */
export async function tabTo(
  page: Page,
  check: () => Promise<boolean>,
  { back = false, max = 60 }: { back?: boolean; max?: number } = {},
): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await check()) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  expect(await check(), 'target not reachable with the keyboard').toBe(true);
}
