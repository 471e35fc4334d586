import { describe, expect, it } from 'vitest';
import { GOV_2021 } from '../../../templates/index';
import { blankReport, parseReportJson, validateReport, type ValidationResult } from '../../../shared/model/index';
import { parseDateText } from '../../../shared/model/dates';
import { runChecks } from '../../../shared/checks/index';
import { sampleReport } from '../../../shared/sample/sample-report';

/**
 * The tolerant reader (report-file.md, “What a reader must accept”): a file with only the required
 * fields is read and checked; missing optional fields are filled, other shapes read, unusable values
 * set aside (never dropped); only a missing or wrong-typed required field makes a file unreadable.
 */

const NOW = new Date('2025-02-03T04:05:06Z');
const minimal = (extra: Record<string, unknown> = {}) => ({
  kind: 'nianbao.report',
  schemaVersion: 1,
  format: 'gov-2021',
  year: 2024,
  agency: { name: '云溪县民政局' },
  cells: {},
  ...extra,
});
const read = (doc: unknown): Extract<ValidationResult, { ok: true }> => {
  const res = validateReport(JSON.parse(JSON.stringify(doc)), { now: NOW });
  if (!res.ok) throw new Error(res.issues.map((i) => `${i.path}：${i.message}`).join('\n'));
  return res;
};
const refused = (doc: unknown) => {
  const res = validateReport(JSON.parse(JSON.stringify(doc)), { now: NOW });
  if (res.ok) throw new Error('expected the file to be refused');
  return Object.fromEntries(res.issues.map((i) => [i.path, i.message]));
};

describe('a file with only the required fields', () => {
  it('is read, with everything the app needs filled in', () => {
    const res = read(minimal());
    const r = res.report;
    expect(r.meta.id).toMatch(/^[A-Za-z0-9_-]{8,}$/);
    expect(r.meta).toMatchObject({ status: 'draft', createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() });
    expect(r.agency.kind).toBe('department');
    expect(r.title).toBe('云溪县民政局2024年政府信息公开工作年度报告');
    expect(r.sections.map((s) => [s.id, s.blocks.length])).toEqual([
      ['overview', 0],
      ['proactive', 0],
      ['requests', 0],
      ['review', 0],
      ['problems', 0],
      ['other', 0],
    ]);
    expect(r.signature).toEqual({ name: '', date: '' });
    expect(Object.keys(r.cells).sort()).toEqual(Object.keys(GOV_2021.fields).sort());
    expect(Object.values(r.cells).every((v) => v === null)).toBe(true);
    expect(res.notes).toEqual([]);
    expect(res.filled).toEqual(
      expect.arrayContaining(['$.agency.kind', '$.title', '$.sections', '$.signature', '$.meta']),
    );
  });

  it('derives the agency kind from the name', () => {
    const kind = (name: string) => read(minimal({ agency: { name } })).report.agency.kind;
    expect(kind('舟曲县果耶镇人民政府')).toBe('township');
    expect(kind('淮安市洪泽区人民政府')).toBe('government');
    expect(kind('云溪县市场监督管理局')).toBe('department');
    // An area committee reports for its whole area, as a county-level government does (import.md).
    expect(kind('江川经济开发区管理委员会')).toBe('government');
    expect(kind('青禾公路养护段')).toBe('other');
  });

  it('is checked: the missing parts are findings of the report, not a refusal', () => {
    const r = read(minimal()).report;
    const f = runChecks(r, { now: NOW });
    const ids = f.map((x) => `${x.rule}:${x.fingerprint}:${x.severity}`);
    expect(ids).toEqual(
      expect.arrayContaining([
        'SECTION-EMPTY:overview:error',
        'SECTION-EMPTY:requests:error',
        'SECTION-EMPTY:other:error',
        'SECTION-EMPTY:signature:info',
      ]),
    );
    expect(f.find((x) => x.fingerprint === 'signature')!.span).toEqual({ where: 'signature', start: 0, end: 0 });
  });

  it('with figures: the table rules run on them', () => {
    const r = read(minimal({ cells: { 't4.review.maintained': 2, 't4.review.total': 3 } })).report;
    expect(runChecks(r, { now: NOW }).filter((f) => f.rule === 'T4-TOTAL')).toHaveLength(1);
  });
});

describe('refused only for the required fields', () => {
  it('names each missing or wrong-typed required field in Chinese', () => {
    expect(refused({ ...minimal(), kind: undefined })['$.kind']).toMatch(/不是年报文件/);
    expect(refused({ ...minimal(), schemaVersion: '1' })['$.schemaVersion']).toMatch(/版本号/);
    expect(refused({ ...minimal(), format: 'gov-2022' })['$.format']).toMatch(/gov-2021/);
    expect(refused({ ...minimal(), year: '2024' })['$.year']).toMatch(/年度应为.*文本“2024”/);
    expect(refused({ ...minimal(), year: undefined })['$.year']).toMatch(/缺失/);
    expect(refused({ ...minimal(), agency: undefined })['$.agency']).toMatch(/缺少机关信息/);
    expect(refused({ ...minimal(), agency: { kind: 'department' } })['$.agency.name']).toMatch(/应为文本，实际为缺失/);
    expect(refused({ ...minimal(), cells: undefined })['$.cells']).toMatch(/缺少表格数据/);
    expect(refused({ ...minimal(), cells: [] })['$.cells']).toMatch(/数组/);
    expect(refused({ ...minimal(), cells: { 't3.new_received.natural': { v: 1 } } })).toEqual({
      '$.cells["t3.new_received.natural"]': expect.stringMatching(/应为数字或 null.*对象/),
    });
  });

  it('lists every problem at once', () => {
    const issues = refused({ kind: 'nianbao.report', schemaVersion: 1, format: 'x', agency: {} });
    expect(Object.keys(issues).sort()).toEqual(['$.agency.name', '$.cells', '$.format', '$.year']);
  });

  it('not JSON or not a report: as before', () => {
    expect(parseReportJson('{"kind": ')).toMatchObject({ ok: false, issues: [{ path: '$' }] });
    expect(parseReportJson('"text"')).toMatchObject({ ok: false, issues: [{ path: '$' }] });
  });
});

describe('other shapes of the optional fields', () => {
  it('reads dates as people write them', () => {
    for (const t of [
      '2025-01-20',
      '2025-1-20',
      '2025/1/20',
      '2025.1.20',
      '20250120',
      '2025年1月20日',
      '２０２５年１月２０日',
      '二〇二五年一月二十日',
      '2025-01-20T00:00:00Z',
    ])
      expect(parseDateText(t), t).toBe('2025-01-20');
    for (const t of ['2025-02-30', '2025-13-01', '1月20日', '明天', '20251320']) expect(parseDateText(t), t).toBeNull();
  });

  it('signature: date forms converted, a one-text signature split, a missing name left blank', () => {
    const a = read(minimal({ signature: { name: '云溪县民政局', date: '2025年1月20日' } }));
    expect(a.report.signature).toEqual({ name: '云溪县民政局', date: '2025-01-20' });
    expect(a.notes.map((n) => n.path)).toEqual(['$.signature.date']);
    expect(read(minimal({ signature: '云溪县民政局 2025年1月20日' })).report.signature).toEqual({
      name: '云溪县民政局',
      date: '2025-01-20',
    });
    expect(read(minimal({ signature: { date: '2025-01-20' } })).report.signature).toEqual({
      name: '',
      date: '2025-01-20',
    });
  });

  it('sections: keyed by id, out of order, without ids, with paragraphs as plain strings', () => {
    const keyed = read(
      minimal({ sections: { other: ['本年度未收取信息处理费。'], overview: { blocks: ['总体情况。'] } } }),
    );
    expect(keyed.report.sections.map((s) => s.blocks.map((b) => b.text).join())).toEqual([
      '总体情况。',
      '',
      '',
      '',
      '',
      '本年度未收取信息处理费。',
    ]);
    expect(keyed.report.sections[0]!.blocks[0]).toEqual({ type: 'paragraph', text: '总体情况。' });

    const shuffled = read(
      minimal({
        sections: [
          { id: 'other', blocks: [{ type: 'paragraph', text: '六' }] },
          { id: 'overview', blocks: [{ text: '（一）主动公开', level: 2 }, { text: '一' }] },
        ],
      }),
    );
    expect(shuffled.report.sections.map((s) => s.id)).toEqual([
      'overview',
      'proactive',
      'requests',
      'review',
      'problems',
      'other',
    ]);
    expect(shuffled.report.sections[0]!.blocks).toEqual([
      { type: 'heading', level: 2, text: '（一）主动公开' },
      { type: 'paragraph', text: '一' },
    ]);
    expect(shuffled.notes.map((n) => n.message).join()).toMatch(/顺序与规定不同/);

    const noIds = read(minimal({ sections: [{ blocks: ['甲'] }, { blocks: [] }] }));
    expect(noIds.report.sections[0]!.blocks[0]!.text).toBe('甲');
  });

  it('a heading without a valid level gets one from its words', () => {
    const r = read(
      minimal({
        sections: [
          {
            id: 'overview',
            blocks: [
              { type: 'heading', text: '（一）主动公开' },
              { type: 'heading', text: '1.政策解读', level: 7 },
            ],
          },
        ],
      }),
    ).report;
    expect(r.sections[0]!.blocks.map((b) => (b.type === 'heading' ? b.level : 0))).toEqual([2, 3]);
  });

  it('cells: numbers written as text read as numbers, empty text as blank, other text kept for CELL-INVALID', () => {
    const res = read(
      minimal({
        cells: {
          't3.new_received.natural': '12',
          't3.new_received.commercial': '１,２００',
          't2.licensing.decisions': '',
          't3.res_open.natural': '二十一',
        },
      }),
    );
    const c = res.report.cells;
    expect([c['t3.new_received.natural'], c['t3.new_received.commercial'], c['t2.licensing.decisions']]).toEqual([
      12,
      1200,
      null,
    ]);
    expect(c['t3.res_open.natural']).toBe('二十一');
    expect(res.notes.map((n) => n.message).join()).toMatch(/2 个单元格的数字写成了文本/);
    const invalid = runChecks(res.report, { now: NOW }).filter((f) => f.rule === 'CELL-INVALID');
    expect(invalid.map((f) => f.cells)).toEqual([['t3.res_open.natural']]);
    expect(invalid[0]!.message).toContain('“二十一”不是数字');
  });

  it('cells under keys of no table are kept and named', () => {
    const res = read(minimal({ cells: { 'extra.figure': 5, 'T3.new_received.natural': 1 } }));
    expect(res.report.cells['extra.figure']).toBe(5);
    expect(res.notes[0]!.message).toMatch(/2 个单元格键名不属于任何表格.*“extra.figure”/);
  });
});

describe('values that cannot be used are set aside, never dropped', () => {
  it('keeps them in meta.setAside under their path, with a note', () => {
    const res = read(
      minimal({
        agency: { name: '果耶镇人民政府', kind: 'town' },
        signature: { name: '果耶镇人民政府', date: '年底前' },
        sections: [{ id: 'annex', blocks: ['附件'] }, 'text'],
        meta: { status: 'final', id: 42, createdAt: '2024-12-01T00:00:00Z' },
      }),
    );
    const r = res.report;
    expect(r.agency.kind).toBe('township');
    expect(r.signature.date).toBe('');
    expect(r.meta.status).toBe('draft');
    expect(r.meta.createdAt).toBe('2024-12-01T00:00:00Z');
    expect(r.meta.setAside).toEqual({
      '$.agency.kind': 'town',
      '$.signature.date': '年底前',
      '$.sections[0]': { id: 'annex', blocks: ['附件'] },
      '$.sections[1]': 'text',
      '$.meta.status': 'final',
      '$.meta.id': 42,
    });
    expect(res.notes.every((n) => /原值保存在 meta.setAside 中/.test(n.message))).toBe(true);
    expect(res.notes.map((n) => n.path)).toEqual(Object.keys(r.meta.setAside!));
  });
});

describe('what the app itself writes', () => {
  it('reads back unchanged, with nothing filled and nothing to say', () => {
    for (const r of [sampleReport(), blankReport({ agency: '青禾镇人民政府', kind: 'township', year: 2024 })]) {
      const res = read(r);
      expect(res.report).toEqual(r);
      expect(res.notes).toEqual([]);
      expect(res.filled).toEqual([]);
    }
  });

  it('a filled-in file reads back the same a second time (nothing new filled), unknown fields kept everywhere', () => {
    const first = read(
      minimal({
        futureTop: 1,
        agency: { name: '云溪县民政局', futureAgency: [1] },
        sections: [
          { id: 'overview', blocks: [{ type: 'paragraph', text: '甲', futureBlock: true }], futureSection: 'x' },
        ],
        meta: { futureMeta: { a: 1 } },
      }),
    ).report;
    const second = read(first);
    expect(second.report).toEqual(first);
    expect(second.filled).toEqual([]);
    expect(first.futureTop).toBe(1);
    expect(first.agency.futureAgency).toEqual([1]);
    expect(first.sections[0]!.futureSection).toBe('x');
    expect(first.sections[0]!.blocks[0]!.futureBlock).toBe(true);
    expect(first.meta.futureMeta).toEqual({ a: 1 });
  });
});
