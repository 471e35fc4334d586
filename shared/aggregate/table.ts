import { csvCell, KIND_NAMES, type SummaryKind } from '../import/batch-summary';
import type { FormatId } from '../model/types';
import type { RosterMatch } from './roster';
import type { SumResult } from './sum';
import {
  KEY_FIGURES,
  KEY_FIGURE_LABELS,
  ROSTER_STATUS_LABELS,
  type AggregateState,
  type AggregateUnit,
  type KeyFigure,
  type RosterStatus,
} from './types';

/**
 * The per-unit table (one row per unit report, then the roster's units that have not reported), as
 * the 汇总 screen, the CSV and the workbook show it.
 */

export interface UnitRow {
  /** The unit report's key; absent for a roster entry without a report. */
  key?: string;
  agency: string;
  /** The roster entry it answers to. */
  rosterName?: string;
  status: RosterStatus;
  role: 'own' | 'unit';
  year?: number;
  format?: FormatId;
  source: string;
  include: boolean;
  /** Whether its figures are in the sums (of at least one table). */
  counted: boolean;
  errors: number;
  warnings: number;
  figures: Record<KeyFigure, number | null>;
  /** Why it does not count, or its first open error. */
  note: string;
}

export const FORMAT_NAMES: Record<FormatId, string> = {
  'gov-2021': '2021年版',
  'gov-2019': '2019年版',
  'pre-2019': '2019年以前',
};

export function sourceLabel(u: AggregateUnit): string {
  if (u.source.type === 'library') return '年报库';
  if (u.source.type === 'self') return '本报告原有数字';
  const kind = KIND_NAMES[u.source.kind as SummaryKind];
  return `${kind ? `${kind}：` : ''}${u.source.name}`;
}

const EMPTY_FIGURES = Object.fromEntries(KEY_FIGURES.map((k) => [k, null])) as Record<KeyFigure, number | null>;

function noteOf(u: AggregateUnit, status: RosterStatus, counted: boolean): string {
  if (status === 'wrong_year') return `是${u.year}年度的报告，未计入`;
  if (status === 'duplicate') return '同一单位的另一份报告已计入';
  if (status === 'no_tables') return '没有统计表，未计入';
  if (!u.include) return '已选择不计入';
  if (u.role === 'own' && !counted) return '本级数字未计入（按表选择）';
  return u.errors[0] ?? '';
}

export function unitRows(state: AggregateState, match: RosterMatch, result: SumResult | null): UnitRow[] {
  const rows: UnitRow[] = [];
  for (const s of match.units) {
    const u = s.unit;
    const counted = result ? result.contributions.has(u.key) : false;
    rows.push({
      key: u.key,
      agency: u.agency,
      ...(s.entry !== undefined ? { rosterName: state.roster[s.entry]!.name } : {}),
      status: s.status,
      role: u.role,
      year: u.year,
      format: u.format,
      source: sourceLabel(u),
      include: u.include,
      counted,
      errors: u.counts.error,
      warnings: u.counts.warning,
      figures: u.figures,
      note: noteOf(u, s.status, counted),
    });
  }
  for (const r of match.roster)
    if (r.status === 'missing')
      rows.push({
        agency: r.entry.name,
        rosterName: r.entry.name,
        status: 'missing',
        role: r.entry.own ? 'own' : 'unit',
        source: '',
        include: false,
        counted: false,
        errors: 0,
        warnings: 0,
        figures: EMPTY_FIGURES,
        note: '尚未报送',
      });
  return rows;
}

export const UNIT_TABLE_HEADER = [
  '序号',
  '单位',
  '名单状态',
  '本级/下级',
  '计入汇总',
  '年度',
  '格式',
  '错误',
  '警告',
  ...KEY_FIGURES.map((k) => KEY_FIGURE_LABELS[k]),
  '来源',
  '说明',
] as const;

/** The cells of one row, in UNIT_TABLE_HEADER's order (numbers as numbers, blanks as null). */
export function unitRowValues(row: UnitRow, index: number): (string | number | null)[] {
  return [
    index + 1,
    row.agency || '（未识别机关）',
    ROSTER_STATUS_LABELS[row.status],
    row.role === 'own' ? '本级' : '下级',
    row.counted ? '是' : '否',
    row.year ?? null,
    row.format ? FORMAT_NAMES[row.format] : '',
    row.key ? row.errors : null,
    row.key ? row.warnings : null,
    ...KEY_FIGURES.map((k) => row.figures[k]),
    row.source,
    row.note,
  ];
}

/** The per-unit table as CSV: UTF-8 with BOM and CRLF, so that Excel and WPS open it with its Chinese intact. */
export function unitRowsCsv(rows: readonly UnitRow[]): string {
  const line = (cells: readonly (string | number | null)[]) =>
    cells.map((c) => (c === null ? '' : typeof c === 'number' ? String(c) : csvCell(c))).join(',');
  return `\ufeff${[line(UNIT_TABLE_HEADER), ...rows.map((r, i) => line(unitRowValues(r, i)))].join('\r\n')}\r\n`;
}
