import type { Rule } from '../engine';
import type { Finding } from '../types';
import type { CheckContext } from '../context';
import { cannotMakeRegulations } from '../text/agency';
import { spanOf } from '../text/blocks';
import { fmt, labelOf, TABLE_NAMES } from './util';

/** Cells one by one: CELL-INVALID, CELL-BLANK, T2-REGULATIONS-POWER, ALL-ZERO. */

/** Digits after the point as the number reads (JS prints the shortest form that round-trips). */
function decimalsOf(v: number): number {
  const text = String(Math.abs(v));
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!m) return 0;
  const frac = m[2]?.length ?? 0;
  const exp = m[3] ? Number(m[3]) : 0;
  return Math.max(0, frac - exp);
}

/** The common part of a CELL-INVALID finding (built only for a finding, not for every cell). */
const invalidBase = (key: string) => ({
  rule: 'CELL-INVALID' as const,
  severity: 'error' as const,
  cells: [key],
  fingerprint: key,
});

function* invalid(ctx: CheckContext): Iterable<Finding> {
  const layout = ctx.layout;
  // Object.keys, read by index: no [key, value] pair per cell.
  const cells = ctx.cells;
  const keys = Object.keys(cells);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const v = cells[key];
    if (v === null || v === undefined) continue;
    const field = layout?.fields[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      yield {
        ...invalidBase(key),
        message: `${labelOf(ctx, key)}填写的“${String(v)}”不是数字。请填写阿拉伯数字，没有数据填 0。`,
        actual: String(v),
      };
      continue;
    }
    if (!field) continue;
    if (field.type === 'integer' && Number.isInteger(v) && v >= (field.min ?? -Infinity)) continue; // the usual case
    const label = labelOf(ctx, key);
    const min = field.min ?? -Infinity;
    if (v < min) {
      yield { ...invalidBase(key), message: `${label}不能为负数（填写了 ${fmt(v)}）。请填写 0 或正整数。`, actual: v };
      continue;
    }
    const decimals = decimalsOf(v);
    if (field.type === 'integer' && decimals > 0) {
      yield { ...invalidBase(key), message: `${label}是件数，只能填整数（填写了 ${fmt(v)}）。`, actual: v };
    } else if (field.type === 'decimal' && decimals > (field.maxDecimals ?? 0)) {
      yield {
        ...invalidBase(key),
        message: `${label}最多保留 ${field.maxDecimals ?? 0} 位小数（单位${field.unit}，精确到分），填写了 ${v}。`,
        actual: v,
      };
    }
  }
}

const isBlank = (v: unknown) => v === null || v === undefined;

/** Rows of a table with blank cells listed one by one until this many; beyond it, one finding per table. */
const ROWS_PER_TABLE = 5;

function* blank(ctx: CheckContext): Iterable<Finding> {
  const layout = ctx.layout;
  if (!layout) return;
  const severity = ctx.mode === 'import' ? 'warning' : 'error';
  const totals = layout.totalParts;

  // A blank total next to filled parts: always reported, as an error (format-2021.md §3.6).
  const reportedTotals = new Set<string>();
  for (const [total, parts] of totals) {
    if (ctx.num(total) !== null || (ctx.cells[total] !== null && ctx.cells[total] !== undefined)) continue;
    const expected = ctx.sum(parts);
    if (expected === null) continue;
    reportedTotals.add(total);
    yield {
      rule: 'CELL-BLANK',
      severity: 'error',
      message: `${labelOf(ctx, total)}为空，但组成它的各项已填写，合计应为 ${fmt(expected)}。请填写总计。`,
      cells: [total, ...parts],
      expected,
      actual: null,
      fingerprint: `total:${total}`,
      fix: { label: `填入合计 ${fmt(expected)}`, cells: { [total]: expected } },
    };
  }

  for (const table of ['t2', 't3', 't4'] as const) {
    const keys = layout.tableKeys[table];
    if (!keys.length || keys.every((k) => isBlank(ctx.cells[k]))) continue; // SECTION-EMPTY
    const rows: { label: string; row: string; blanks: string[] }[] = [];
    for (const row of layout.rows) {
      if (row.table !== table) continue;
      const blanks = row.keys.filter(
        (k) =>
          isBlank(ctx.cells[k]) &&
          !reportedTotals.has(k) &&
          // In the editor the totals are computed: a blank total only means its parts are blank.
          !(ctx.mode === 'editor' && totals.has(k)),
      );
      if (blanks.length) rows.push({ label: row.label, row: row.row, blanks });
    }
    if (!rows.length) continue;
    const zero = (ks: string[]) => Object.fromEntries(ks.map((k) => [k, 0]));
    const colName = (k: string) => labelOf(ctx, k).split(' · ').slice(1).join(' · ') || labelOf(ctx, k);
    if (rows.length <= ROWS_PER_TABLE) {
      for (const r of rows) {
        yield {
          rule: 'CELL-BLANK',
          severity,
          message:
            `${r.label}：${r.blanks.length} 个空白格（${r.blanks.map(colName).join('、')}）。` +
            (ctx.mode === 'import' ? '发布的报告中空白格可能表示 0，请核实。' : '没有发生的事项请填 0，不要留空。'),
          cells: r.blanks,
          fingerprint: `row:${table}.${r.row}`,
          fix: { label: '空白格填 0', cells: zero(r.blanks) },
        };
      }
    } else {
      const all = rows.flatMap((r) => r.blanks);
      const names = rows
        .slice(0, 3)
        .map((r) => r.label)
        .join('、');
      yield {
        rule: 'CELL-BLANK',
        severity,
        message:
          `${TABLE_NAMES[table]}还有 ${all.length} 个空白格，分布在 ${rows.length} 行（${names}等）。` +
          (ctx.mode === 'import' ? '发布的报告中空白格可能表示 0，请核实。' : '没有发生的事项请填 0，不要留空。'),
        cells: all,
        fingerprint: `table:${table}`,
        fix: { label: '剩余空白格全部填 0', cells: zero(all) },
      };
    }
  }
}

function* regulationsPower(ctx: CheckContext): Iterable<Finding> {
  if (!ctx.template) return;
  const agency = ctx.report.agency;
  if (!agency || typeof agency.name !== 'string') return;
  if (!cannotMakeRegulations(agency.name, agency.kind, agency.parent)) return;
  const prefix = ctx.template.id === 'gov-2019' ? 't2_2019.regulations.' : 't2.regulations.';
  const keys = Object.keys(ctx.template.fields).filter((k) => k.startsWith(prefix));
  const nonZero = keys.filter((k) => (ctx.num(k) ?? 0) !== 0);
  if (!nonZero.length) return;
  const who =
    agency.kind === 'township' ? '乡镇（街道）' : agency.kind === 'government' ? '县级人民政府' : '县级政府部门';
  yield {
    rule: 'T2-REGULATIONS-POWER',
    severity: 'warning',
    message:
      `表二“规章”一行填了数字（${nonZero.map((k) => `${labelOf(ctx, k).split(' · ')[1] ?? k} ${fmt(ctx.num(k))}`).join('，')}），` +
      `但${who}没有规章制定权（只有国务院部门和省、设区的市、自治州人民政府可以制定规章）。本机关制发的文件应填在“行政规范性文件”一行；如确有依据，请忽略并说明理由。`,
    cells: nonZero,
    fingerprint: 'regulations',
  };
}

function* allZero(ctx: CheckContext): Iterable<Finding> {
  const layout = ctx.layout;
  if (!layout) return;
  const keys = layout.tableKeys.t3;
  let zeros = 0;
  for (const k of keys) {
    const v = ctx.num(k);
    if (v === null) continue;
    if (v !== 0) return;
    zeros++;
  }
  if (!zeros) return;
  // Only when the text says applications were received (a report saying none must stay quiet).
  const blocks = ctx.blocks;
  const analysis = ctx.analysis;
  for (let i = 0; i < blocks.length; i++) {
    const claim = analysis[i]!.claims.find(
      (c) =>
        (c.kind === 'received' || c.kind === 'new_received' || c.kind === 'answered' || c.kind === 'carried') &&
        c.value > 0 &&
        !c.otherScope &&
        !c.otherYear,
    );
    if (!claim) continue;
    yield {
      rule: 'ALL-ZERO',
      severity: 'warning',
      message: `表三的数字全部为 0，但正文写道“${claim.quote}”。请核对表三是否漏填，或导出、复制时丢失了数据。`,
      cells: ['t3.new_received.total'],
      span: spanOf(blocks[i]!, claim.start, claim.end),
      expected: claim.value,
      actual: 0,
      fingerprint: 'all-zero',
    };
    return;
  }
}

export const cellRules: Rule[] = [invalid, blank, regulationsPower, allZero];
