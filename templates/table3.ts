// Length: data: the official Table 3 rows, one entry per printed row.
import type { FieldDef, GridCell, SumRule, BalanceRule, TableDef } from './types';

/**
 * Table 3 (三、收到和处理政府信息公开申请情况) is the same in the 2019 and 2021 formats except for
 * （六）其他处理: three sub-rows in 2021, one row in 2019. Both grids are expanded from this row list.
 */

export const T3_COLUMNS = [
  { key: 'natural', label: '自然人' },
  { key: 'commercial', label: '商业企业' },
  { key: 'research', label: '科研机构' },
  { key: 'public_interest', label: '社会公益组织' },
  { key: 'legal_service', label: '法律服务机构' },
  { key: 'other_org', label: '其他' },
  { key: 'total', label: '总计' },
] as const;

export const T3_APPLICANT_COLUMNS = T3_COLUMNS.slice(0, 6).map((c) => c.key);

export const T3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** A body row: `group` is the merged label in column 1 (（三）不予公开 …) when the row is a numbered item. */
export interface T3Row {
  key: string;
  text: string;
  /** Full path used in messages. */
  path: string;
  group?: string;
  /** `top` rows (一、二、四) span the three label columns; `result` rows sit under 三、本年度办理结果. */
  kind: 'top' | 'result' | 'result_total';
  hint: string;
}

const G3 = '（三）不予公开';
const G4 = '（四）无法提供';
const G5 = '（五）不予处理';
const G6 = '（六）其他处理';

export const T3_ROWS_BEFORE_OTHER: T3Row[] = [
  {
    key: 'new_received',
    kind: 'top',
    text: '一、本年新收政府信息公开申请数量',
    path: '一、本年新收申请',
    hint: '本年1月1日至12月31日新收到的政府信息公开申请件数。',
  },
  {
    key: 'carried_over',
    kind: 'top',
    text: '二、上年结转政府信息公开申请数量',
    path: '二、上年结转申请',
    hint: '上一年度收到、到1月1日仍在办理的申请件数，应等于上年报告“四、结转下年度继续办理”。',
  },
  { key: 'res_open', kind: 'result', text: '（一）予以公开', path: '三（一）予以公开', hint: '全部予以公开的申请。' },
  {
    key: 'res_partial',
    kind: 'result',
    text: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    path: '三（二）部分公开',
    hint: '依《条例》第三十七条区分处理、部分提供部分不提供的申请；只计入本行，不再计入（三）至（六）。',
  },
  {
    key: 'deny_secret',
    kind: 'result',
    group: G3,
    text: '1.属于国家秘密',
    path: '三（三）1.属于国家秘密',
    hint: '依《条例》第十四条，属于国家秘密不予公开。',
  },
  {
    key: 'deny_law',
    kind: 'result',
    group: G3,
    text: '2.其他法律行政法规禁止公开',
    path: '三（三）2.其他法律行政法规禁止公开',
    hint: '依《条例》第十四条，法律、行政法规禁止公开的信息。',
  },
  {
    key: 'deny_safety',
    kind: 'result',
    group: G3,
    text: '3.危及“三安全一稳定”',
    path: '三（三）3.危及“三安全一稳定”',
    hint: '依《条例》第十四条，公开后可能危及国家安全、公共安全、经济安全、社会稳定。',
  },
  {
    key: 'deny_third',
    kind: 'result',
    group: G3,
    text: '4.保护第三方合法权益',
    path: '三（三）4.保护第三方合法权益',
    hint: '依《条例》第十五条，涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害。',
  },
  {
    key: 'deny_internal',
    kind: 'result',
    group: G3,
    text: '5.属于三类内部事务信息',
    path: '三（三）5.属于三类内部事务信息',
    hint: '依《条例》第十六条，人事管理、后勤管理、内部工作流程等内部事务信息。',
  },
  {
    key: 'deny_process',
    kind: 'result',
    group: G3,
    text: '6.属于四类过程性信息',
    path: '三（三）6.属于四类过程性信息',
    hint: '依《条例》第十六条，讨论记录、过程稿、磋商信函、请示报告等过程性信息。',
  },
  {
    key: 'deny_case_file',
    kind: 'result',
    group: G3,
    text: '7.属于行政执法案卷',
    path: '三（三）7.属于行政执法案卷',
    hint: '依《条例》第十六条，行政执法案卷信息。',
  },
  {
    key: 'deny_query',
    kind: 'result',
    group: G3,
    text: '8.属于行政查询事项',
    path: '三（三）8.属于行政查询事项',
    hint: '法律法规对信息获取有专门规定的行政查询事项（如不动产登记、婚姻登记查询）。',
  },
  {
    key: 'unable_not_held',
    kind: 'result',
    group: G4,
    text: '1.本机关不掌握相关政府信息',
    path: '三（四）1.本机关不掌握相关政府信息',
    hint: '依《条例》第三十六条第（四）（五）项，本机关不掌握所申请的信息。',
  },
  {
    key: 'unable_create',
    kind: 'result',
    group: G4,
    text: '2.没有现成信息需要另行制作',
    path: '三（四）2.没有现成信息需要另行制作',
    hint: '依《条例》第三十八条，需要对现有信息加工、分析或另行制作。',
  },
  {
    key: 'unable_unclear',
    kind: 'result',
    group: G4,
    text: '3.补正后申请内容仍不明确',
    path: '三（四）3.补正后申请内容仍不明确',
    hint: '告知补正后，申请内容仍不明确、无法确定所指信息。',
  },
  {
    key: 'noproc_petition',
    kind: 'result',
    group: G5,
    text: '1.信访举报投诉类申请',
    path: '三（五）1.信访举报投诉类申请',
    hint: '依《条例》第三十九条，以申请公开形式进行信访、投诉、举报。',
  },
  {
    key: 'noproc_repeat',
    kind: 'result',
    group: G5,
    text: '2.重复申请',
    path: '三（五）2.重复申请',
    hint: '依《条例》第三十六条第（六）项，已就同一内容作出答复后再次申请。',
  },
  {
    key: 'noproc_publication',
    kind: 'result',
    group: G5,
    text: '3.要求提供公开出版物',
    path: '三（五）3.要求提供公开出版物',
    hint: '依《条例》第三十九条，要求提供公开出版物的申请。',
  },
  {
    key: 'noproc_excessive',
    kind: 'result',
    group: G5,
    text: '4.无正当理由大量反复申请',
    path: '三（五）4.无正当理由大量反复申请',
    hint: '依《条例》第三十五条，无正当理由大量、反复申请。',
  },
  {
    key: 'noproc_confirm',
    kind: 'result',
    group: G5,
    text: '5.要求行政机关确认或重新出具已获取信息',
    path: '三（五）5.要求行政机关确认或重新出具已获取信息',
    hint: '要求确认或重新出具已经获取的信息。',
  },
];

export const T3_OTHER_ROWS_2021: T3Row[] = [
  {
    key: 'other_no_correction',
    kind: 'result',
    group: G6,
    text: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    path: '三（六）1.逾期不补正',
    hint: '依《条例》第三十条，无正当理由逾期不补正的视为放弃申请，不再处理。',
  },
  {
    key: 'other_no_fee',
    kind: 'result',
    group: G6,
    text: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    path: '三（六）2.逾期未缴纳信息处理费',
    hint: '依国办函〔2020〕109号，收费通知送达后20个工作日内未缴费的视为放弃申请。有数据时，六、其他需要报告的事项应说明信息处理费情况。',
  },
  {
    key: 'other_other',
    kind: 'result',
    group: G6,
    text: '3.其他',
    path: '三（六）3.其他',
    hint: '不属于以上任何情形的其他处理结果。',
  },
];

export const T3_OTHER_ROW_2019: T3Row = {
  key: 'other',
  kind: 'result',
  text: G6,
  path: '三（六）其他处理',
  hint: '2019年格式中（六）其他处理为一行，不分子项。',
};

export const T3_ROWS_AFTER_OTHER: T3Row[] = [
  {
    key: 'res_total',
    kind: 'result_total',
    text: '（七）总计',
    path: '三（七）总计',
    hint: '（一）至（六）各项之和，自动计算。',
  },
  {
    key: 'carry_next',
    kind: 'top',
    text: '四、结转下年度继续办理',
    path: '四、结转下年度继续办理',
    hint: '到12月31日仍在办理、转入下一年度的申请件数；下一年报告的“二、上年结转”应与此相等。',
  },
];

const cellKey = (row: string, col: string) => `t3.${row}.${col}`;

export interface Table3Def {
  table: TableDef;
  fields: Record<string, FieldDef>;
  sums: SumRule[];
  balances: BalanceRule[];
  resultRows: string[];
}

/** Expands the row list into the official grid: 3 header rows, 3 label columns, 7 data columns. */
export function buildTable3(rows: T3Row[]): Table3Def {
  const cells: GridCell[] = [
    { r: 0, c: 0, rowspan: 3, colspan: 3, role: 'note', text: T3_NOTE },
    { r: 0, c: 3, colspan: 7, role: 'header', text: '申请人情况' },
    { r: 1, c: 3, rowspan: 2, role: 'header', text: '自然人' },
    { r: 1, c: 4, colspan: 5, role: 'header', text: '法人或其他组织' },
    { r: 1, c: 9, rowspan: 2, role: 'header', text: '总计' },
    ...T3_COLUMNS.slice(1, 6).map((col, i): GridCell => ({ r: 2, c: 4 + i, role: 'header', text: col.label })),
  ];
  const fields: Record<string, FieldDef> = {};
  const resultRows = rows.filter((r) => r.kind === 'result').map((r) => r.key);
  const firstResult = rows.findIndex((r) => r.kind === 'result');
  const resultSpan = rows.filter((r) => r.kind === 'result' || r.kind === 'result_total').length;

  rows.forEach((row, i) => {
    const r = 3 + i;
    if (i === firstResult) {
      cells.push({ r, c: 0, rowspan: resultSpan, role: 'label', text: '三、本年度办理结果' });
    }
    if (row.kind === 'top') {
      cells.push({ r, c: 0, colspan: 3, role: 'label', text: row.text, row: row.key, hint: row.hint });
    } else if (row.group) {
      const groupRows = rows.filter((x) => x.group === row.group);
      if (groupRows[0] === row) {
        cells.push({ r, c: 1, rowspan: groupRows.length, role: 'label', text: row.group });
      }
      cells.push({ r, c: 2, role: 'label', text: row.text, row: row.key, hint: row.hint });
    } else {
      cells.push({ r, c: 1, colspan: 2, role: 'label', text: row.text, row: row.key, hint: row.hint });
    }
    T3_COLUMNS.forEach((col, j) => {
      const key = cellKey(row.key, col.key);
      cells.push({ r, c: 3 + j, role: 'data', key, row: row.key });
      fields[key] = {
        key,
        table: 't3',
        label: `${row.path} · ${col.label}`,
        type: 'integer',
        min: 0,
        unit: '件',
      };
    });
  });

  const sums: SumRule[] = [];
  // Column sums of （七）总计 first, so that the row total of （七） agrees with both rules.
  for (const col of T3_COLUMNS) {
    sums.push({
      rule: 'T3-RESULT-TOTAL',
      total: cellKey('res_total', col.key),
      parts: resultRows.map((row) => cellKey(row, col.key)),
    });
  }
  for (const row of rows) {
    if (row.kind === 'result_total') continue; // its total cell is already a column sum
    sums.push({
      rule: 'T3-ROW-TOTAL',
      total: cellKey(row.key, 'total'),
      parts: T3_APPLICANT_COLUMNS.map((col) => cellKey(row.key, col)),
    });
  }
  // The row-total rule also holds for （七）总计; list it after the column sums for checking only.
  sums.push({
    rule: 'T3-ROW-TOTAL',
    total: cellKey('res_total', 'total'),
    parts: T3_APPLICANT_COLUMNS.map((col) => cellKey('res_total', col)),
  });

  for (const s of sums) {
    const f = fields[s.total];
    if (f && !f.computedFrom) f.computedFrom = s.parts;
  }

  const balances: BalanceRule[] = T3_COLUMNS.map((col) => ({
    rule: 'T3-BALANCE',
    column: col.key,
    left: [cellKey('new_received', col.key), cellKey('carried_over', col.key)],
    right: [cellKey('res_total', col.key), cellKey('carry_next', col.key)],
  }));

  const table: TableDef = {
    id: 't3',
    section: 'requests',
    caption: '收到和处理政府信息公开申请情况',
    gridRows: 3 + rows.length,
    gridCols: 10,
    // 5 mm group column, 19 mm sub-group, 52 mm item labels, 7 data columns of 11.4 mm (of 156 mm).
    colWidths: [40, 120, 328, 73, 73, 73, 73, 73, 73, 74],
    headerRows: 3,
    cells,
  };
  return { table, fields, sums, balances, resultRows };
}
