import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { cliIo } from '../cli/support/cli-io';
import { buildDocx, buildHtml } from '../../../shared/export/index';
import { parseReportJson } from '../../../shared/model/schema';
import type { Report } from '../../../shared/model/types';
import { readAggregateState } from '../../../shared/aggregate/index';
import { makeReport } from '../../fixtures/factory';
import { rowText, siteHtml } from '../../fixtures/import/render';
import { hasChromium, htmlToPdf, tempDir } from '../../fixtures/import/tools';
import { PYTHON, missing } from '../export/helpers/tools';
import { itUnless } from '../../fixtures/skip';

/**
 * 汇总 end to end, with real files in every form a unit sends (report file, a Word file from another
 * program, a website page, a PDF, copied text), through the CLI: the summed government report,
 * its .docx export read back by python-docx, and the workbook read back by exceljs and openpyxl.
 */

const HELPER = fileURLToPath(new URL('./helpers/read_back.py', import.meta.url));
const hasOpenpyxl = spawnSync(PYTHON, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0;

const units: Record<string, Report> = {
  finance: makeReport({
    agency: '云溪县财政局',
    t2: { normative_docs: [2, 1, 9], licensing: 10, penalty: 4, coercion: 1, fees: 12.5 },
    t3: { res_open: [5, 1, 0, 0, 0, 0], deny_third: [1, 0, 0, 0, 0, 0], carry_next: [1, 0, 0, 0, 0, 0] },
    t4: { review: [1, 1, 0, 0] },
  }),
  education: makeReport({
    agency: '云溪县教育局',
    t2: { normative_docs: [1, 0, 6], licensing: 40, penalty: 0, coercion: 0, fees: 0 },
    t3: { res_open: [9, 0, 0, 0, 0, 0], unable_not_held: [2, 0, 0, 0, 0, 0] },
    t4: { lit_direct: [0, 0, 0, 1] },
  }),
  town: makeReport({
    agency: '城关镇人民政府',
    kind: 'township',
    t2: { normative_docs: [0, 0, 0], licensing: 3, penalty: 20, coercion: 0, fees: 0 },
    t3: { res_open: [2, 0, 0, 0, 0, 0] },
  }),
  village: makeReport({
    agency: '白石乡人民政府',
    kind: 'township',
    t2: { normative_docs: [0, 0, 0], licensing: 1, penalty: 2, coercion: 0, fees: 0 },
    t3: { res_partial: [1, 0, 0, 0, 0, 0] },
  }),
  office: makeReport({
    agency: '云溪县人民政府办公室',
    t2: { regulations: [2, 1, 14], normative_docs: [5, 2, 30], licensing: 0, penalty: 0, coercion: 0, fees: 0 },
    t3: { res_open: [7, 3, 1, 0, 0, 0], carry_next: [2, 0, 0, 0, 0, 0] },
    t4: { review: [2, 0, 0, 0] },
  }),
};
const total = (key: string) => Object.values(units).reduce((a, r) => a + ((r.cells[key] as number) ?? 0), 0);

describe('nianbao aggregate, end to end', () => {
  const tmp = tempDir('nianbao-aggregate-');
  const dir = tmp.dir;
  let gov: Report;
  let cli: ReturnType<typeof cliIo>;
  let code = -1;

  beforeAll(async () => {
    const folder = join(dir, '各单位');
    mkdirSync(join(folder, '乡镇'), { recursive: true });
    writeFileSync(join(folder, '财政局.json'), JSON.stringify(units.finance));
    writeFileSync(join(folder, '教育局.docx'), await buildDocx(units.education!, { embed: false }));
    writeFileSync(join(folder, '乡镇', '城关镇.html'), siteHtml(units.town!));
    if (hasChromium)
      writeFileSync(
        join(folder, '乡镇', '白石乡.pdf'),
        await htmlToPdf(buildHtml(units.village!, { standalone: true }), dir, 'v'),
      );
    else writeFileSync(join(folder, '乡镇', '白石乡.html'), buildHtml(units.village!, { standalone: true }));
    writeFileSync(join(folder, '政府办.txt'), rowText(units.office!));
    writeFileSync(
      join(dir, '名单.txt'),
      '云溪县财政局\n云溪县教育局\n城关镇\n白石乡\n云溪县人民政府办公室\n云溪县审计局\n',
    );
    cli = cliIo(dir);
    code = await main(
      [
        'aggregate',
        '各单位',
        '--agency',
        '云溪县人民政府',
        '--year',
        '2024',
        '--roster',
        '名单.txt',
        '-o',
        'gov.json',
        '--xlsx',
        'gov.xlsx',
        '--csv',
        'gov.csv',
      ],
      cli.io,
    );
    const parsed = parseReportJson(readFileSync(join(dir, 'gov.json'), 'utf8'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    gov = parsed.report;
  }, 240_000);
  afterAll(() => tmp.done());

  it('reads every form, matches the roster, sums the tables', () => {
    expect(cli.err()).not.toMatch(/无法读取/);
    expect(code).toBe(0);
    const out = cli.out();
    expect(out).toMatch(/已提交\s+云溪县财政局/);
    expect(out).toMatch(/已提交\s+云溪县人民政府办公室（本级）/);
    expect(out).toMatch(/未提交\s+云溪县审计局/);
    expect(out).toContain('AGG-MISSING');
    for (const key of [
      't3.res_open.natural',
      't3.res_open.commercial',
      't3.new_received.total',
      't3.res_total.total',
      't3.carry_next.total',
      't4.review.total',
      't4.lit_direct.total',
      't2.licensing.decisions',
      't2.penalty.decisions',
      't2.normative_docs.in_force',
      't2.admin_fees.amount',
    ])
      expect([key, gov.cells[key]]).toEqual([key, total(key)]);
    expect(gov.cells['t2.regulations.in_force']).toBe(14);
    const state = readAggregateState(gov).state;
    expect(state.units).toHaveLength(5);
    expect(new Set(state.units.map((u) => u.source.type === 'file' && u.source.kind))).toEqual(
      new Set(['report', 'docx', 'html', hasChromium ? 'pdf' : 'html', 'text']),
    );
    expect(state.applied?.units).toHaveLength(5);
    const csv = readFileSync(join(dir, 'gov.csv'), 'utf8');
    expect(csv.startsWith('\ufeff序号,单位,名单状态')).toBe(true);
    expect(csv).toContain('云溪县审计局,未提交');
  });

  it('the summed report checks, exports to .docx, and python-docx reads the summed tables back', async () => {
    const check = cliIo(dir);
    expect(await main(['check', 'gov.json', '--json'], check.io)).toBeLessThanOrEqual(1);
    const findings = JSON.parse(check.out()) as { rule: string }[];
    expect(
      findings.filter((f) => ['T3-BALANCE', 'T3-ROW-TOTAL', 'T3-RESULT-TOTAL', 'T4-TOTAL'].includes(f.rule)),
    ).toEqual([]);
    const ex = cliIo(dir);
    expect(await main(['export', 'gov.json', '--docx', 'gov.docx'], ex.io)).toBe(0);
    const why = missing('python-docx');
    if (why) return console.warn(why);
    const tables = JSON.parse(
      execFileSync(PYTHON, [HELPER, 'docx', join(dir, 'gov.docx')], { encoding: 'utf8' }),
    ) as string[][][];
    const t3 = tables.find((t) => t.some((r) => r[0]?.includes('本年新收')))!;
    const row = (label: string) => t3.find((r) => r.some((c) => c.includes(label)))!;
    expect(row('本年新收').at(-1)).toBe(String(total('t3.new_received.total')));
    expect(row('（七）总计').at(-1)).toBe(String(total('t3.res_total.total')));
    const t2 = tables.find((t) => t.some((r) => r.some((c) => c === '行政处罚')))!;
    expect(t2.find((r) => r.includes('行政处罚'))!.at(-1)).toBe(String(total('t2.penalty.decisions')));
  }, 120_000);

  it('the workbook reads back with exceljs: sheets, frozen headers, totals equal to the report', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(dir, 'gov.xlsx')) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '单位报告',
      '表二 主动公开',
      '表三 依申请公开',
      '表四 复议诉讼',
      '检查',
      '说明',
    ]);
    const units = wb.getWorksheet('单位报告')!;
    expect(units.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(units.getRow(1).values).toContain('本年新收');
    expect(units.rowCount).toBe(1 + 6);
    const t3 = wb.getWorksheet('表三 依申请公开')!;
    expect(t3.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 2 });
    const last = t3.getRow(t3.rowCount);
    expect(String(last.getCell(2).value)).toContain('合计');
    const col = (ws: ExcelJS.Worksheet, group: string, column: string) => {
      for (let c = 3; c <= ws.columnCount; c++)
        if (String(ws.getRow(1).getCell(c).value).startsWith(group) && ws.getRow(2).getCell(c).value === column)
          return c;
      throw new Error(`${group} · ${column} not found`);
    };
    const c = col(t3, '一、本年新收', '总计');
    expect(last.getCell(c).value).toMatchObject({
      formula: expect.stringMatching(/^SUM\(/),
      result: total('t3.new_received.total'),
    });
    expect(t3.getColumn(c).numFmt).toBe('0');
    const t2 = wb.getWorksheet('表二 主动公开')!;
    const fee = col(t2, '行政事业性收费', '本年收费金额');
    expect(t2.getColumn(fee).numFmt).toBe('#,##0.00##');
  });

  itUnless(
    !hasOpenpyxl && `没有 ${PYTHON} 的 openpyxl（apt-get install python3-openpyxl）`,
    'the workbook reads back with openpyxl (another reader): values, freeze panes, formats',
    () => {
      const sheets = JSON.parse(
        execFileSync(PYTHON, [HELPER, 'xlsx', join(dir, 'gov.xlsx')], { encoding: 'utf8' }),
      ) as {
        name: string;
        freeze: string;
        rows: unknown[][];
        lastFormulas: unknown[];
        formats: string[];
      }[];
      const t4 = sheets.find((s) => s.name === '表四 复议诉讼')!;
      expect(t4.freeze).toBe('C3');
      // A merged group header holds its text in its first cell only: carry it to the right.
      const header = t4.rows[0]!.map((h, i, all) => h ?? all.slice(0, i).findLast((x) => x !== null));
      const sub = t4.rows[1]!;
      const at = header.findIndex((h, i) => h === '行政复议' && sub[i] === '总计');
      expect(t4.rows.at(-1)![at]).toBe(total('t4.review.total'));
      expect(String(t4.lastFormulas[at])).toMatch(/^=SUM\(/);
      expect(t4.formats).toEqual(['0']);
      const list = sheets.find((s) => s.name === '单位报告')!;
      expect(list.freeze).toBe('C2');
      expect(list.rows.map((r) => r[1])).toContain('云溪县审计局');
    },
  );
});
