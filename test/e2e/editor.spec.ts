import {
  test,
  expect,
  openApp,
  createReport,
  gotoSection,
  cell,
  typeInCell,
  waitSaved,
  pageErrors,
} from './support/fixtures';

const NEW = '一、本年新收申请 · 自然人';
const CARRIED = '二、上年结转申请 · 自然人';
const OPEN = '三（一）予以公开 · 自然人';
const NEXT = '四、结转下年度继续办理 · 自然人';
const RES_TOTAL = '三（七）总计 · 自然人';

test.describe('editor', () => {
  test('fill text and numbers; a 勾稽 error appears in the panel and at the cell, and goes away when fixed', async ({
    page,
    server,
  }) => {
    await openApp(page, server.url);
    await createReport(page, '云岭县市场监督管理局', 2024);

    await gotoSection(page, /一、总体情况/);
    await page.getByRole('button', { name: '插入小标题（一）主动公开' }).click();
    const para = page.getByRole('textbox', { name: '段落（第 2 段）' });
    await expect(para).toBeFocused();
    await para.fill('全年主动公开政府信息120条。');
    await expect(page.getByRole('textbox', { name: '小标题（第 1 段）' })).toHaveValue('（一）主动公开');

    await gotoSection(page, /三、收到和处理/);
    await typeInCell(page, NEW, '5');
    await typeInCell(page, CARRIED, '1');
    await typeInCell(page, OPEN, '3');
    await typeInCell(page, NEXT, '1');
    // The total is computed and read-only.
    await expect(cell(page, RES_TOTAL)).toHaveAttribute('aria-readonly', 'true');
    await expect(cell(page, RES_TOTAL)).toHaveText('3');
    await expect(cell(page, '一、本年新收申请 · 总计')).toHaveText('5');

    const panel = page.getByRole('complementary', { name: '检查结果' });
    const finding = panel.getByRole('button', { name: /“自然人”列不平衡/ });
    await expect(finding).toBeVisible();
    await expect(cell(page, NEW)).toHaveClass(/mark-error/);
    await expect(cell(page, NEW)).toHaveAccessibleName(/错误：“自然人”列不平衡/);

    // Jump from the panel to the cell, then fix the column: 5 + 1 = (3 + 2) + 1.
    await finding.click();
    await expect(cell(page, NEW)).toBeFocused();
    await typeInCell(page, '三（二）部分公开 · 自然人', '2');
    await expect(finding).toHaveCount(0);
    await expect(cell(page, NEW)).not.toHaveClass(/mark-error/);
    await waitSaved(page);
    expect(pageErrors(page)).toEqual([]);
  });

  test('paste a tab-separated block copied from Excel, skipping the computed total', async ({ page, server }) => {
    await openApp(page, server.url);
    await createReport(page, '云岭县交通运输局', 2024);
    await gotoSection(page, /三、收到和处理/);
    await cell(page, NEW).click();
    // Two rows of six applicant columns plus the 总计 column, CRLF and a trailing line break like Excel;
    // the second row's total (9) is wrong on purpose.
    const text = '5\t1\t0\t0\t"1"\t0\t7\r\n2\t0\t0\t0\t0\t0\t9\r\n';
    await page.evaluate((t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      document.activeElement!.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, text);
    await expect(cell(page, NEW)).toHaveText('5');
    await expect(cell(page, '一、本年新收申请 · 商业企业')).toHaveText('1');
    await expect(cell(page, '一、本年新收申请 · 法律服务机构')).toHaveText('1');
    await expect(cell(page, '一、本年新收申请 · 总计')).toHaveText('7');
    await expect(cell(page, CARRIED)).toHaveText('2');
    await expect(cell(page, '二、上年结转申请 · 总计')).toHaveText('2');
    const summary = page.getByRole('alert').filter({ hasText: '已粘贴 12 个单元格' });
    await expect(summary).toContainText('复制的总计为 9，按各项相加应为 2');

    // The paste is one undo step.
    await page.getByRole('button', { name: '撤销' }).click();
    await expect(cell(page, NEW)).toHaveText('');
    await expect(cell(page, CARRIED)).toHaveText('');
    await page.getByRole('button', { name: '重做' }).click();
    await expect(cell(page, NEW)).toHaveText('5');
    await expect(cell(page, CARRIED)).toHaveText('2');
  });

  test('a letter, a negative number and a decimal are refused at the cell with a message', async ({ page, server }) => {
    await openApp(page, server.url);
    await createReport(page, '云岭县民政局', 2024);
    await gotoSection(page, /三、收到和处理/);
    await cell(page, NEW).click();
    await page.keyboard.type('1a');
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert').filter({ hasText: '不是数字' });
    await expect(alert).toContainText('“1a”不是数字');
    // Still editing, nothing changed silently: the value is not 1.
    await expect(page.getByRole('textbox', { name: `编辑 ${NEW}` })).toHaveValue('1a');
    await page.keyboard.press('Escape');
    await expect(alert).toHaveCount(0);
    await expect(cell(page, NEW)).toHaveText('');

    await page.keyboard.type('-3');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: '不能为负数' })).toBeVisible();
    await page.keyboard.press('Escape');
    await page.keyboard.type('2.5');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('alert').filter({ hasText: '只能填整数' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(cell(page, NEW)).toHaveText('');

    // The fee amount in 万元 takes decimals.
    await gotoSection(page, /二、主动公开/);
    await typeInCell(page, '行政事业性收费 · 本年收费金额', '12.345678');
    await expect(cell(page, '行政事业性收费 · 本年收费金额')).toHaveText('12.345678');
    await expect(page.getByText('行政事业性收费单位：万元')).toBeVisible();
  });

  test('undo and redo cover cell edits and fill-zero as single steps (buttons and Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z)', async ({
    page,
    server,
  }) => {
    await openApp(page, server.url);
    await createReport(page, '云岭县水务局', 2024);
    await gotoSection(page, /四、政府信息公开行政复议/);
    await typeInCell(page, '行政复议 · 结果维持', '2');
    await typeInCell(page, '行政复议 · 结果纠正', '1');
    await expect(cell(page, '行政复议 · 总计')).toHaveText('3');

    await page.getByRole('button', { name: /剩余空白填 0/ }).click();
    await page.getByRole('button', { name: '填 0', exact: true }).click();
    await expect(cell(page, '行政诉讼·复议后起诉 · 尚未审结')).toHaveText('0');
    await expect(cell(page, '行政复议 · 其他结果')).toHaveText('0');

    await cell(page, '行政复议 · 结果维持').click();
    await page.keyboard.press('Control+z');
    await expect(cell(page, '行政复议 · 其他结果')).toHaveText('');
    await expect(cell(page, '行政复议 · 结果纠正')).toHaveText('1');
    await page.keyboard.press('Control+z');
    await expect(cell(page, '行政复议 · 结果纠正')).toHaveText('');
    await expect(cell(page, '行政复议 · 总计')).toHaveText('2');
    await page.keyboard.press('Control+y');
    await expect(cell(page, '行政复议 · 结果纠正')).toHaveText('1');
    await page.keyboard.press('Control+Shift+z');
    await expect(cell(page, '行政复议 · 其他结果')).toHaveText('0');
    await expect(page.getByRole('button', { name: '重做' })).toBeDisabled();
  });

  test('keyboard in the grid: arrows, Tab, Enter, F2, Esc and Delete', async ({ page, server }) => {
    await openApp(page, server.url);
    await createReport(page, '云岭县林业局', 2024);
    await gotoSection(page, /三、收到和处理/);
    await cell(page, NEW).click();
    await page.keyboard.press('ArrowRight');
    await expect(cell(page, '一、本年新收申请 · 商业企业')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(cell(page, '二、上年结转申请 · 商业企业')).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(cell(page, CARRIED)).toBeFocused();
    // Shift+Tab passes over the computed 总计 at the end of the row above.
    await page.keyboard.press('Shift+Tab');
    await expect(cell(page, '一、本年新收申请 · 其他')).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.type('4');
    await page.keyboard.press('Shift+Enter');
    await expect(cell(page, CARRIED)).toHaveText('4');
    await expect(cell(page, NEW)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('F2');
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await expect(cell(page, CARRIED)).toHaveText('42');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.type('9');
    await page.keyboard.press('Escape');
    await expect(cell(page, CARRIED)).toHaveText('42');
    await expect(cell(page, CARRIED)).toBeFocused();
    await page.keyboard.press('Delete');
    await expect(cell(page, CARRIED)).toHaveText('');
  });

  test('text sections: standard sub-headings, the 信息处理费 sentence, carried paragraphs', async ({
    page,
    server,
    request,
  }) => {
    await openApp(page, server.url);
    await createReport(page, '云岭县统计局', 2024);
    await gotoSection(page, /六、其他需要报告的事项/);
    await page.getByRole('button', { name: '插入“本年度未收取信息处理费。”' }).click();
    await expect(page.getByRole('textbox', { name: '段落（第 1 段）' })).toHaveValue('本年度未收取信息处理费。');
    await expect(page.getByText('已说明信息处理费收取情况')).toBeVisible();

    // A paragraph carried over from last year (as rollover writes it) shows its mark until confirmed or edited.
    const id = new URL(page.url()).hash.split('/')[2]!;
    await waitSaved(page);
    const api = (method: string, args: unknown[]) =>
      request.post(`${server.origin}/api/${method}`, {
        headers: { 'X-Nianbao-Token': server.token, 'Content-Type': 'application/json' },
        data: { args },
      });
    const report = (await (await api('getReport', [id])).json()).result;
    report.sections.find((s: { id: string }) => s.id === 'problems').blocks = [
      { type: 'paragraph', text: '上年的问题。', carried: true },
      { type: 'paragraph', text: '上年的改进。', carried: true },
    ];
    expect((await (await api('saveReport', [report])).json()).ok).toBe(true);
    await page.goto(`${server.origin}/#/`);
    await page.goto(`${server.origin}/#/report/${id}/problems`);
    await expect(page.getByText('沿用上年，待核改')).toHaveCount(2);
    await page.getByRole('button', { name: '确认无需修改' }).first().click();
    await expect(page.getByText('沿用上年，待核改')).toHaveCount(1);
    await page.getByRole('textbox', { name: '段落（第 2 段）' }).fill('本年的改进措施。');
    await expect(page.getByText('沿用上年，待核改')).toHaveCount(0);
  });

  test('cover page: suggested title, standard opening, date printed in Chinese; dismissing a warning with a reason', async ({
    page,
    server,
  }) => {
    await openApp(page, server.url);
    await createReport(page, '云岭县审计局', 2024);
    const title = page.getByLabel('标题', { exact: true });
    await title.fill('年度报告');
    await page.getByRole('button', { name: '使用建议标题' }).click();
    await expect(title).toHaveValue('云岭县审计局2024年政府信息公开工作年度报告');
    await page.getByRole('button', { name: '插入常用开头' }).click();
    await expect(page.getByLabel('开头段落')).toHaveValue(/统计期限为2024年1月1日至2024年12月31日/);
    await page.getByLabel('成文日期').click();
    await page.getByLabel('成文日期').fill('2025年1月20日');
    await page.getByLabel('成文日期').press('Enter');
    await expect(page.getByText('打印为：2025年1月20日。')).toBeVisible();

    // The year changes within the format; a year of another format is refused with the reason.
    const year = page.getByLabel('报告年度');
    await year.fill('2023');
    await year.press('Enter');
    await expect(page.getByText('统计期为2023年1月1日至12月31日。')).toBeVisible();
    await expect(page.getByRole('button', { name: '使用建议标题' })).toBeEnabled();
    await year.fill('2020');
    await year.press('Tab');
    await expect(page.getByRole('alert').filter({ hasText: '2020年度的年报使用另一种表格格式' })).toBeVisible();
    await expect(year).toHaveValue('2023');

    // A warning can be dismissed with a reason; it stays listed, greyed.
    await gotoSection(page, /六、其他需要报告的事项/);
    await page.getByRole('button', { name: '添加段落' }).click();
    await page.getByRole('textbox', { name: '段落（第 1 段）' }).fill('本机关无其他需要报告的事项。');
    const panel = page.getByRole('complementary', { name: '检查结果' });
    const fee = panel.locator('li.finding', { hasText: '信息处理费' }).first();
    await expect(fee).toBeVisible();
    await fee.getByRole('button', { name: '忽略…' }).click();
    await panel.getByLabel('忽略的理由').fill('本机关未设收费事项，已在上文说明');
    await panel.getByRole('button', { name: '忽略', exact: true }).click();
    await panel.getByRole('button', { name: /已忽略（1）/ }).click();
    await expect(panel.locator('li.finding.dismissed')).toContainText('本机关未设收费事项');
  });

  test('a text finding jumps to its words: the paragraph is opened and the span selected', async ({ page, server }) => {
    await openApp(page, server.url);
    await page.getByRole('button', { name: /打开示例年报/ }).click();
    await gotoSection(page, /一、总体情况/);
    await page.getByRole('button', { name: '添加段落' }).click();
    const para = page.getByRole('textbox', { name: '段落（第 12 段）' });
    await para.fill('全年共收到政府信息公开申请17件。');
    const panel = page.getByRole('complementary', { name: '检查结果' });
    const finding = panel.getByRole('button', { name: /收到政府信息公开申请17件.*不一致/ });
    await expect(finding).toBeVisible();
    // The same warning is shown under the paragraph.
    await expect(page.locator('.nblock.mark-warning')).toContainText('不一致');

    await gotoSection(page, /三、收到和处理/);
    await finding.click();
    await expect(page.locator('#page-heading')).toHaveText('一、总体情况');
    await expect(para).toBeFocused();
    const selected = await para.evaluate((el: HTMLTextAreaElement) =>
      el.value.slice(el.selectionStart, el.selectionEnd),
    );
    expect(selected).toBe('收到政府信息公开申请17件');
  });
});
