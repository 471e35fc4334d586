import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * The import, batch and export screens at 1366×768: no page-level horizontal scrolling and no
 * English left in the visible text (names the clerk knows excepted), as layout.spec checks the others.
 */
export async function expectFits(page: Page, name: string): Promise<void> {
  await settle(page);
  const overflow = await page.evaluate(() => {
    const out: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) out.push(`page ${doc.scrollWidth} > ${doc.clientWidth}`);
    for (const sel of ['.import-side', '.import-main', '.library-main', '.app-header', '.ant-modal-body']) {
      for (const el of document.querySelectorAll<HTMLElement>(sel))
        if (el.scrollWidth > el.clientWidth + 1) out.push(`${sel} ${el.scrollWidth} > ${el.clientWidth}`);
    }
    return out;
  });
  expect(overflow, `${name}: horizontal overflow`).toEqual([]);
  // File names and paths the clerk chose are not UI text, nor are the names of environment variables
  // a message tells IT support to set (NIANBAO_CHROMIUM).
  const text = (await page.evaluate(() => document.body.innerText))
    .replace(/\S*[/\\.]\S*/g, '')
    .replace(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g, '');
  const words = (text.match(/[A-Za-z]{3,}/g) ?? []).filter(
    (w) =>
      !/^(Excel|WPS|Word|Ctrl|Alt|Shift|Enter|Tab|Delete|Esc|Home|End|KB|PDF|CSV|Chromium|Google|Chrome|Microsoft|Edge)$/.test(
        w,
      ),
  );
  expect(words, `${name}: English left in the UI`).toEqual([]);
}

/** Lets opening dialogs finish their fade-in (a screenshot mid-animation shows half-transparent layers). */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}
