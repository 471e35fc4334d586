import { runChecks } from '../checks/engine';
import { templateFor } from '../../templates/index';
import type { Cells, Report } from '../model/types';
import { computeTotals } from '../model/totals';
import { NameIndex, placeNames } from './names';
import type { RosterMatch, UnitStatus } from './roster';
import { REGULATIONS, type SumResult } from './sum';
import {
  KEY_FIGURE_LABELS,
  type AggFinding,
  type AggregateState,
  type AggregateUnit,
  type KeyFigure,
  type LastYearUnits,
  type UnitLastYear,
} from './types';

/**
 * Checks across units (docs/aggregate.md lists them): who has not reported, reports that do not
 * count (wrong year, duplicate, no tables), units with open errors, the government's own text
 * against the sums, a unit's 上年结转 against its last year's 结转下年度, and tenfold jumps.
 */

/** A figure this many times last year's (or a tenth of it) is flagged. */
export const OUTLIER_FACTOR = 10;
/** …when the larger of the two is at least this (3 → 30 matters, 0 → 1 does not). */
export const OUTLIER_MIN = 10;

const OUTLIER_FIGURES: readonly { figure: KeyFigure; key: string | string[] }[] = [
  { figure: 'new_received', key: 't3.new_received.total' },
  { figure: 'res_total', key: 't3.res_total.total' },
  { figure: 'review', key: 't4.review.total' },
  { figure: 'litigation', key: ['t4.lit_direct.total', 't4.lit_after_review.total'] },
];

const name = (u: AggregateUnit) => u.agency || '（未识别机关）';
const fmt = (v: number) => String(Number(v.toFixed(6)));

const LAST_INDEX = new WeakMap<LastYearUnits, NameIndex<LastYearUnits['units'][number]>>();

/** Last year's figures of a unit: its own (library or rollover baseline), else last year's 汇总. */
export function lastYearOf(
  unit: AggregateUnit,
  state: AggregateState,
  government: Pick<Report, 'agency'>,
): UnitLastYear | undefined {
  if (unit.last && unit.last.year === unit.year - 1) return unit.last;
  const ly = state.lastYear;
  if (!ly || ly.year !== unit.year - 1) return undefined;
  let index = LAST_INDEX.get(ly);
  if (!index) {
    index = new NameIndex(placeNames(government.agency.name));
    for (const u of ly.units) index.add(u.agency, u);
    LAST_INDEX.set(ly, index);
  }
  const found = index.find(unit.agency);
  const hit = found.score === 2 ? found.values[0] : undefined;
  return hit ? { year: ly.year, from: 'summed', cells: hit.cells } : undefined;
}

function* unitFindings(
  s: UnitStatus,
  match: RosterMatch,
  state: AggregateState,
  government: Report,
): Generator<AggFinding> {
  const u = s.unit;
  const counted = s.status === 'submitted' || s.status === 'not_on_roster';
  if (s.status === 'wrong_year')
    yield {
      rule: 'AGG-WRONG-YEAR',
      severity: 'error',
      unit: u.key,
      agency: u.agency,
      message: `${name(u)}报送的是${u.year}年度的报告，本报告是${government.year}年度：未计入汇总。请向该单位索取${government.year}年度的报告。`,
    };
  if (s.status === 'no_tables')
    yield {
      rule: 'AGG-FORMAT',
      severity: 'error',
      unit: u.key,
      agency: u.agency,
      message: `${name(u)}的报告没有识别出统计表（2019年以前的格式或表格无法读取）：未计入汇总。请向该单位索取按国办公开办函〔2021〕30号格式填报的报告。`,
    };
  if (s.status === 'duplicate') {
    const instead = match.byKey.get(s.insteadOf ?? '')?.unit;
    yield {
      rule: 'AGG-DUPLICATE',
      severity: 'warning',
      unit: u.key,
      agency: u.agency,
      message: `${name(u)}有不止一份报告：计入的是${instead ? describeSource(instead) : '另一份'}，这一份（${describeSource(u)}）未计入。如应改用这一份，请在该行选择“改用这份”。`,
    };
  }
  if (s.status === 'not_on_roster' && state.roster.length)
    yield {
      rule: 'AGG-NOT-ON-ROSTER',
      severity: 'warning',
      unit: u.key,
      agency: u.agency,
      message: `${name(u)}不在报送名单中，${u.include ? '已计入汇总' : '未计入汇总'}。如果它属于本级政府所辖单位，请把它加入名单；如果名称写法不同，请在该行选择名单中对应的单位。`,
    };
  if (!counted || !u.include) return;
  if (u.counts.error > 0)
    yield {
      rule: 'AGG-UNIT-ERRORS',
      severity: 'error',
      unit: u.key,
      agency: u.agency,
      message: `${name(u)}的报告有 ${u.counts.error} 个未处理的错误${u.errors[0] ? `（如：${u.errors[0]}）` : ''}。计入汇总前请与该单位核实，或让其改正后重新报送。`,
    };
  if (u.format !== government.format && u.format !== 'pre-2019')
    yield {
      rule: 'AGG-FORMAT',
      severity: 'warning',
      unit: u.key,
      agency: u.agency,
      message: `${name(u)}的报告使用${u.format === 'gov-2019' ? '2019年版' : '2021年版'}格式，与本报告不同：第三、四部分表格照常汇总，格式不同的第二部分表格无法汇总。请核对或让该单位按本年度格式重新报送。`,
    };
  const regs = Object.keys(u.cells).filter((k) => REGULATIONS.test(k) && !k.endsWith('.in_force'));
  if (u.role !== 'own' && regs.length)
    yield {
      rule: 'AGG-REGULATIONS',
      severity: 'info',
      unit: u.key,
      agency: u.agency,
      cells: regs,
      message: `${name(u)}填报了规章数字，部门和乡镇（街道）没有规章制定权，汇总时未计入。规章一栏只取本级政府的数字。`,
    };
  if (u.cells && Object.keys(u.cells).some((k) => k.startsWith('t3.other.')) && government.format === 'gov-2021')
    yield {
      rule: 'AGG-LAYOUT',
      severity: 'info',
      unit: u.key,
      agency: u.agency,
      message: `${name(u)}把“（六）其他处理”填成一行（旧格式），已计入“（六）3.其他”。如能拆分到三个子项，请让该单位改正后重新报送。`,
    };
  const last = lastYearOf(u, state, government);
  if (!last) return;
  const from =
    last.from === 'library'
      ? `其${last.year}年度报告`
      : last.from === 'baseline'
        ? '其上年报告'
        : `${last.year}年度汇总时的报告`;
  const carried = u.figures.carried_over;
  const lastNext = last.cells['t3.carry_next.total'];
  if (typeof lastNext === 'number' && carried !== null && carried !== lastNext)
    yield {
      rule: 'AGG-CARRY',
      severity: 'warning',
      unit: u.key,
      agency: u.agency,
      cells: ['t3.carried_over.total'],
      message: `${name(u)}本年“上年结转”为 ${fmt(carried)} 件，${from}“结转下年度继续办理”为 ${fmt(lastNext)} 件。请与该单位核实。`,
    };
  for (const o of OUTLIER_FIGURES) {
    const now = u.figures[o.figure];
    const keys = Array.isArray(o.key) ? o.key : [o.key];
    const vals = keys.map((k) => last.cells[k]).filter((v): v is number => typeof v === 'number');
    if (now === null || !vals.length) continue;
    const before = vals.reduce((a, b) => a + b, 0);
    const up = before > 0 && now >= before * OUTLIER_FACTOR && now >= OUTLIER_MIN;
    const down = now > 0 && before >= now * OUTLIER_FACTOR && before >= OUTLIER_MIN;
    const fromZero = before === 0 && now >= OUTLIER_MIN * OUTLIER_FACTOR;
    if (up || down || fromZero)
      yield {
        rule: 'AGG-OUTLIER',
        severity: 'warning',
        unit: u.key,
        agency: u.agency,
        message: `${name(u)}的${KEY_FIGURE_LABELS[o.figure]}为 ${fmt(now)} 件，上年为 ${fmt(before)} 件${
          before > 0
            ? `（${up ? `增至 ${fmt(Math.round((now / before) * 10) / 10)} 倍` : `减至约 ${fmt(Math.round((now / before) * 1000) / 10)}%`}）`
            : ''
        }。请核实是否填错（如多写或少写一位数）。`,
      };
  }
}

function describeSource(u: AggregateUnit): string {
  if (u.source.type === 'library') return '年报库中的报告';
  if (u.source.type === 'file') return `文件“${u.source.name}”`;
  return '本报告原有的数字';
}

/** The government report with the sums written (nothing else changed): what the text is checked against. */
export function summedReport(government: Report, result: SumResult): Report {
  const cells: Cells = { ...government.cells, ...result.cells };
  return { ...government, cells: computeTotals(cells, templateFor(result.format)) };
}

export function aggregateFindings(
  state: AggregateState,
  match: RosterMatch,
  result: SumResult,
  government: Report,
): AggFinding[] {
  const out: AggFinding[] = [];
  const counted = match.units.filter((s) => s.status === 'submitted' || s.status === 'not_on_roster');
  if (!counted.some((s) => s.unit.include))
    out.push({
      rule: 'AGG-NO-UNITS',
      severity: 'warning',
      message: '还没有可以计入汇总的单位报告。请从年报库或文件中添加各部门、乡镇（街道）的报告。',
    });
  for (const row of match.roster)
    if (row.status === 'missing')
      out.push({
        rule: 'AGG-MISSING',
        severity: 'warning',
        agency: row.entry.name,
        message: `${row.entry.name}在报送名单中，但还没有它的${government.year}年度报告。请催报，或在收到后添加。`,
      });
  for (const s of match.units) out.push(...unitFindings(s, match, state, government));
  const ownCounted = counted.some((s) => s.unit.role === 'own' && s.unit.include);
  if (!ownCounted && counted.length)
    out.push({
      rule: 'AGG-NO-OWN',
      severity: 'info',
      message:
        '没有本级（政府办公室或政府本身）的报告：汇总结果只含下级单位，规章一栏保留本报告原有的数字。如需计入本级数字，请添加本级的报告或选择“把本报告现有数字作为本级”。',
    });
  // The government's own text against the sums: the check engine's text rules on the summed tables.
  try {
    const findings = runChecks(summedReport(government, result), { mode: 'editor' });
    for (const f of findings) {
      if (f.dismissed || (f.rule !== 'TEXT-NUMBER' && f.rule !== 'TEXT-CLAIM')) continue;
      out.push({
        rule: 'AGG-TEXT',
        severity: 'warning',
        ...(f.cells ? { cells: f.cells } : {}),
        message: `汇总后，本报告正文与表格不一致：${f.message}`,
      });
    }
  } catch {
    // A rule tripping over an odd report must not hide the other findings.
  }
  const rank = { error: 0, warning: 1, info: 2 };
  return out.sort((a, b) => rank[a.severity] - rank[b.severity]);
}
