// Length: two end-to-end walks of 汇总 with their setup.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { buildDocx, buildHtml } from '../../shared/export';
import type { Report } from '../../shared/model/types';
import { makeReport, lastYearOf, withCells } from '../fixtures/factory';
import { rowText } from '../fixtures/import/render';
import { test, expect, openApp, expectAccessible, pageErrors, cell } from './support/fixtures';
import { apiOf } from './support/api';
import { expectFits, settle } from './support/fits';

/**
 * 汇总下级单位 in the browser, with the real service: units from the library and from files in
 * several forms, the roster, the summed tables with their breakdown, 写入 into the government
 * report, a corrected report re-summed with its differences, and the workbook download.
 */

async function shot(page: Page, name: string) {
  await settle(page);
  await page.screenshot({ path: `.tmp/screens/${name}.png` });
  await expectFits(page, name);
}

const finance = makeReport({
  agency: '云溪县财政局',
  t2: { normative_docs: [2, 1, 9], licensing: 10, penalty: 4, coercion: 1, fees: 12.5 },
  t3: { carried_over: [1, 0, 0, 0, 0, 0], res_open: [5, 1, 0, 0, 0, 0], carry_next: [1, 0, 0, 0, 0, 0] },
  t4: { review: [1, 1, 0, 0] },
});
const education = makeReport({
  agency: '云溪县教育局',
  t2: { normative_docs: [1, 0, 6], licensing: 40, penalty: 0, coercion: 0, fees: 0 },
  t3: { res_open: [9, 0, 0, 0, 0, 0], unable_not_held: [2, 0, 0, 0, 0, 0] },
});
const town = makeReport({
  agency: '城关镇人民政府',
  kind: 'township',
  t2: { normative_docs: [0, 0, 0], licensing: 3, penalty: 20, coercion: 0, fees: 0 },
  t3: { res_open: [2, 0, 0, 0, 0, 0] },
});
const village = makeReport({
  agency: '白石乡人民政府',
  kind: 'township',
  t2: { normative_docs: [0, 0, 0], licensing: 1, penalty: 2, coercion: 0, fees: 0 },
  t3: { res_partial: [1, 0, 0, 0, 0, 0] },
});
// A report with an arithmetic error (its own check finds it).
const audit = withCells(makeReport({ agency: '云溪县审计局', t3: { res_open: [4, 0, 0, 0, 0, 0] } }), {
  't3.res_open.total': 5,
});
const office = makeReport({
  agency: '云溪县人民政府办公室',
  t2: { regulations: [2, 1, 14], normative_docs: [5, 2, 30], licensing: 0, penalty: 0, coercion: 0, fees: 0 },
  t3: { res_open: [7, 3, 1, 0, 0, 0], carry_next: [2, 0, 0, 0, 0, 0] },
});

test.describe('汇总下级单位', () => {
  let dir = '';
  test.beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-agg-e2e-'));
  });
  test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('roster, units from the library and from files, breakdown, 写入, a corrected report, Excel', async ({
    page,
    server,
    request,
  }) => {
    test.setTimeout(240_000);
    const api = apiOf(request, server);
    const gov = await api<Report>('createReport', { agency: '云溪县人民政府', kind: 'government', year: 2024 });
    await api('saveReport', {
      ...gov,
      sections: gov.sections.map((s) =>
        s.id === 'requests'
          ? { ...s, blocks: [{ type: 'paragraph', text: '2024年，全县共收到政府信息公开申请30件。' }] }
          : s,
      ),
    });
    await api('saveReport', finance);
    await api(
      'saveReport',
      lastYearOf(finance, { t3: { res_open: [2, 0, 0, 0, 0, 0], carry_next: [3, 0, 0, 0, 0, 0] } }),
    );
    await api('saveReport', education);
    const files = [
      join(dir, '城关镇.docx'),
      join(dir, '白石乡.html'),
      join(dir, '审计局.txt'),
      join(dir, '政府办.json'),
    ];
    writeFileSync(files[0]!, await buildDocx(town, { embed: false }));
    writeFileSync(files[1]!, buildHtml(village, { standalone: true }));
    writeFileSync(files[2]!, rowText(audit));
    writeFileSync(files[3]!, JSON.stringify(office));

    await openApp(page, server.url);
    const govRow = page
      .locator('.library-table tbody tr')
      .filter({ hasText: '云溪县人民政府' })
      .filter({ hasText: '2024' });
    await govRow.getByRole('button', { name: /汇总下级单位/ }).click();
    await expect(page.getByRole('heading', { name: '汇总下级单位' })).toBeVisible();
    await expectAccessible(page, 'aggregate (empty)');
    await shot(page, 'aggregate-empty');

    // The roster, pasted from a spreadsheet column.
    await page.getByRole('tab', { name: /报送名单/ }).click();
    await page.getByRole('button', { name: '添加或粘贴名单…' }).click();
    await page
      .getByRole('textbox', { name: '单位名称，每行一个' })
      .fill('云溪县财政局\n云溪县教育局\n城关镇\n白石乡\n云溪县审计局\n云溪县人民政府办公室\n云溪县统计局');
    await page.getByRole('button', { name: '加入名单' }).click();
    await expect(page.getByRole('tab', { name: '报送名单（7）' })).toBeVisible();

    // Units: two from the library, four files in four forms.
    await page.getByRole('tab', { name: /单位报告/ }).click();
    await page.getByRole('button', { name: '从年报库添加…' }).click();
    const picker = page.getByRole('dialog', { name: '从年报库添加单位报告' });
    await picker.getByRole('checkbox', { name: '选择云溪县财政局' }).check();
    await picker.getByRole('checkbox', { name: '选择云溪县教育局' }).check();
    await picker.getByRole('button', { name: '添加 2 份' }).click();
    await expect(page.getByText('已添加 2 份单位报告')).toBeVisible({ timeout: 30_000 });
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '添加文件…' }).click();
    await (await chooser).setFiles(files);
    await expect(page.getByText('已添加 4 份单位报告')).toBeVisible({ timeout: 60_000 });

    const summary = page.locator('.agg-summary');
    await expect(summary).toContainText('名单 7 个单位，已提交 6，未提交 1');
    await expect(summary).toContainText('计入汇总 6 份报告');
    const rows = page.locator('.agg-units-table tbody tr.ant-table-row');
    const row = (name: string) => rows.filter({ hasText: name });
    await expect(row('云溪县统计局')).toContainText('未提交');
    await expect(row('城关镇人民政府')).toContainText('已提交');
    await expect(row('云溪县人民政府办公室')).toContainText('本级');
    await expect(row('云溪县审计局')).toContainText('错误');
    await shot(page, 'aggregate-units');

    // Checks across units: missing unit, carry-over against last year, the text against the sums.
    await page.getByRole('tab', { name: /检查/ }).click();
    const checks = page.locator('.agg-findings');
    await expect(checks).toContainText('云溪县统计局在报送名单中');
    await expect(checks).toContainText('云溪县审计局的报告有');
    await expect(checks).toContainText('“上年结转”为 1 件');
    await expect(checks).toContainText('正文与表格不一致');
    await shot(page, 'aggregate-checks');

    // The summed tables; a cell opens its breakdown by unit.
    await page.getByRole('tab', { name: '汇总结果' }).click();
    const penalty = page.getByRole('button', { name: /行政处罚 · 本年处理决定数量：71，查看各单位/ });
    await penalty.click();
    const pop = page.getByRole('dialog', { name: /行政处罚.*各单位数字/ });
    await expect(pop).toContainText('城关镇人民政府');
    await expect(pop).toContainText('20');
    await expect(pop).toContainText('来自 4 个单位');
    await shot(page, 'aggregate-breakdown');
    await page.keyboard.press('Escape');

    // 写入: the unit with errors is flagged first; it can be left out.
    await page.getByRole('button', { name: '写入年报…' }).click();
    const dialog = page.getByRole('dialog', { name: '写入年报' });
    await expect(dialog).toContainText('1 个单位的报告有未处理的错误');
    await expect(dialog).toContainText('首次写入');
    await shot(page, 'aggregate-apply-first');
    await dialog.getByRole('checkbox', { name: '计入 云溪县审计局' }).uncheck();
    await dialog.getByRole('button', { name: /写入 \d+ 个数字/ }).click();
    await expect(page.getByText(/已写入 \d+ 个数字并保存/)).toBeVisible({ timeout: 20_000 });

    // A corrected report from the finance bureau: only what changed, with the units behind it.
    const corrected = withCells(finance, { 't3.res_open.natural': 8, 't3.new_received.natural': 8 }, true);
    const fixedFile = join(dir, '财政局（更正）.json');
    writeFileSync(fixedFile, JSON.stringify({ ...corrected, meta: { ...corrected.meta, id: 'corrected-finance' } }));
    await page.getByRole('tab', { name: /单位报告/ }).click();
    const chooser2 = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '添加文件…' }).click();
    await (await chooser2).setFiles([fixedFile]);
    await expect(page.getByText('已添加 1 份单位报告')).toBeVisible({ timeout: 30_000 });
    await expect(row('云溪县财政局').first()).toContainText('重复');
    await page.getByRole('button', { name: '写入年报…' }).click();
    await expect(dialog).toContainText('个数字有变化，只更新这些数字');
    await expect(dialog.locator('.ant-table')).toContainText('三（一）予以公开 · 自然人');
    await expect(dialog).toContainText('改用新报告：云溪县财政局');
    await expect(
      dialog.locator('.ant-table').getByRole('row').filter({ hasText: '三（一）予以公开 · 自然人' }),
    ).toContainText('云溪县财政局 5 → 8');
    await shot(page, 'aggregate-apply-again');
    await dialog.getByRole('button', { name: /写入 \d+ 个数字/ }).click();
    await expect(page.getByText(/已写入 \d+ 个数字并保存/)).toBeVisible({ timeout: 20_000 });

    // The workbook.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('云溪县人民政府2024年度汇总.xlsx');
    const saved = join(dir, 'out.xlsx');
    await file.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(saved) as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet('单位报告')!.rowCount).toBe(1 + 8);

    // The government report now holds the sums: 5+9+2+7+3 (natural) → corrected finance 8 instead of 5.
    await page.getByRole('button', { name: '返回年报' }).click();
    await page
      .getByRole('navigation', { name: '年报各部分' })
      .getByRole('link', { name: /三、收到和处理/ })
      .click();
    await expect(cell(page, '三（一）予以公开 · 自然人')).toHaveText(String(8 + 9 + 2 + 7));
    await shot(page, 'aggregate-editor-after');

    // In the editor's own table, a summed cell opens its breakdown by unit (button, then Alt+↓).
    await cell(page, '三（一）予以公开 · 自然人').click();
    await page.getByRole('button', { name: '各单位数字（Alt+↓）' }).click();
    const units = page.getByRole('tooltip').filter({ hasText: '写入的汇总数' });
    await expect(units).toContainText('三（一）予以公开 · 自然人：各单位数字');
    await expect(units).toContainText('写入的汇总数 26，来自 4 个单位（另有 1 个单位为 0 或未填）');
    await expect(units.getByRole('row')).toHaveText([
      /单位\s*数字/,
      /云溪县教育局\s*9/,
      /云溪县财政局\s*8/,
      /云溪县人民政府办公室（本级）\s*7/,
      /城关镇人民政府\s*2/,
    ]);
    await shot(page, 'aggregate-editor-breakdown');
    await page.keyboard.press('Escape');
    await expect(units).toBeHidden();
    // From the keyboard: the next cell to the right, Alt+↓.
    await cell(page, '三（一）予以公开 · 自然人').click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Alt+ArrowDown');
    const commercial = page.getByRole('tooltip').filter({ hasText: '商业企业：各单位数字' });
    await expect(commercial).toContainText('写入的汇总数 4，来自 2 个单位');
    await expect(commercial).toContainText('云溪县人民政府办公室（本级）');
    await page.keyboard.press('Escape');
    expect(pageErrors(page)).toEqual([]);
  });
  test('a 政务公开办 clerk in January: roster from last year, a folder of reports, who is missing and wrong, .docx and .xlsx read back', async ({
    page,
    server,
    request,
  }) => {
    test.setTimeout(300_000);
    const api = apiOf(request, server);
    // Last year's set of unit reports is in the library (from last January); this year's government report is new.
    const stats = makeReport({ agency: '云溪县统计局', year: 2023, t3: { res_open: [1, 0, 0, 0, 0, 0] } });
    for (const r of [
      lastYearOf(finance),
      lastYearOf(education, { t3: { carry_next: [4, 0, 0, 0, 0, 0] } }),
      lastYearOf(town),
      lastYearOf(village),
      lastYearOf(audit),
      stats,
    ])
      await api('saveReport', r);
    const gov = await api<Report>('createReport', { agency: '云溪县人民政府', kind: 'government', year: 2024 });
    await api('saveReport', {
      ...gov,
      sections: gov.sections.map((s) =>
        s.id === 'requests'
          ? { ...s, blocks: [{ type: 'paragraph', text: '2024年，全县共收到政府信息公开申请40件。' }] }
          : s,
      ),
    });
    // This year's reports arrived by e-mail in every form, saved into one folder (a subfolder for townships).
    const inbox = join(dir, '2024年报');
    mkdirSync(join(inbox, '乡镇'), { recursive: true });
    writeFileSync(join(inbox, '财政局.json'), JSON.stringify(finance));
    writeFileSync(join(inbox, '教育局.docx'), await buildDocx(education, { embed: false }));
    writeFileSync(join(inbox, '~$教育局.docx'), 'Word lock file');
    writeFileSync(join(inbox, '审计局.txt'), rowText(audit));
    writeFileSync(join(inbox, '政府办.json'), JSON.stringify(office));
    writeFileSync(join(inbox, '乡镇', '城关镇.html'), buildHtml(town, { standalone: true }));
    writeFileSync(join(inbox, '乡镇', '白石乡.html'), buildHtml(village, { standalone: true }));

    await openApp(page, server.url);
    await page
      .locator('.library-table tbody tr')
      .filter({ hasText: '云溪县人民政府' })
      .filter({ hasText: '2024' })
      .getByRole('button', { name: /汇总下级单位/ })
      .click();
    await expect(page.getByRole('heading', { name: '汇总下级单位' })).toBeVisible();

    // The roster from last year's reports in the library.
    await page.getByRole('tab', { name: /报送名单/ }).click();
    await page.getByRole('button', { name: '从上年导入…' }).click();
    const fromLast = page.getByRole('dialog', { name: '从上年导入名单' });
    await expect(fromLast).toContainText('年报库中2023年度的报告');
    await expect(fromLast.getByRole('checkbox', { checked: true })).toHaveCount(6);
    await shot(page, 'aggregate-walk-roster-from-last');
    await fromLast.getByRole('button', { name: '加入名单' }).click();
    await expect(page.getByRole('tab', { name: '报送名单（6）' })).toBeVisible();

    // The folder: every report in it, subfolders included, the Word lock file left out.
    await page.getByRole('tab', { name: /单位报告/ }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '添加文件夹…' }).click();
    await (await chooser).setFiles(inbox);
    await expect(page.getByText('已添加 6 份单位报告')).toBeVisible({ timeout: 90_000 });
    const rows = page.locator('.agg-units-table tbody tr.ant-table-row');
    const row = (name: string) => rows.filter({ hasText: name });
    // Who has not reported, who is not on the roster, whose figures are wrong.
    await expect(row('云溪县统计局')).toContainText('未提交');
    await expect(row('云溪县人民政府办公室')).toContainText('不在名单');
    await expect(row('云溪县审计局')).toContainText('错误');
    await shot(page, 'aggregate-walk-units');
    // The government office goes on the roster too.
    await page.getByRole('tab', { name: /报送名单/ }).click();
    await page.getByRole('button', { name: /把已报送、不在名单中的 1 个单位加入名单/ }).click();
    const summary = page.locator('.agg-summary');
    await expect(summary).toContainText('名单 7 个单位，已提交 6，未提交 1');

    await page.getByRole('tab', { name: /检查/ }).click();
    const checks = page.locator('.agg-findings');
    await expect(checks).toContainText('云溪县统计局在报送名单中');
    await expect(checks).toContainText('云溪县审计局的报告有');
    await expect(checks).toContainText(/云溪县教育局.*上年结转/);
    // The text's 全县 figure against the sums (40 written, 5+9+4+2+7 = 27 summed).
    await expect(checks).toContainText('正文与表格不一致');
    await shot(page, 'aggregate-walk-checks');

    // 写入 without the unit whose figures are wrong.
    await page.getByRole('button', { name: '写入年报…' }).click();
    const dialog = page.getByRole('dialog', { name: '写入年报' });
    await dialog.getByRole('checkbox', { name: '计入 云溪县审计局' }).uncheck();
    await dialog.getByRole('button', { name: /写入 \d+ 个数字/ }).click();
    await expect(page.getByText(/已写入 \d+ 个数字并保存/)).toBeVisible({ timeout: 20_000 });

    // The workbook: one sheet per table, a 合计 row equal to the report's figures.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const xlsx = join(dir, 'walk.xlsx');
    await (await download).saveAs(xlsx);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsx) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '单位报告',
      '表二 主动公开',
      '表三 依申请公开',
      '表四 复议诉讼',
      '检查',
      '说明',
    ]);
    const t3 = wb.getWorksheet('表三 依申请公开')!;
    const t3Units = t3.getColumn(2).values.slice(3).map(String);
    expect(t3Units).toEqual(expect.arrayContaining(['云溪县财政局', '云溪县教育局', '云溪县人民政府办公室（本级）']));
    expect(t3Units).not.toContain('云溪县审计局');
    expect(t3Units.at(-1)).toBe('合计（云溪县人民政府）');

    // Back in the editor: export the .docx, then read it back with the importer.
    await page.getByRole('button', { name: '返回年报' }).click();
    await page.getByRole('toolbar', { name: '编辑工具' }).getByRole('button', { name: '导出' }).click();
    const exportDialog = page.getByRole('dialog', { name: '导出年报' });
    const outDir = join(dir, 'out');
    mkdirSync(outDir);
    await exportDialog.getByLabel('保存到文件夹').fill(outDir);
    await exportDialog.getByRole('checkbox', { name: /PDF/ }).uncheck();
    await exportDialog.getByRole('checkbox', { name: /网页（\.html）/ }).uncheck();
    // The new report's sections are not written yet: the clerk acknowledges and exports a draft.
    await exportDialog.getByRole('checkbox', { name: '我已知晓以上问题，仍要导出' }).check();
    await exportDialog.getByRole('button', { name: '导出', exact: true }).click();
    await expect(exportDialog).toContainText('已导出 1 个文件', { timeout: 120_000 });
    const docxName = readdirSync(outDir).find((n) => n.endsWith('.docx'))!;
    const saved = await api<Report>('getReport', gov.meta.id);
    const back = await api<{ report: Report }>('importFile', {
      name: docxName,
      data: readFileSync(join(outDir, docxName)).toString('base64'),
    });
    // Finance 5, education 9, Chengguan 2, the office 7 (the audit bureau left out): the sums, read back.
    expect(saved.cells['t3.res_open.natural']).toBe(5 + 9 + 2 + 7);
    expect(back.report.cells['t3.res_open.natural']).toBe(5 + 9 + 2 + 7);
    const tableKeys = Object.keys(saved.cells).filter((k) => /^t[34]\./.test(k));
    expect(tableKeys.length).toBeGreaterThan(100);
    expect(Object.fromEntries(tableKeys.map((k) => [k, back.report.cells[k] ?? null]))).toEqual(
      Object.fromEntries(tableKeys.map((k) => [k, saved.cells[k]])),
    );
    expect(pageErrors(page)).toEqual([]);
  });
});
