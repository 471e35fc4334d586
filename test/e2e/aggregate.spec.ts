import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { buildDocx, buildHtml } from '../../shared/export';
import type { Report } from '../../shared/model/types';
import { makeReport, lastYearOf, withCells } from '../fixtures/factory';
import { rowText } from '../fixtures/import/render';
import { test, expect, openApp, expectAccessible, pageErrors, cell } from './support/fixtures';
import type { TestServer } from './support/server';
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

function apiOf(request: APIRequestContext, server: TestServer) {
  return async <T = unknown>(method: string, ...args: unknown[]): Promise<T> => {
    const res = await request.post(`${server.origin}/api/${method}`, {
      headers: { 'X-Nianbao-Token': server.token, 'Content-Type': 'application/json' },
      data: { args },
    });
    const body = await res.json();
    if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
    return body.result as T;
  };
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
});
