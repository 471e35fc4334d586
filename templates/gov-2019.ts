import type { FieldDef, GridCell, TemplateDef } from './types';
import { SECTIONS, OVERVIEW_TOPICS } from './sections';
import { buildTable3, T3_COLUMNS, T3_OTHER_ROW_2019, T3_ROWS_AFTER_OTHER, T3_ROWS_BEFORE_OTHER } from './table3';
import { buildTable4 } from './table4';

/**
 * 国办公开办函〔2019〕60号 (试行): reports for 2019 and 2020 (format-2021.md §4.2), kept so that
 * older reports can be imported and checked. Table 2 cells use `t2_2019.<row>.<column>` keys:
 *
 *   regulations, normative_docs          × made 本年新制作数量, published 本年新公开数量, public_total 对外公开总数量
 *   licensing, other_services,
 *   penalty, coercion                    × prev_items 上一年项目数量, change 本年增/减 (may be negative), decisions 处理决定数量
 *   admin_fees                           × prev_items, change
 *   procurement                          × items 采购项目数量, amount 采购总金额 (万元, decimal)
 */

function buildTable2019() {
  const cells: GridCell[] = [];
  const fields: Record<string, FieldDef> = {};
  let r = 0;
  const block = (
    item: string,
    columns: { key: string; label: string; signed?: boolean; decimal?: boolean }[],
    rows: [string, string][],
  ) => {
    cells.push({ r, c: 0, colspan: 4, role: 'section', text: `第二十条第（${item}）项` });
    r++;
    cells.push({ r, c: 0, role: 'header', text: '信息内容' });
    // Blocks with two data columns stretch the last one over the spare grid column.
    const span = (j: number) => (columns.length === 2 && j === 1 ? 2 : 1);
    columns.forEach((col, j) => cells.push({ r, c: 1 + j, colspan: span(j), role: 'header', text: col.label }));
    r++;
    for (const [row, label] of rows) {
      cells.push({ r, c: 0, role: 'label', text: label, row });
      columns.forEach((col, j) => {
        const key = `t2_2019.${row}.${col.key}`;
        cells.push({ r, c: 1 + j, colspan: span(j), role: 'data', key, row });
        fields[key] = {
          key,
          table: 't2',
          label: `${label} · ${col.label}`,
          type: col.decimal ? 'decimal' : 'integer',
          ...(col.decimal ? { maxDecimals: 6 } : {}),
          ...(col.signed ? {} : { min: 0 }),
          unit: col.decimal ? '万元' : '件',
        };
      });
      r++;
    }
  };
  const items = [
    { key: 'prev_items', label: '上一年项目数量' },
    { key: 'change', label: '本年增/减', signed: true },
    { key: 'decisions', label: '处理决定数量' },
  ];
  block(
    '一',
    [
      { key: 'made', label: '本年新制作数量' },
      { key: 'published', label: '本年新公开数量' },
      { key: 'public_total', label: '对外公开总数量' },
    ],
    [
      ['regulations', '规章'],
      ['normative_docs', '规范性文件'],
    ],
  );
  block('五', items, [
    ['licensing', '行政许可'],
    ['other_services', '其他对外管理服务事项'],
  ]);
  block('六', items, [
    ['penalty', '行政处罚'],
    ['coercion', '行政强制'],
  ]);
  block('八', items.slice(0, 2), [['admin_fees', '行政事业性收费']]);
  block(
    '九',
    [
      { key: 'items', label: '采购项目数量' },
      { key: 'amount', label: '采购总金额', decimal: true },
    ],
    [['procurement', '政府集中采购']],
  );
  return {
    table: {
      id: 't2' as const,
      section: 'proactive' as const,
      caption: '主动公开政府信息情况',
      gridRows: r,
      gridCols: 4,
      colWidths: [280, 240, 240, 240],
      headerRows: 0,
      cells,
    },
    fields,
  };
}

const t2 = buildTable2019();
const t3 = buildTable3([...T3_ROWS_BEFORE_OTHER, T3_OTHER_ROW_2019, ...T3_ROWS_AFTER_OTHER]);
const t4 = buildTable4();

export const GOV_2019: TemplateDef = {
  id: 'gov-2019',
  name: '2019年版格式（国办公开办函〔2019〕60号，试行）',
  years: { from: 2019, to: 2020 },
  sections: SECTIONS,
  overviewTopics: OVERVIEW_TOPICS,
  tables: [t2.table, t3.table, t4.table],
  fields: { ...t2.fields, ...t3.fields, ...t4.fields },
  sums: [...t3.sums, ...t4.sums],
  balances: t3.balances,
  resultRows: t3.resultRows,
  t3Columns: [...T3_COLUMNS],
  legacyRows: [],
  detect: [
    '本年新制作数量',
    '本年新公开数量',
    '对外公开总数量',
    '第二十条第（九）项',
    '政府集中采购',
    '上一年项目数量',
    '其他对外管理服务事项',
  ],
};
