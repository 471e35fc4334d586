// Types only here: exceljs (a large CommonJS library) is loaded when a workbook is made, not when
// the service, the main process or the CLI starts.
import type ExcelJS from 'exceljs';
import { templateFor } from '../../../templates/index';
import type { TableId } from '../../../templates/types';
import {
  ROSTER_STATUS_LABELS,
  UNIT_TABLE_HEADER,
  unitRowValues,
  type AggregateView,
  type AggTable,
} from '../../../shared/aggregate/index';
import type { Report } from '../../../shared/model/types';

/**
 * The 汇总 as an .xlsx workbook (exceljs) for the 政务公开办: the per-unit table, then one sheet per
 * official table with one row per unit counted and a 合计 row (a SUM formula, with its value stored)
 * that equals the government report's figure, then the checks across units and a note of how it
 * was summed. Headers are frozen; integers and 万元 amounts carry number formats.
 */

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const TABLE_NAMES: Record<TableId, string> = {
  t2: '表二 主动公开',
  t3: '表三 依申请公开',
  t4: '表四 复议诉讼',
};
const SEVERITY: Record<string, string> = { error: '错误', warning: '警告', info: '提示' };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF4D6' } };
const INTEGER = '0';
const AMOUNT = '#,##0.00##';
const thin: ExcelJS.Border = { style: 'thin', color: { argb: 'FFB0B7C3' } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

function styleHeader(row: ExcelJS.Row): void {
  row.eachCell((c) => {
    c.font = { bold: true };
    c.fill = HEADER_FILL;
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    c.border = BORDER;
  });
}

function unitSheet(wb: ExcelJS.Workbook, view: AggregateView): void {
  const ws = wb.addWorksheet('单位报告', { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  styleHeader(ws.addRow([...UNIT_TABLE_HEADER]));
  view.rows.forEach((r, i) => ws.addRow(unitRowValues(r, i)));
  const widths = [6, 30, 10, 9, 9, 8, 11, 7, 7, 10, 10, 11, 10, 10, 10, 34, 60];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const c of [1, 6, 8, 9, 10, 11, 12, 13, 14, 15]) ws.getColumn(c).numFmt = INTEGER;
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: UNIT_TABLE_HEADER.length } };
}

function tableSheet(wb: ExcelJS.Workbook, report: Report, view: AggregateView, table: AggTable): void {
  const template = templateFor(view.result.format);
  const keys = Object.keys(template.fields).filter(
    (k) => template.fields[k]!.table === table && (!/regulations/.test(k) || view.result.regulationsFromOwn),
  );
  const ws = wb.addWorksheet(TABLE_NAMES[table], { views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }] });
  // Two header rows: the table's row (merged over its columns), then the column.
  const groups: string[] = [];
  const columns: string[] = [];
  for (const k of keys) {
    const label = template.fields[k]!.label;
    const at = label.lastIndexOf(' · ');
    groups.push(at >= 0 ? label.slice(0, at) : label);
    columns.push(at >= 0 ? label.slice(at + 3) : '');
  }
  const h1 = ws.addRow(['序号', '单位', ...groups]);
  const h2 = ws.addRow(['', '', ...columns]);
  ws.mergeCells(1, 1, 2, 1);
  ws.mergeCells(1, 2, 2, 2);
  for (let i = 0; i < keys.length;) {
    let j = i;
    while (j + 1 < keys.length && groups[j + 1] === groups[i]) j++;
    if (j > i) ws.mergeCells(1, 3 + i, 1, 3 + j);
    else if (!columns[i]) ws.mergeCells(1, 3 + i, 2, 3 + i);
    i = j + 1;
  }
  styleHeader(h1);
  styleHeader(h2);
  h1.height = 48;
  h2.height = 30;
  // Table 2 also lists 本级 when it counts only for 规章.
  const counted = table === 't2' ? [...view.result.contributions.keys()] : view.result.tables[table];
  let n = 0;
  for (const unitKey of counted) {
    const unit = view.match.byKey.get(unitKey)?.unit;
    const c = view.result.contributions.get(unitKey) ?? {};
    if (!unit) continue;
    const values = keys.map((k) => (typeof c[k] === 'number' ? c[k] : 0));
    ws.addRow([++n, `${unit.agency || '（未识别机关）'}${unit.role === 'own' ? '（本级）' : ''}`, ...values]);
  }
  const first = 3;
  const last = first + n - 1;
  const total = ws.addRow([
    '',
    `合计（${report.agency.name}）`,
    ...keys.map((k, i) => {
      const col = ws.getColumn(3 + i).letter;
      const result = view.result.cells[k] ?? 0;
      return n ? { formula: `SUM(${col}${first}:${col}${last})`, result } : result;
    }),
  ]);
  total.eachCell((c) => {
    c.font = { bold: true };
    c.fill = TOTAL_FILL;
    c.border = BORDER;
  });
  ws.getColumn(1).width = 6;
  ws.getColumn(1).numFmt = INTEGER;
  ws.getColumn(2).width = 32;
  keys.forEach((k, i) => {
    const col = ws.getColumn(3 + i);
    col.width = table === 't3' ? 9 : 12;
    col.numFmt = template.fields[k]!.type === 'decimal' ? AMOUNT : INTEGER;
  });
}

function findingsSheet(wb: ExcelJS.Workbook, view: AggregateView): void {
  const ws = wb.addWorksheet('检查', { views: [{ state: 'frozen', ySplit: 1 }] });
  styleHeader(ws.addRow(['序号', '严重程度', '规则', '单位', '说明']));
  view.findings.forEach((f, i) =>
    ws.addRow([i + 1, SEVERITY[f.severity] ?? f.severity, f.rule, f.agency ?? '', f.message]),
  );
  [6, 10, 20, 30, 100].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getColumn(5).alignment = { wrapText: true, vertical: 'top' };
}

function notesSheet(wb: ExcelJS.Workbook, report: Report, view: AggregateView, at: Date): void {
  const ws = wb.addWorksheet('说明');
  const counts = new Map<string, number>();
  for (const r of view.rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const own = (t: AggTable) => (view.state.includeOwn[t] ? '计入' : '不计入');
  const lines: [string, string][] = [
    ['本级政府', report.agency.name],
    ['年度', `${report.year}年度`],
    ['生成时间', at.toLocaleString('zh-CN', { hour12: false })],
    ['报送名单', `${view.state.roster.length} 个单位`],
    ...[...counts].map(([s, n]): [string, string] => [
      ROSTER_STATUS_LABELS[s as keyof typeof ROSTER_STATUS_LABELS],
      `${n}`,
    ]),
    ['本级数字', `表二 ${own('t2')}，表三 ${own('t3')}，表四 ${own('t4')}；规章只取本级数字`],
    [
      '写入年报',
      view.state.applied
        ? `最近一次写入：${new Date(view.state.applied.at).toLocaleString('zh-CN', { hour12: false })}`
        : '尚未写入',
    ],
  ];
  for (const l of lines) ws.addRow(l);
  ws.getColumn(1).width = 14;
  ws.getColumn(2).width = 80;
  ws.getColumn(1).font = { bold: true };
}

export async function buildWorkbook(report: Report, view: AggregateView, at = new Date()): Promise<Uint8Array> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = '年报编制助手';
  wb.created = at;
  unitSheet(wb, view);
  for (const t of ['t2', 't3', 't4'] as const) tableSheet(wb, report, view, t);
  findingsSheet(wb, view);
  notesSheet(wb, report, view, at);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
