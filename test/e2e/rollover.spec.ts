// Length: end-to-end walks of rollover with their setup.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  test,
  expect,
  openApp,
  gotoSection,
  cell,
  typeInCell,
  waitSaved,
  pageErrors,
  expectAccessible,
} from './support/fixtures';
import { apiOf, saveOrdinarySample } from './support/api';
import { sampleReport } from '../../shared/sample/sample-report';
import type { Report } from '../../shared/model/types';

/**
 * 以上年为基础新建 in the real app: from a complete 2024 report (the sample's content, saved as an
 * ordinary report — the app's own sample is nobody's last year) to the 2025 one, through the library
 * or from a file; the carried marks, the 上年结转 numbers, the year chips, the carried share, the
 * cross-year check and the comparison view.
 */

/** A comparison and a plan in the text, as real reports have them. */
const PROBLEMS_EXTRA = '全年受理申请数量较2023年增长12%。2025年，我局将进一步加强政策解读和业务培训。';

function withYearsInText(r: Report): Report {
  return {
    ...r,
    sections: r.sections.map((s) =>
      s.id === 'problems' ? { ...s, blocks: [...s.blocks, { type: 'paragraph', text: PROBLEMS_EXTRA }] } : s,
    ),
  };
}

/**
 * A screenshot at 1366×768 for a person to look at, and what the layout test asks of every screen:
 * no page-level horizontal scrolling (wide tables scroll inside their box), no English left in the text.
 */
async function shot(page: Page, name: string) {
  await page.screenshot({ path: `.tmp/screens/rollover-${name}.png` });
  const overflow = await page.evaluate(() =>
    ['html', '.editor-main', '.library-main', '.ant-modal-body']
      .map((sel) => document.querySelector(sel) as HTMLElement | null)
      .filter((el): el is HTMLElement => !!el && el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.className || el.tagName} ${el.scrollWidth} > ${el.clientWidth}`),
  );
  expect(overflow, `${name}: horizontal overflow`).toEqual([]);
  const text = await page.evaluate(() => document.body.innerText);
  const words = (text.match(/[A-Za-z]{3,}/g) ?? []).filter(
    (w) => !/^(Excel|WPS|Word|PDF|Ctrl|KB|MB|nianbao|docx|html|pdf|json|txt)$/.test(w),
  );
  expect(words, `${name}: English left in the UI`).toEqual([]);
}

const marks = (page: Page) => page.locator('.carried-bar', { hasText: '沿用上年，待核改' });
const shareText = (page: Page) => page.locator('.status-carried');
async function sharePercent(page: Page): Promise<number> {
  const text = (await shareText(page).textContent()) ?? '';
  const m = /(\d+)%/.exec(text);
  if (!m) throw new Error(`no share in “${text}”`);
  return Number(m[1]);
}

test.describe('rollover: start from last year’s report', () => {
  test('from the library: carried marks and numbers, year chips, edits, share, X-CARRY and the comparison view', async ({
    page,
    server,
    request,
  }) => {
    const api = apiOf(request, server);
    const sample = await saveOrdinarySample(api);
    const last = withYearsInText(sample);
    await api('saveReport', last);
    // Two earlier years of the same agency, for the year-over-year chart.
    for (const [year, received] of [
      [2022, 19],
      [2023, 23],
    ] as const) {
      await api('saveReport', {
        ...sample,
        year,
        meta: { ...sample.meta, id: `earlier-${year}` },
        cells: { ...sample.cells, 't3.new_received.total': received },
      });
    }
    await openApp(page, server.url);

    // The row action opens the dialog with this report chosen and next year proposed.
    await page.getByRole('button', { name: '以此为基础新建下一年：云溪县市场监督管理局2025年度' }).click();
    const dialog = page.getByRole('dialog', { name: '以上年报告为基础新建' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText('上年报告：云溪县市场监督管理局2024年政府信息公开工作年度报告')).toBeVisible();
    await expect(dialog.getByLabel('报告年度')).toHaveValue('2025');
    await expect(dialog.getByLabel('机关全称')).toHaveValue('云溪县市场监督管理局');
    await expect(dialog).toContainText('云溪县市场监督管理局2025年政府信息公开工作年度报告');
    await expect(dialog).toContainText(`总计 ${sample.cells['t3.carry_next.total']} 件`);
    await expectAccessible(page, 'rollover dialog');
    await shot(page, 'dialog');
    await dialog.getByRole('button', { name: '新建并打开' }).click();

    await expect(page.getByRole('heading', { name: '封面与落款' })).toBeVisible();
    await expect(page.getByText('已新建“云溪县市场监督管理局”2025年度年报')).toBeVisible();
    await expect(page.locator('.doc-year')).toHaveText('2025年度');
    const newId = decodeURIComponent(new URL(page.url()).hash.split('/')[2]!);
    expect(newId).not.toBe(sample.meta.id);

    // 上年结转 = last year's 结转下年度继续办理, column by column; the rest is blank.
    await gotoSection(page, /三、收到和处理/);
    for (const col of ['自然人', '商业企业', '总计']) {
      const key = { 自然人: 'natural', 商业企业: 'commercial', 总计: 'total' }[col]!;
      const value = sample.cells[`t3.carry_next.${key}`];
      expect(typeof value).toBe('number');
      await expect(cell(page, `二、上年结转申请 · ${col}`)).toHaveText(String(value));
    }
    await expect(cell(page, '一、本年新收申请 · 自然人')).toHaveText('');

    // Every carried paragraph is marked; the years that mean the report year are offered for update.
    await gotoSection(page, /一、总体情况/);
    const overviewParagraphs = sample.sections
      .find((s) => s.id === 'overview')!
      .blocks.filter((b) => b.type === 'paragraph').length;
    await expect(marks(page)).toHaveCount(overviewParagraphs);
    const first = page.getByRole('textbox', { name: '段落（第 1 段）' });
    await expect(first).toHaveValue(/^2024年，云溪县/);
    await expect(page.locator('.year-update-bar')).toContainText('1 处年份建议随报告年度顺延（2024年→2025年）');
    await shot(page, 'editor-overview');
    const initialShare = await sharePercent(page);
    expect(initialShare).toBe(100);

    await page
      .getByRole('button', { name: /改为2025/ })
      .first()
      .click();
    await expect(first).toHaveValue(/^2025年，云溪县/);
    await expect(page.locator('.ychip.done')).toContainText('已是2025');
    // Moving a year is not a review: the mark stays.
    await expect(marks(page)).toHaveCount(overviewParagraphs);
    // Undo takes the year back, redo moves it again.
    await page.getByRole('button', { name: '撤销' }).click();
    await expect(first).toHaveValue(/^2024年，云溪县/);
    await page.getByRole('button', { name: '重做' }).click();
    await expect(first).toHaveValue(/^2025年，云溪县/);

    // A comparison is left alone (with its reason); a plan written last year moves on by a year.
    await gotoSection(page, /五、存在的主要问题/);
    const kept = page.locator('.ychip.kept', { hasText: '2023年' });
    await expect(kept).toContainText('保持不变');
    await expect(kept).toContainText('较2023年');
    await kept.hover();
    await expect(page.getByRole('tooltip').filter({ hasText: '比较前一年份' })).toBeVisible();
    await shot(page, 'editor-problems');
    await expectAccessible(page, 'editor with year chips');
    await expect(page.getByRole('button', { name: /改为2026/ })).toBeVisible();
    await expect(page.getByRole('button', { name: /改为2024/ })).toHaveCount(0);

    // Editing a carried paragraph clears its mark, and the share of last year's text drops.
    const problemsParagraphs =
      sample.sections.find((s) => s.id === 'problems')!.blocks.filter((b) => b.type === 'paragraph').length + 1;
    await expect(marks(page)).toHaveCount(problemsParagraphs);
    await page
      .getByRole('textbox', { name: '段落（第 2 段）' })
      .fill(
        '一是部分执法信息公开的时效性还不够高；二是政策解读形式较为单一，图解、视频等解读产品偏少。本年度已针对上述问题制定专项整改方案。',
      );
    await expect(marks(page)).toHaveCount(problemsParagraphs - 1);
    await expect.poll(() => sharePercent(page)).toBeLessThan(initialShare);
    await expect(page.getByRole('textbox', { name: '段落（第 2 段）' })).not.toHaveClass(/carried/);

    // 上年结转 changed away from last year's value: X-CARRY.
    await gotoSection(page, /三、收到和处理/);
    const panel = page.getByRole('complementary', { name: '检查结果' });
    await expect(panel.getByRole('button', { name: /上年结转”与2024年度报告/ })).toHaveCount(0);
    const natural = sample.cells['t3.carry_next.natural'] as number;
    await typeInCell(page, '二、上年结转申请 · 自然人', String(natural + 3));
    await expect(panel.getByRole('button', { name: /上年结转”与2024年度报告.*不一致/ })).toBeVisible();
    await waitSaved(page);

    // The comparison view: linking figures, changed cells, paragraphs, the chart.
    await page
      .getByRole('navigation', { name: '年报各部分' })
      .getByRole('link', { name: /对比上年/ })
      .click();
    await expect(page.getByRole('heading', { name: '与上年对比' })).toBeVisible();
    const links = page.getByRole('region', { name: /两年衔接的数字/ });
    await expect(links).toContainText('2 处与上年不衔接');
    const carriedRow = links.getByRole('row', { name: /2025年度 上年结转申请/ });
    await expect(carriedRow.getByRole('cell').nth(0)).toHaveText(`${natural + 3}不一致`);
    await expect(carriedRow.getByRole('cell').nth(1)).toHaveText('0一致');
    const t3 = page.getByRole('region', { name: /收到和处理政府信息公开申请情况/ });
    await expect(t3).toContainText('格与上年不同');
    await expect(t3.locator('td.vcell.changed').first()).toBeVisible();
    await expect(t3.getByRole('row', { name: /二、上年结转申请/ })).toContainText(
      `上年 ${sample.cells['t3.carried_over.natural']}`,
    );
    await expectAccessible(page, 'compare: tables');
    await shot(page, 'compare-tables');
    await t3.scrollIntoViewIfNeeded();
    await shot(page, 'compare-tables-t3');

    await page.getByRole('tab', { name: '文字对比' }).click();
    const text = page.locator('.text-compare');
    await expect(text.locator('.para-pair.status-changed').first()).toBeVisible();
    await expect(text.locator('.para-pair.status-unchanged').first()).toBeVisible();
    await expect(text.locator('.para-pair.status-changed ins.diff-ins').first()).toBeVisible();
    await expect(text.locator('.para-pair.status-changed', { hasText: '专项整改方案' })).toContainText('已修改');
    await expectAccessible(page, 'compare: text');
    await shot(page, 'compare-text');

    await page.getByRole('tab', { name: '历年趋势' }).click();
    await expect(page.locator('.trend-chart svg')).toBeVisible();
    const trend = page.locator('table.trend-table');
    await expect(trend.getByRole('row', { name: /^2024年/ })).toContainText(
      String(sample.cells['t3.new_received.total']),
    );
    await expect(trend.getByRole('row', { name: /^2022年/ })).toContainText('19');
    await expect(trend.getByRole('row', { name: /^2023年/ })).toContainText('23');
    await expect(trend.locator('tbody tr')).toHaveCount(4);
    await expect(trend.getByRole('row', { name: /2025年（本报告）/ })).toBeVisible();
    await expectAccessible(page, 'compare: trend');
    await shot(page, 'compare-trend');

    // From the text comparison back to the paragraph in the editor.
    await page.getByRole('tab', { name: '文字对比' }).click();
    await page
      .locator('.para-pair.status-changed', { hasText: '专项整改方案' })
      .getByRole('button', { name: '到编辑处修改' })
      .click();
    await expect(page.getByRole('heading', { name: /五、存在的主要问题/ })).toBeVisible();
    await expect(page.getByRole('textbox', { name: '段落（第 2 段）' })).toBeFocused();
    expect(pageErrors(page)).toEqual([]);
  });

  test('from a file: an empty library, a report file written by the test, a renamed agency; oversized files are refused', async ({
    page,
    server,
  }) => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-rollover-'));
    try {
      const last = sampleReport();
      const file = join(dir, '云溪县2024年报.nianbao');
      writeFileSync(file, JSON.stringify(last, null, 2));
      const big = join(dir, '扫描件.pdf');
      writeFileSync(big, Buffer.alloc(51 * 1024 * 1024, 1));

      await openApp(page, server.url);
      await page.getByRole('button', { name: /以上年为基础新建/ }).click();
      const dialog = page.getByRole('dialog', { name: '以上年报告为基础新建' });
      await expect(dialog.getByRole('radio', { name: '年报库中的报告' })).toBeDisabled();
      await expect(dialog.getByRole('radio', { name: '文件' })).toBeChecked();
      await expect(dialog.getByRole('button', { name: '新建并打开' })).toBeDisabled();

      let chooser = page.waitForEvent('filechooser');
      await dialog.getByRole('button', { name: /选择文件/ }).click();
      await (await chooser).setFiles(big);
      await expect(dialog.getByRole('alert')).toContainText('超过了 36 MB');

      chooser = page.waitForEvent('filechooser');
      await dialog.getByRole('button', { name: /选择文件/ }).click();
      await (await chooser).setFiles(file);
      await expect(dialog.getByText('上年报告：云溪县市场监督管理局2024年政府信息公开工作年度报告')).toBeVisible();
      await expect(dialog).toContainText('年报文件');
      await expect(dialog.getByRole('alert')).toHaveCount(0);
      await dialog.getByLabel('机关全称').fill('云溪县市场监管局');
      await expect(dialog).toContainText('机关更名');
      await expect(dialog).toContainText('云溪县市场监管局2025年政府信息公开工作年度报告');
      await expectAccessible(page, 'rollover dialog (file)');
      await shot(page, 'dialog-file');
      await dialog.getByRole('button', { name: '新建并打开' }).click();

      await expect(page.getByRole('heading', { name: '封面与落款' })).toBeVisible();
      await expect(page.locator('.doc-agency')).toHaveText('云溪县市场监管局');
      await expect(page.getByLabel('标题', { exact: true })).toHaveValue(
        '云溪县市场监管局2025年政府信息公开工作年度报告',
      );
      await gotoSection(page, /六、其他需要报告的事项/);
      await expect(marks(page)).toHaveCount(2);
      await gotoSection(page, /三、收到和处理/);
      await expect(cell(page, '二、上年结转申请 · 总计')).toHaveText(String(last.cells['t3.carry_next.total']));
      // Last year's report joined the library with the file, so the comparison is there.
      await expect(
        page.getByRole('navigation', { name: '年报各部分' }).getByRole('link', { name: /对比上年/ }),
      ).toBeVisible();
      await page.getByRole('button', { name: '年报库' }).click();
      await expect(page.locator('.library-table tbody tr.ant-table-row')).toHaveCount(2);
      await shot(page, 'library');
      expect(pageErrors(page)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('X-CARRY works from the figures kept at rollover when last year’s report is no longer in the library', async ({
    page,
    server,
    request,
  }) => {
    const api = apiOf(request, server);
    const sample = await saveOrdinarySample(api);
    const { report } = await api<{ report: Report }>('rolloverReport', { fromId: sample.meta.id });
    await api('deleteReport', sample.meta.id);
    await openApp(page, server.url);
    await page.goto(`${server.origin}/#/report/${encodeURIComponent(report.meta.id)}/requests`);
    const panel = page.getByRole('complementary', { name: '检查结果' });
    await expect(cell(page, '二、上年结转申请 · 总计')).toHaveText(String(sample.cells['t3.carry_next.total']));
    await typeInCell(page, '二、上年结转申请 · 商业企业', '9');
    await expect(panel.getByRole('button', { name: /上年结转”与2024年度报告.*不一致/ })).toBeVisible();
    // The comparison loads as its own file: if that fails, the editor says so instead of going blank.
    await page.route(/CompareView-[^/]*\.js$/, (route) => route.abort());
    await page
      .getByRole('link', { name: /对比上年/ })
      .first()
      .click();
    await expect(page.getByText('对比页面没有打开')).toBeVisible();
    await expect(page.getByRole('navigation', { name: '年报各部分' })).toBeVisible();
    await page.unroute(/CompareView-[^/]*\.js$/);
    await waitSaved(page);
    await page.getByRole('button', { name: '重新加载' }).click();
    // The comparison says what it can without last year's text.
    const carriedRow = page
      .getByRole('region', { name: /两年衔接的数字/ })
      .getByRole('row', { name: /2025年度 上年结转申请/ });
    await expect(carriedRow.getByRole('cell').nth(1)).toHaveText('9不一致');
    await page.getByRole('tab', { name: '文字对比' }).click();
    await expect(page.getByText('上年报告不在年报库中（可能已删除），无法对比文字')).toBeVisible();
    expect(pageErrors(page)).toEqual([]);
  });
});
