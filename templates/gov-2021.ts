import type { FieldDef, GridCell, TableDef, TemplateDef } from './types';
import { SECTIONS, OVERVIEW_TOPICS } from './sections';
import {
  buildTable3,
  T3_COLUMNS,
  T3_OTHER_ROWS_2021,
  T3_OTHER_ROW_2019,
  T3_ROWS_AFTER_OTHER,
  T3_ROWS_BEFORE_OTHER,
} from './table3';
import { buildTable4 } from './table4';

/** 国办公开办函〔2021〕30号: the format of reports for 2021 onward (format-2021.md §2). */

const T2_HINTS = {
  regulations: '本机关制定的规章。只有省、设区的市、自治州人民政府和国务院部门有规章制定权，其他机关一般填0。',
  normative_docs: '本机关制发的行政规范性文件。现行有效件数一般等于上年现行有效件数加本年制发、减本年废止。',
  licensing: '本年作出的行政许可处理决定数量（第二十条第（五）项）。',
  penalty: '本年作出的行政处罚决定数量（第二十条第（六）项）。',
  coercion: '本年实施的行政强制决定数量（第二十条第（六）项）。',
  admin_fees: '本年行政事业性收费金额，单位为万元，可保留小数（最多6位，即精确到分）。',
} as const;

function buildTable2(): { table: TableDef; fields: Record<string, FieldDef> } {
  const cells: GridCell[] = [];
  const fields: Record<string, FieldDef> = {};
  const field = (key: string, label: string, extra: Partial<FieldDef> = {}) => {
    fields[key] = { key, table: 't2', label, type: 'integer', min: 0, unit: '件', ...extra };
  };
  const caption = (r: number, item: string) =>
    cells.push({ r, c: 0, colspan: 4, role: 'section', text: `第二十条第（${item}）项` });
  const header = (r: number, text: string) => {
    cells.push({ r, c: 0, role: 'header', text: '信息内容' });
    cells.push({ r, c: 1, colspan: 3, role: 'header', text });
  };
  const singleRow = (
    r: number,
    row: keyof typeof T2_HINTS,
    label: string,
    key: string,
    extra: Partial<FieldDef> = {},
  ) => {
    cells.push({ r, c: 0, role: 'label', text: label, row, hint: T2_HINTS[row] });
    cells.push({ r, c: 1, colspan: 3, role: 'data', key, row, hint: T2_HINTS[row] });
    field(key, `${label} · ${extra.unit === '万元' ? '本年收费金额' : '本年处理决定数量'}`, extra);
  };

  caption(0, '一');
  cells.push({ r: 1, c: 0, role: 'header', text: '信息内容' });
  const cols = [
    { key: 'issued', label: '本年制发件数' },
    { key: 'repealed', label: '本年废止件数' },
    { key: 'in_force', label: '现行有效件数' },
  ];
  cols.forEach((col, i) => cells.push({ r: 1, c: 1 + i, role: 'header', text: col.label }));
  (
    [
      ['regulations', '规章'],
      ['normative_docs', '行政规范性文件'],
    ] as const
  ).forEach(([row, label], i) => {
    const r = 2 + i;
    cells.push({ r, c: 0, role: 'label', text: label, row, hint: T2_HINTS[row] });
    cols.forEach((col, j) => {
      const key = `t2.${row}.${col.key}`;
      cells.push({ r, c: 1 + j, role: 'data', key, row, hint: T2_HINTS[row] });
      field(key, `${label} · ${col.label}`);
    });
  });
  caption(4, '五');
  header(5, '本年处理决定数量');
  singleRow(6, 'licensing', '行政许可', 't2.licensing.decisions');
  caption(7, '六');
  header(8, '本年处理决定数量');
  singleRow(9, 'penalty', '行政处罚', 't2.penalty.decisions');
  singleRow(10, 'coercion', '行政强制', 't2.coercion.decisions');
  caption(11, '八');
  header(12, '本年收费金额（单位：万元）');
  singleRow(13, 'admin_fees', '行政事业性收费', 't2.admin_fees.amount', {
    type: 'decimal',
    maxDecimals: 6,
    unit: '万元',
  });

  return {
    table: {
      id: 't2',
      section: 'proactive',
      caption: '主动公开政府信息情况',
      gridRows: 14,
      gridCols: 4,
      colWidths: [280, 240, 240, 240],
      headerRows: 0,
      cells,
    },
    fields,
  };
}

const t2 = buildTable2();
const t3 = buildTable3([...T3_ROWS_BEFORE_OTHER, ...T3_OTHER_ROWS_2021, ...T3_ROWS_AFTER_OTHER]);
const t4 = buildTable4();

export const GOV_2021: TemplateDef = {
  id: 'gov-2021',
  name: '2021年版格式（国办公开办函〔2021〕30号）',
  years: { from: 2021 },
  sections: SECTIONS,
  overviewTopics: OVERVIEW_TOPICS,
  tables: [t2.table, t3.table, t4.table],
  fields: { ...t2.fields, ...t3.fields, ...t4.fields },
  sums: [...t3.sums, ...t4.sums],
  balances: t3.balances,
  resultRows: t3.resultRows,
  t3Columns: [...T3_COLUMNS],
  legacyRows: [
    { row: T3_OTHER_ROW_2019.key, label: T3_OTHER_ROW_2019.text, replaces: T3_OTHER_ROWS_2021.map((r) => r.key) },
  ],
  detect: ['本年制发件数', '本年废止件数', '现行有效件数', '申请人逾期未按收费通知要求缴纳费用'],
};
