import { describe, expect, it } from 'vitest';
import { GOV_2021 } from '../../../templates/index';
import {
  blankReport,
  computeTotals,
  formatCell,
  formatChineseDate,
  migrate,
  newId,
  numberText,
  parseCellInput,
  parseReportJson,
  suggestTitle,
  validateReport,
  SCHEMA_VERSION,
} from '../../../shared/model/index';
import { sampleReport } from '../../../shared/sample/sample-report';

const NOW = new Date('2025-01-05T08:00:00Z');

describe('blank report', () => {
  it('has the format of its year, six empty sections and every cell blank', () => {
    const r = blankReport({ agency: ' 青禾镇人民政府 ', kind: 'township', year: 2024, now: NOW });
    expect(r.format).toBe('gov-2021');
    expect(r.title).toBe('青禾镇人民政府2024年政府信息公开工作年度报告');
    expect(r.sections.map((s) => s.id)).toEqual(['overview', 'proactive', 'requests', 'review', 'problems', 'other']);
    expect(Object.keys(r.cells)).toHaveLength(200);
    expect(Object.values(r.cells).every((v) => v === null)).toBe(true);
    expect(blankReport({ agency: 'x', kind: 'other', year: 2020 }).format).toBe('gov-2019');
    expect(validateReport(r)).toMatchObject({ ok: true });
  });

  it('gives every report a new version-4 UUID id, each different', () => {
    const ids = Array.from({ length: 20000 }, () => newId());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    // Every hex digit of the random positions occurs (the ids are not drawn from a narrow range).
    expect(new Set(ids.map((id) => id[35])).size).toBe(16);
    expect(new Set(ids.map((id) => id[19])).size).toBe(4);
  });

  it('suggests the title from agency and year', () => {
    expect(suggestTitle('淮安市人民政府', 2024)).toBe('淮安市人民政府2024年政府信息公开工作年度报告');
  });
});

describe('schema', () => {
  it('accepts the sample report and keeps unknown fields', () => {
    const doc = { ...sampleReport(), futureField: { a: 1 } };
    const res = validateReport(JSON.parse(JSON.stringify(doc)));
    expect(res.ok).toBe(true);
    if (res.ok) expect(res.report.futureField).toEqual({ a: 1 });
  });

  it('names the field and the problem in Chinese (required fields); sets aside what it cannot use (the rest)', () => {
    const doc = JSON.parse(JSON.stringify(sampleReport()));
    doc.cells['t3.new_received.natural'] = [21];
    doc.year = '2024';
    const res = validateReport(doc);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    const byPath = Object.fromEntries(res.issues.map((i) => [i.path, i.message]));
    expect(byPath['$.cells["t3.new_received.natural"]']).toMatch(/应为数字或 null.*数组/);
    expect(byPath['$.year']).toMatch(/年度应为/);

    const optional = JSON.parse(JSON.stringify(sampleReport()));
    optional.sections[2].id = 'review';
    optional.signature.date = '2025-02-30';
    const read = validateReport(optional);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.report.signature.date).toBe('');
    expect(read.report.sections[2]!.blocks).toEqual([]);
    expect(read.report.meta.setAside).toMatchObject({
      '$.signature.date': '2025-02-30',
      '$.sections[2]': { id: 'review' },
    });
    expect(read.notes.map((n) => n.path)).toEqual(['$.sections[2]', '$.signature.date']);
  });

  it('explains a file that is not JSON, not a report, or from a newer version', () => {
    expect(parseReportJson('{"kind": "nianbao.report", ')).toMatchObject({
      ok: false,
      issues: [{ message: expect.stringMatching(/不是有效的 JSON/) }],
    });
    expect(parseReportJson('[1,2]')).toMatchObject({
      ok: false,
      issues: [{ message: expect.stringMatching(/JSON 对象/) }],
    });
    expect(parseReportJson('{"kind":"x"}')).toMatchObject({ ok: false, issues: [{ path: '$.kind' }] });
    const newer = JSON.stringify({ ...sampleReport(), schemaVersion: SCHEMA_VERSION + 1 });
    expect(parseReportJson(newer)).toMatchObject({ ok: false, issues: [{ message: expect.stringMatching(/请升级/) }] });
  });

  it('reads a file with a UTF-8 byte order mark', () => {
    expect(parseReportJson('\ufeff' + JSON.stringify(sampleReport())).ok).toBe(true);
  });
});

describe('migration', () => {
  it('runs each step in order and keeps unknown fields', () => {
    const steps = {
      1: (d: Record<string, unknown>) => ({ ...d, renamed: d.old, old: undefined }),
      2: (d: Record<string, unknown>) => ({ ...d, added: true }),
    };
    const res = migrate({ schemaVersion: 1, old: 'x', keep: [1] }, steps, 3);
    expect(res).toMatchObject({ ok: true, from: 1, doc: { schemaVersion: 3, renamed: 'x', added: true, keep: [1] } });
    expect(migrate({ schemaVersion: 1 }, {}, 2)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/缺少升级步骤/),
    });
  });
});

describe('totals', () => {
  it('computes row totals, （七）总计 and Table 4 totals; blank stays blank when nothing is filled', () => {
    const cells = computeTotals(
      {
        't3.new_received.natural': 3,
        't3.new_received.legal_service': 2,
        't3.res_open.natural': 4,
        't3.deny_secret.research': 1,
        't4.review.maintained': 2,
        't4.review.pending': 1,
      },
      GOV_2021,
    );
    expect(cells['t3.new_received.total']).toBe(5);
    expect(cells['t3.res_total.natural']).toBe(4);
    expect(cells['t3.res_total.research']).toBe(1);
    expect(cells['t3.res_total.total']).toBe(5);
    expect(cells['t4.review.total']).toBe(3);
    expect(cells['t4.lit_direct.total']).toBeNull();
    expect(cells['t3.carry_next.total']).toBeNull();
  });

  it('the sample report balances in every column', () => {
    const c = sampleReport().cells;
    for (const col of GOV_2021.t3Columns) {
      const k = (row: string) => c[`t3.${row}.${col.key}`] as number;
      expect(k('new_received') + k('carried_over'), col.key).toBe(k('res_total') + k('carry_next'));
    }
  });
});

describe('cell input', () => {
  const int = GOV_2021.fields['t3.res_open.natural']!;
  const dec = GOV_2021.fields['t2.admin_fees.amount']!;
  it('accepts integers, full-width digits, thousands separators and blank', () => {
    expect(parseCellInput('42', int)).toEqual({ ok: true, value: 42 });
    expect(parseCellInput('４２', int)).toEqual({ ok: true, value: 42 });
    expect(parseCellInput('1,234', int)).toEqual({ ok: true, value: 1234 });
    expect(parseCellInput('  ', int)).toEqual({ ok: true, value: null });
    expect(parseCellInput('24252.311082', dec)).toEqual({ ok: true, value: 24252.311082 });
  });
  it('reads what a Chinese input method types: full-width digits and marks, 。 for the decimal point', () => {
    expect(parseCellInput('１５８０', int)).toEqual({ ok: true, value: 1580 });
    expect(parseCellInput('１，２００', int)).toEqual({ ok: true, value: 1200 });
    expect(parseCellInput('\u3000１２\u3000', int)).toEqual({ ok: true, value: 12 });
    expect(parseCellInput('３．５', dec)).toEqual({ ok: true, value: 3.5 });
    expect(parseCellInput('３。５', dec)).toEqual({ ok: true, value: 3.5 });
    expect(parseCellInput('12。25', dec)).toEqual({ ok: true, value: 12.25 });
    // Still refused, with the text as typed.
    expect(parseCellInput('－２', int)).toMatchObject({ ok: false, message: expect.stringMatching(/负数/) });
    expect(parseCellInput('１。５', int)).toMatchObject({ ok: false, message: expect.stringMatching(/整数/) });
    expect(parseCellInput('ａｂｃ', int)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/“ａｂｃ”不是数字/),
    });
    expect(numberText('１５８０，３．５。')).toBe('1580,3.5.');
  });
  it('refuses letters, negatives and decimals where not allowed, with a message', () => {
    expect(parseCellInput('abc', int)).toMatchObject({ ok: false, message: expect.stringMatching(/不是数字/) });
    expect(parseCellInput('-1', int)).toMatchObject({ ok: false, message: expect.stringMatching(/负数/) });
    expect(parseCellInput('1.5', int)).toMatchObject({ ok: false, message: expect.stringMatching(/整数/) });
    expect(parseCellInput('1.1234567', dec)).toMatchObject({ ok: false, message: expect.stringMatching(/6 位小数/) });
  });
  it('formats cells and dates as printed', () => {
    expect(formatCell(null)).toBe('');
    expect(formatCell(0)).toBe('0');
    expect(formatCell(7730.28)).toBe('7730.28');
    expect(formatCell(447228)).toBe('447228');
    expect(formatCell(24252.311082)).toBe('24252.311082');
    expect(formatChineseDate('2024-01-05')).toBe('2024年1月5日');
  });
});
