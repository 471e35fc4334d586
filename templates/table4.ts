import type { FieldDef, GridCell, SumRule, TableDef } from './types';

/** Table 4 (四、政府信息公开行政复议、行政诉讼情况): identical in the 2019 and 2021 formats. */

export const T4_GROUPS = [
  { key: 'review', label: '行政复议', path: '行政复议' },
  { key: 'lit_direct', label: '未经复议直接起诉', path: '行政诉讼·未经复议直接起诉' },
  { key: 'lit_after_review', label: '复议后起诉', path: '行政诉讼·复议后起诉' },
] as const;

export const T4_RESULTS = [
  { key: 'maintained', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
] as const;

const HINTS: Record<string, string> = {
  maintained: '复议机关或法院维持本机关答复的案件数。',
  corrected: '被撤销、确认违法或责令重新答复等纠正的案件数。',
  other: '驳回、撤回、终止等其他结果的案件数。',
  pending: '到12月31日尚未审结的案件数。',
  total: '维持、纠正、其他结果、尚未审结之和，自动计算。',
};

export function buildTable4(): { table: TableDef; fields: Record<string, FieldDef>; sums: SumRule[] } {
  const cells: GridCell[] = [
    { r: 0, c: 0, colspan: 5, role: 'header', text: '行政复议' },
    { r: 0, c: 5, colspan: 10, role: 'header', text: '行政诉讼' },
    ...T4_RESULTS.map((res, i): GridCell => ({ r: 1, c: i, rowspan: 2, role: 'header', text: res.label })),
    { r: 1, c: 5, colspan: 5, role: 'header', text: '未经复议直接起诉' },
    { r: 1, c: 10, colspan: 5, role: 'header', text: '复议后起诉' },
  ];
  for (const start of [5, 10]) {
    T4_RESULTS.forEach((res, i) => cells.push({ r: 2, c: start + i, role: 'header', text: res.label }));
  }
  const fields: Record<string, FieldDef> = {};
  const sums: SumRule[] = [];
  T4_GROUPS.forEach((group, g) => {
    T4_RESULTS.forEach((res, i) => {
      const key = `t4.${group.key}.${res.key}`;
      cells.push({ r: 3, c: g * 5 + i, role: 'data', key, row: group.key, hint: `${group.path}：${HINTS[res.key]}` });
      fields[key] = { key, table: 't4', label: `${group.path} · ${res.label}`, type: 'integer', min: 0, unit: '件' };
    });
    const parts = T4_RESULTS.slice(0, 4).map((res) => `t4.${group.key}.${res.key}`);
    const total = `t4.${group.key}.total`;
    sums.push({ rule: 'T4-TOTAL', total, parts });
    fields[total]!.computedFrom = parts;
  });
  const table: TableDef = {
    id: 't4',
    section: 'review',
    caption: '政府信息公开行政复议、行政诉讼情况',
    gridRows: 4,
    gridCols: 15,
    colWidths: [66, 66, 66, 67, 68, 66, 66, 66, 67, 68, 66, 66, 66, 67, 69],
    headerRows: 3,
    cells,
  };
  return { table, fields, sums };
}
