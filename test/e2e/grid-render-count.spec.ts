import type { Page } from '@playwright/test';
import { test, expect, openApp, gotoSection, cell, waitSaved } from './support/fixtures';
import { installRenderCounter, rendered, startCounting } from './support/render-count';

/**
 * Issue 15 item 5: a keystroke in Table 3 re-renders the cell typed in, the totals it changes and
 * the findings that change — not the grid, its other rows, the page or the whole findings panel.
 * Counted (React's own commits, see support/render-count.ts), not timed: this fails on a grid that
 * re-renders as a whole, however fast the machine. The cell's input renders once per keystroke,
 * and a group of findings none of which changed (half-width punctuation in the text, left as it is
 * while typing in Table 3) is left alone.
 */

const EDITED = '四、结转下年度继续办理 · 自然人';

/** Row and column of a Table 3 cell key (t3.<row…>.<column>). */
const rowOf = (key: string) => key.split('.').slice(0, -1).join('.');
const colOf = (key: string) => key.split('.').slice(-1)[0]!;
/** The rule of a finding id (`<rule>:<fingerprint>`, rule ids have no colon). */
const ruleOf = (id: string) => id.split(':')[0]!;

async function keystroke(page: Page, key: string): Promise<string[]> {
  await startCounting(page);
  await page.keyboard.press(key);
  return rendered(page);
}

test('a keystroke in Table 3 re-renders its cell, its totals and the changed findings only', async ({
  page,
  shared,
}) => {
  await installRenderCounter(page);
  await openApp(page, shared.url);
  await page
    .getByRole('button', { name: /打开示例年报/ })
    .first()
    .click();
  const panel = page.locator('.findings-panel');
  // A finding the keystrokes in Table 3 leave as it is: half-width punctuation in the text.
  await gotoSection(page, /五、存在的主要问题/);
  await page.getByRole('textbox', { name: '段落（第 2 段）' }).fill('一是人员不足,二是培训不够。');
  const punctuation = panel.locator('li[data-finding^="PUNCTUATION:"]');
  await expect(punctuation.first()).toBeVisible();
  const untouched = (await punctuation.first().getAttribute('data-finding'))!;
  await gotoSection(page, /三、收到和处理/);
  const target = cell(page, EDITED);
  await target.click();
  const key = (await target.getAttribute('data-key'))!;
  expect(key).toMatch(/^t3\./);

  // Warm up: the first keystroke opens the cell's editor (that re-renders the grid, once per edit).
  await page.keyboard.press('5');
  await expect(page.getByRole('textbox', { name: `编辑 ${EDITED}` })).toHaveValue('5');

  const listed = () =>
    panel
      .locator('li[data-finding]')
      .evaluateAll((els) => els.map((el) => `${el.getAttribute('data-finding')}\n${el.textContent}`));
  // Typing in the open editor: digits that unbalance the table, Backspace that blanks the cell.
  for (const k of ['Backspace', '1', 'Backspace', '7']) {
    // Each keystroke after the autosave has gone through: the autosave's own renders (保存中…,
    // 已保存) never fall into the count, and each keystroke turns 已保存 into 有修改 alike.
    await waitSaved(page);
    const beforeList = await listed();
    const before = new Set(beforeList);
    const names = await keystroke(page, k);
    const afterList = await listed();
    const after = new Set(afterList);
    const changed = new Set(afterList.filter((f) => !before.has(f)).map((f) => f.split('\n')[0]));
    const gone = beforeList.filter((f) => !after.has(f)).map((f) => f.split('\n')[0]!);
    // The untouched finding is still listed, as it was.
    expect(
      afterList.some((f) => f.startsWith(`${untouched}\n`)),
      `after ${k}`,
    ).toBe(true);
    const cells = names.filter((n) => n.startsWith('cell:')).map((n) => n.slice(5));
    // The keystroke reached the page: the edited cell re-rendered (a counter that sees nothing fails here).
    expect(cells, `after ${k}`).toContain(key);
    // Not the grid, its section, the section list or the whole panel's unchanged findings…
    expect(names, `after ${k}: ${names.join(' ')}`).not.toContain('grid');
    expect(names, `after ${k}`).not.toContain('table-section');
    expect(names, `after ${k}`).not.toContain('header.app-header');
    // …and no cell outside the edited cell's row, its column and the 总计 column (its row total,
    // its column's totals and the balance of the totals it changes are all in them).
    const unrelated = cells.filter((c) => rowOf(c) !== rowOf(key) && colOf(c) !== colOf(key) && colOf(c) !== 'total');
    expect(unrelated, `after ${k}: cells of other rows and columns re-rendered`).toEqual([]);
    expect(cells.length, `after ${k}: ${cells.join(' ')}`).toBeLessThanOrEqual(12);
    // Findings: only those that came or changed (a finding that stayed as it was is left alone).
    const findings = names.filter((n) => n.startsWith('finding:')).map((n) => n.slice(8));
    expect(
      findings.filter((f) => !changed.has(f)),
      `after ${k}: unchanged findings re-rendered`,
    ).toEqual([]);
    // Groups of findings (a component per rule, named '~' + its first finding): only those with a
    // finding that came, changed or went: the punctuation finding's group stays alone.
    const touchedRules = new Set([...changed, ...gone].map((f) => ruleOf(f!)));
    const groups = names.filter((n) => n.startsWith('~finding:')).map((n) => n.slice(9));
    expect(
      groups.filter((g) => !touchedRules.has(ruleOf(g))),
      `after ${k}: groups of unchanged findings re-rendered`,
    ).toEqual([]);
    expect(touchedRules.has(ruleOf(untouched)), `after ${k}`).toBe(false);
    expect(names, `after ${k}`).not.toContain(`~finding:${untouched}`);
    // The cell's input renders once per keystroke (not again when the value typed is published).
    expect(
      names.filter((n) => n === 'input.gcell-input'),
      `after ${k}: ${names.join(' ')}`,
    ).toHaveLength(1);
    expect(names.length, `after ${k}: ${names.join(' ')}`).toBeLessThanOrEqual(40);
  }
  // The edit is kept: Enter finishes it, and the cell shows the value typed.
  await page.keyboard.press('Enter');
  await expect(target).toHaveAttribute('aria-label', new RegExp(`^${EDITED}：7`));
});
