import type { BalanceRule, FieldDef, LegacyRow, SumRule, TableId, TemplateDef } from '../../templates/types';
import { GOV_2019 } from '../../templates/index';
import type { Cells } from '../model/types';

/**
 * The table layout a report actually uses. Usually the template's; but a 2021-format report may print
 * the single 2019 row （六）其他处理 (`t3.other.<col>`) with the three sub-rows blank
 * (report-file.md, “gov-2019 and pre-2019”). Then the sums count `t3.other` in place of the sub-rows,
 * the sub-rows are not blank cells, and FORMAT-VERSION points the mixed layout out.
 */
export interface Layout {
  template: TemplateDef;
  fields: Record<string, FieldDef>;
  sums: SumRule[];
  balances: BalanceRule[];
  resultRows: string[];
  /** Legacy rows in use (their sub-rows are replaced). */
  legacy: LegacyRow[];
  /** Legacy rows printed beside filled sub-rows (kept, but not counted). */
  ignoredLegacy: LegacyRow[];
  /** Table rows in print order: table, row key, the row's data cell keys. */
  rows: { table: TableId; row: string; label: string; keys: string[] }[];
  /** Data cells per table. */
  tableKeys: Record<TableId, string[]>;
  /** Each computed total and its parts (first rule of each total). */
  totalParts: Map<string, string[]>;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function rowLabel(template: TemplateDef, table: TableId, row: string, firstKey: string): string {
  const t = template.tables.find((x) => x.id === table);
  const label = t?.cells.find((c) => c.role === 'label' && c.row === row)?.text;
  if (table === 't3') {
    const field = template.fields[firstKey] ?? GOV_2019.fields[firstKey];
    return field?.label.split(' · ')[0] ?? label ?? row;
  }
  if (table === 't4') return field4(template, firstKey);
  return label ?? row;
}

function field4(template: TemplateDef, key: string): string {
  return template.fields[key]?.label.split(' · ')[0] ?? key;
}

// A layout depends on the cells only through which legacy rows are in use: built once per combination.
const built = new Map<string, Layout>();

export function buildLayout(template: TemplateDef, cells: Cells): Layout {
  const cols = template.t3Columns.map((c) => c.key);
  const legacy: LegacyRow[] = [];
  const ignoredLegacy: LegacyRow[] = [];
  for (const lr of template.legacyRows) {
    const printed = cols.some((c) => isNum(cells[`t3.${lr.row}.${c}`]));
    if (!printed) continue;
    const subFilled = lr.replaces.some((r) => cols.some((c) => isNum(cells[`t3.${r}.${c}`])));
    (subFilled ? ignoredLegacy : legacy).push(lr);
  }
  const key = `${template.id}|${legacy.map((l) => l.row).join()}|${ignoredLegacy.map((l) => l.row).join()}`;
  let layout = built.get(key);
  if (!layout) built.set(key, (layout = assemble(template, legacy, ignoredLegacy)));
  return layout;
}

function assemble(template: TemplateDef, legacy: LegacyRow[], ignoredLegacy: LegacyRow[]): Layout {
  const cols = template.t3Columns.map((c) => c.key);

  let fields = template.fields;
  let sums = template.sums;
  let resultRows = template.resultRows;
  if (legacy.length) {
    const replaced = new Map<string, string>(); // sub-row key → legacy row
    for (const lr of legacy) for (const r of lr.replaces) replaced.set(r, lr.row);
    fields = {};
    for (const [k, f] of Object.entries(template.fields)) {
      const row = k.split('.')[1]!;
      if (!k.startsWith('t3.') || !replaced.has(row)) fields[k] = f;
    }
    for (const lr of legacy) {
      for (const c of template.t3Columns) {
        const key = `t3.${lr.row}.${c.key}`;
        fields[key] = GOV_2019.fields[key] ?? {
          key,
          table: 't3',
          label: `${lr.label} · ${c.label}`,
          type: 'integer',
          min: 0,
          unit: '件',
        };
      }
    }
    const swap = (key: string) => {
      const [t, row, col] = key.split('.');
      const to = t === 't3' && row ? replaced.get(row) : undefined;
      return to ? `t3.${to}.${col}` : key;
    };
    sums = [];
    for (const s of template.sums) {
      const row = s.total.split('.')[1]!;
      if (s.total.startsWith('t3.') && replaced.has(row)) continue; // row total of a replaced sub-row
      sums.push({ ...s, parts: [...new Set(s.parts.map(swap))] });
    }
    for (const lr of legacy) {
      sums.push({
        rule: 'T3-ROW-TOTAL',
        total: `t3.${lr.row}.total`,
        parts: cols.filter((c) => c !== 'total').map((c) => `t3.${lr.row}.${c}`),
      });
    }
    resultRows = [...new Set(template.resultRows.map((r) => replaced.get(r) ?? r))];
  }

  // Rows in print order, from the grid (data cells carry their row key).
  const rows: Layout['rows'] = [];
  const tableKeys: Record<TableId, string[]> = { t2: [], t3: [], t4: [] };
  for (const table of template.tables) {
    const byRow = new Map<string, string[]>();
    for (const cell of table.cells) {
      if (cell.role !== 'data' || !cell.key || !cell.row) continue;
      let list = byRow.get(cell.row);
      if (!list) byRow.set(cell.row, (list = []));
      list.push(cell.key);
    }
    for (const [row, keys] of byRow) {
      if (table.id === 't3' && legacy.some((lr) => lr.replaces.includes(row))) {
        const lr = legacy.find((l) => l.replaces.includes(row))!;
        if (lr.replaces[0] !== row) continue;
        const lkeys = cols.map((c) => `t3.${lr.row}.${c}`);
        rows.push({
          table: 't3',
          row: lr.row,
          label: lr.label.startsWith('三') ? lr.label : `三${lr.label}`,
          keys: lkeys,
        });
        tableKeys.t3.push(...lkeys);
        continue;
      }
      rows.push({ table: table.id, row, label: rowLabel(template, table.id, row, keys[0]!), keys });
      tableKeys[table.id].push(...keys);
    }
  }
  // Shared between checks: frozen so that no rule can change it by mistake.
  const totalParts = new Map<string, string[]>();
  for (const sum of sums) if (!totalParts.has(sum.total)) totalParts.set(sum.total, sum.parts);
  return Object.freeze({
    template,
    fields,
    sums,
    balances: template.balances,
    resultRows,
    legacy,
    ignoredLegacy,
    rows,
    tableKeys,
    totalParts,
  });
}
