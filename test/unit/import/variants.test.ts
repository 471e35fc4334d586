import { describe, expect, it } from 'vitest';
import { buildHtml } from '../../../shared/export/index';
import { layoutTable, tableDefFor } from '../../../shared/export/table-layout';
import { importReport } from '../../../shared/import/index';
import type { Report } from '../../../shared/model/types';
import { bigReport, report2019, sampleReport } from '../../fixtures/import/reports';

/**
 * Layouts seen on real sites beyond the official grid: subtotal rows, Table 4 printed one row per
 * group, Table 2 split into four tables, the whole article in one layout cell, headings as <h2>,
 * tab-separated copies, irregular 2019 grids with amounts in 元.
 */

const enc = new TextEncoder();
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function page(
  report: Report,
  tables: Partial<Record<'t2' | 't3' | 't4', string>>,
  opts: { h2?: boolean } = {},
): string {
  const heads = [
    '一、总体情况',
    '二、主动公开政府信息情况',
    '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况',
    '五、存在的主要问题及改进情况',
    '六、其他需要报告的事项',
  ];
  const body = report.sections.map((s, i) => {
    const h = opts.h2 ? `<h2>${heads[i]}</h2>` : `<p><b>${heads[i]}</b></p>`;
    const blocks = s.blocks
      .map((b) =>
        b.type === 'heading'
          ? opts.h2
            ? `<h3>${esc(b.text)}</h3>`
            : `<p>${esc(b.text)}</p>`
          : `<p>${esc(b.text)}</p>`,
      )
      .join('');
    const t = i === 1 ? tables.t2 : i === 2 ? tables.t3 : i === 3 ? tables.t4 : '';
    return h + blocks + (t ?? '');
  });
  return `<html><head><meta charset="utf-8"><title>x</title></head><body><h1>${esc(report.title)}</h1><p>${esc(report.preamble ?? '')}</p>${body.join('\n')}</body></html>`;
}

/** The official grid of a table as HTML, with rows inserted after given rows. */
function grid(report: Report, id: 't2' | 't3' | 't4', insertAfter: Record<string, string> = {}): string {
  const t = layoutTable(tableDefFor(report, id)!, report.cells);
  const rows = t.rows.map((row, r) => {
    const tr = `<tr>${row.map((c) => `<td${c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}${c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}>${esc(c.text)}</td>`).join('')}</tr>`;
    return tr + (insertAfter[t.rowLabels[r]!] ?? '');
  });
  return `<table border="1">${rows.join('\n')}</table>`;
}

const expectAll = (got: Report, want: Report, keys = Object.keys(want.cells)) => {
  const wrong = keys
    .filter((k) => got.cells[k] !== want.cells[k])
    .map((k) => `${k}: ${want.cells[k]} → ${got.cells[k]}`);
  expect(wrong).toEqual([]);
};

describe('layouts beyond the official grid', () => {
  const r = bigReport();

  it('subtotal rows added under （三）（四）（五）（六） are skipped, with a warning', async () => {
    const sub = (label: string, rows: string[]) => {
      const v = ['natural', 'commercial', 'research', 'public_interest', 'legal_service', 'other_org', 'total'].map(
        (c) => rows.reduce((a, row) => a + (r.cells[`t3.${row}.${c}`] as number), 0),
      );
      return `<tr><td colspan="2">${label}小计</td>${v.map((x) => `<td>${x}</td>`).join('')}</tr>`;
    };
    const t3 = grid(r, 't3', {
      '8.属于行政查询事项': sub('（三）不予公开', [
        'deny_secret',
        'deny_law',
        'deny_safety',
        'deny_third',
        'deny_internal',
        'deny_process',
        'deny_case_file',
        'deny_query',
      ]),
      '3.补正后申请内容仍不明确': sub('（四）无法提供', ['unable_not_held', 'unable_create', 'unable_unclear']),
    });
    const res = await importReport(enc.encode(page(r, { t2: grid(r, 't2'), t3, t4: grid(r, 't4') })), 'sub.html');
    expectAll(res.report, r);
    expect(res.warnings.some((w) => w.includes('未能对应到官方格式的行'))).toBe(true);
  });

  it('Table 4 printed one row per group', async () => {
    const groups: [string, string][] = [
      ['行政复议', 'review'],
      ['行政诉讼（未经复议直接起诉）', 'lit_direct'],
      ['行政诉讼（复议后起诉）', 'lit_after_review'],
    ];
    const t4 = `<table border="1"><tr><td></td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>${groups
      .map(
        ([label, g]) =>
          `<tr><td>${label}</td>${['maintained', 'corrected', 'other', 'pending', 'total'].map((x) => `<td>${r.cells[`t4.${g}.${x}`]}</td>`).join('')}</tr>`,
      )
      .join('')}</table>`;
    const res = await importReport(enc.encode(page(r, { t2: grid(r, 't2'), t3: grid(r, 't3'), t4 })), 't4.html');
    expectAll(res.report, r);
  });

  it('Table 2 split into four small tables, headings as <h2>/<h3>', async () => {
    const whole = layoutTable(tableDefFor(r, 't2')!, r.cells);
    const blocks: string[] = [];
    let cur: string[] = [];
    for (const row of whole.rows) {
      if (row[0]?.role === 'section' && cur.length) {
        blocks.push(`<table border="1">${cur.join('')}</table>`);
        cur = [];
      }
      cur.push(
        `<tr>${row.map((c) => `<td${c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}>${esc(c.text)}</td>`).join('')}</tr>`,
      );
    }
    blocks.push(`<table border="1">${cur.join('')}</table>`);
    const res = await importReport(
      enc.encode(page(r, { t2: blocks.join('<p></p>'), t3: grid(r, 't3'), t4: grid(r, 't4') }, { h2: true })),
      't2.html',
    );
    expectAll(res.report, r);
    expect(res.report.sections[0]!.blocks).toEqual(r.sections[0]!.blocks);
  });

  it('the whole article inside one cell of a layout table', async () => {
    const html = buildHtml(r, { standalone: true })
      .replace(/<body[^>]*>/, '$&<table width="100%"><tr><td class="nav">首页 | 政务公开</td></tr><tr><td>')
      .replace('</body>', '</td></tr></table></body>');
    const res = await importReport(enc.encode(html), 'layout.html');
    expectAll(res.report, r);
    expect(res.report.sections.map((s) => s.blocks)).toEqual(r.sections.map((s) => s.blocks));
  });

  it('tab-separated rows (copied from a spreadsheet or Word table)', async () => {
    const rows = (id: 't2' | 't3' | 't4') =>
      layoutTable(tableDefFor(r, id)!, r.cells).rows.map((row) => row.map((c) => c.text).join('\t'));
    const text = [
      r.title,
      r.preamble,
      '一、总体情况',
      ...r.sections[0]!.blocks.map((b) => b.text),
      '二、主动公开政府信息情况',
      ...rows('t2'),
      '三、收到和处理政府信息公开申请情况',
      ...rows('t3'),
      '四、政府信息公开行政复议、行政诉讼情况',
      ...rows('t4'),
      '五、存在的主要问题及改进情况',
      ...r.sections[4]!.blocks.map((b) => b.text),
      '六、其他需要报告的事项',
      ...r.sections[5]!.blocks.map((b) => b.text),
    ].join('\n');
    const res = await importReport(enc.encode(text), 'tabs.txt');
    expectAll(res.report, r);
  });
});

describe('2019 grids', () => {
  it('irregular spans (header over two columns, an empty spacer cell) and an amount in 元', async () => {
    const r = report2019();
    const c = (k: string) => String(r.cells[`t2_2019.${k}`]);
    const t2 = `<table border="1">
<tr><td colspan="5">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td colspan="2">本年新制作数量</td><td>本年新公开数量</td><td>对外公开总数量</td></tr>
<tr><td>规章</td><td colspan="2">${c('regulations.made')}</td><td>${c('regulations.published')}</td><td>${c('regulations.public_total')}</td></tr>
<tr><td>规范性文件</td><td colspan="2">${c('normative_docs.made')}</td><td>${c('normative_docs.published')}</td><td>${c('normative_docs.public_total')}</td></tr>
<tr><td colspan="5">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td>上一年项目数量</td><td colspan="2">本年增/减</td><td>处理决定数量</td></tr>
<tr><td>行政许可</td><td>${c('licensing.prev_items')}</td><td>${c('licensing.change')}</td><td>&nbsp;</td><td>${c('licensing.decisions')}</td></tr>
<tr><td>其他对外管理服务事项</td><td>${c('other_services.prev_items')}</td><td colspan="2">${c('other_services.change')}</td><td>${c('other_services.decisions')}</td></tr>
<tr><td colspan="5">第二十条第（六）项</td></tr>
<tr><td>信息内容</td><td>上一年项目数量</td><td colspan="2">本年增/减</td><td>处理决定数量</td></tr>
<tr><td>行政处罚</td><td>${c('penalty.prev_items')}</td><td colspan="2">${c('penalty.change')}</td><td>${c('penalty.decisions')}</td></tr>
<tr><td>行政强制</td><td>${c('coercion.prev_items')}</td><td colspan="2">${c('coercion.change')}</td><td>${c('coercion.decisions')}</td></tr>
<tr><td colspan="5">第二十条第（八）项</td></tr>
<tr><td>信息内容</td><td>上一年项目数量</td><td colspan="3">本年增/减</td></tr>
<tr><td>行政事业性收费</td><td>${c('admin_fees.prev_items')}</td><td colspan="3">${c('admin_fees.change')}</td></tr>
<tr><td colspan="5">第二十条第（九）项</td></tr>
<tr><td>信息内容</td><td colspan="2">采购项目数量</td><td colspan="2">采购总金额</td></tr>
<tr><td>政府集中采购</td><td colspan="2">${c('procurement.items')}</td><td colspan="2">1255000元</td></tr>
</table>`;
    const res = await importReport(enc.encode(page(r, { t2, t3: grid(r, 't3'), t4: grid(r, 't4') })), '2019.html');
    expect(res.format).toBe('gov-2019');
    expectAll(res.report, r);
    expect(res.warnings.some((w) => w.includes('1255000元') && w.includes('125.5'))).toBe(true);
  });

  it('a 2022 report printed with 2019 tables is imported as printed (the checks report the wrong format)', async () => {
    const r = { ...report2019(), year: 2022, title: '临川县交通运输局2022年政府信息公开工作年度报告' };
    const res = await importReport(enc.encode(buildHtml(r, { standalone: true })), 'old-format.html');
    expect(res.format).toBe('gov-2019');
    expect(res.report.year).toBe(2022);
    expectAll(res.report, r);
  });

  it('sample sanity: the sample imports from its own page', async () => {
    const s = sampleReport();
    const res = await importReport(enc.encode(buildHtml(s, { standalone: true })), 's.html');
    expectAll(res.report, s);
  });
});
