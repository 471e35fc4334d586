import type { Page } from '@playwright/test';
import { test, expect, openApp, createReport } from './support/fixtures';

/**
 * 成文日期 typed as clerks write dates (issue 13 item 6), by keyboard: every form is taken and
 * printed in Chinese; a text that is no date is refused with the reason (the date already set stays);
 * the calendar opens on January of the year after the report's.
 */

async function typeDate(page: Page, text: string, key: 'Enter' | 'Tab') {
  const box = page.getByLabel('成文日期');
  await box.focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText(text);
  await page.keyboard.press(key);
}

test('成文日期 accepts 2026-01-20, 2026/1/20, 2026.1.20, 20260120, full-width digits; refuses a wrong date with a reason', async ({
  page,
  server,
}) => {
  await openApp(page, server.url);
  await createReport(page, '云岭县医疗保障局', 2025);
  const printed = (d: string) => page.getByText(`打印为：${d}。`);

  // The calendar opens on January of the following year (when the report is signed), not on today's month.
  await page.getByLabel('成文日期').click();
  const panel = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
  await expect(panel.locator('.ant-picker-header-view')).toHaveText(/2026年\s*1月/);
  await page.screenshot({ path: '.tmp/screens/cover-date-calendar.png' });
  await page.keyboard.press('Escape');

  const forms: [string, 'Enter' | 'Tab', string][] = [
    ['2026-01-20', 'Enter', '2026年1月20日'],
    ['2026/1/21', 'Tab', '2026年1月21日'],
    ['2026.1.22', 'Enter', '2026年1月22日'],
    ['20260123', 'Tab', '2026年1月23日'],
    ['２０２６年１月２４日', 'Enter', '2026年1月24日'],
    ['2026年1月25日', 'Enter', '2026年1月25日'],
  ];
  for (const [text, key, shown] of forms) {
    await typeDate(page, text, key);
    await expect(printed(shown), `${text} + ${key}`).toBeVisible();
    await expect(page.getByLabel('成文日期')).toHaveValue(shown);
  }

  // Not a date: said so, the date already set is kept.
  await typeDate(page, '2026-02-30', 'Enter');
  await expect(page.getByRole('alert').filter({ hasText: '“2026-02-30”不是有效的日期' })).toBeVisible();
  await page.screenshot({ path: '.tmp/screens/cover-date-refused.png' });
  await expect(printed('2026年1月25日')).toBeVisible();
  // Leaving the box puts the date that is set back into it.
  await page.getByLabel('联系方式（可选）').focus();
  await expect(page.getByLabel('成文日期')).toHaveValue('2026年1月25日');
  // A good date typed next clears the message.
  await typeDate(page, '2026-1-26', 'Enter');
  await expect(printed('2026年1月26日')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '不是有效的日期' })).toHaveCount(0);
});
