import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../shared/checks/index';
import type { Finding } from '../../../shared/checks/types';
import type { Report } from '../../../shared/model/types';
import { blankReport } from '../../../shared/model/blank';
import { GOV_2019 } from '../../../templates/index';
import { makeReport, withCells, withSection } from '../../fixtures/factory';
import { countyBureau2023 } from '../../fixtures/reports/county-bureau';
import { cityGovernment2024 } from '../../fixtures/reports/city-government';

const of = (r: Report, rule: string, mode: 'editor' | 'import' = 'editor'): Finding[] =>
  runChecks(r, { mode }).filter((f) => f.rule === rule);

describe('CELL-INVALID', () => {
  it('refuses text, negatives and fractions in count cells', () => {
    const r = withCells(makeReport(), {
      't3.res_open.natural': 'abc' as unknown as number,
      't4.review.pending': -1,
      't2.licensing.decisions': 12.5,
    });
    const f = of(r, 'CELL-INVALID');
    expect(f.map((x) => x.fingerprint).sort()).toEqual([
      't2.licensing.decisions',
      't3.res_open.natural',
      't4.review.pending',
    ]);
    expect(f.find((x) => x.fingerprint === 't3.res_open.natural')!.message).toContain('不是数字');
    expect(f.find((x) => x.fingerprint === 't4.review.pending')!.message).toContain('不能为负数');
    expect(f.find((x) => x.fingerprint === 't2.licensing.decisions')!.message).toContain('只能填整数');
    expect(f.every((x) => x.severity === 'error')).toBe(true);
  });

  it('lets the fee amount carry up to 6 decimals (万元 to the 分), not 7', () => {
    expect(of(withCells(makeReport(), { 't2.admin_fees.amount': 24252.311082 }), 'CELL-INVALID')).toEqual([]);
    expect(of(withCells(makeReport(), { 't2.admin_fees.amount': 96171.6 }), 'CELL-INVALID')).toEqual([]);
    expect(of(withCells(makeReport(), { 't2.admin_fees.amount': 1.1234567 }), 'CELL-INVALID')).toHaveLength(1);
  });

  it('lets a 2019-format 本年增/减 be negative', () => {
    const r: Report = {
      ...makeReport({ year: 2020 }),
      format: 'gov-2019',
      cells: {
        ...blankReport({ agency: 'x', kind: 'department', year: 2020 }).cells,
        't2_2019.licensing.change': -8,
        't2_2019.licensing.prev_items': -1,
      },
    };
    expect(of(r, 'CELL-INVALID').map((f) => f.fingerprint)).toEqual(['t2_2019.licensing.prev_items']);
    expect(GOV_2019.fields['t2_2019.licensing.change']!.min).toBeUndefined();
  });
});

describe('CELL-BLANK', () => {
  it('lists the blank cells of a row in one finding, as an error in the editor, with a fill-0 fix', () => {
    const r = withCells(makeReport(), { 't3.res_open.natural': null, 't3.res_open.research': null }, true);
    const f = of(r, 'CELL-BLANK');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      severity: 'error',
      fingerprint: 'row:t3.res_open',
      cells: ['t3.res_open.natural', 't3.res_open.research'],
    });
    expect(f[0]!.message).toMatch(/^三（一）予以公开：2 个空白格（自然人、科研机构）/);
    expect(f[0]!.fix).toEqual({ label: '空白格填 0', cells: { 't3.res_open.natural': 0, 't3.res_open.research': 0 } });
  });

  it('is a warning on import', () => {
    const r = withCells(makeReport(), { 't3.res_open.natural': null }, true);
    expect(of(r, 'CELL-BLANK', 'import')[0]!.severity).toBe('warning');
  });

  it('groups a half-filled table into one finding instead of hundreds', () => {
    const base = makeReport();
    const cells = { ...base.cells };
    for (const k of Object.keys(cells))
      if (k.startsWith('t3.') && !k.startsWith('t3.new_received') && !k.startsWith('t3.carried_over')) cells[k] = null;
    const f = of({ ...base, cells }, 'CELL-BLANK');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ fingerprint: 'table:t3', severity: 'error' });
    expect(f[0]!.message).toContain('表三（依申请公开）还有');
    expect(Object.keys(f[0]!.fix!.cells).length).toBe(f[0]!.cells!.length);
  });

  it('says nothing about a table not started at all (SECTION-EMPTY does), nor a fresh report', () => {
    const fresh = blankReport({ agency: '青禾镇人民政府', kind: 'township', year: 2024 });
    expect(of(fresh, 'CELL-BLANK')).toEqual([]);
    expect(runChecks(fresh).filter((f) => f.rule === 'SECTION-EMPTY')).toHaveLength(6);
  });

  it('always reports a blank 总计 next to filled cells, as an error even on import', () => {
    const r = withCells(makeReport(), { 't3.res_open.total': null });
    const f = of(r, 'CELL-BLANK', 'import');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      severity: 'error',
      fingerprint: 'total:t3.res_open.total',
      expected: 0,
      fix: { cells: { 't3.res_open.total': 0 } },
    });
    // …and the sum rules do not report it a second time.
    expect(runChecks(r, { mode: 'import' }).filter((x) => x.rule === 'T3-ROW-TOTAL')).toEqual([]);
  });

  it('does not ask for the sub-rows of a printed single （六）其他处理 row', () => {
    const r = makeReport();
    const cells = { ...r.cells };
    for (const col of ['natural', 'commercial', 'research', 'public_interest', 'legal_service', 'other_org', 'total']) {
      cells[`t3.other.${col}`] = 0;
      for (const sub of ['other_no_correction', 'other_no_fee', 'other_other']) cells[`t3.${sub}.${col}`] = null;
    }
    expect(of({ ...r, cells }, 'CELL-BLANK')).toEqual([]);
  });
});

describe('T2-REGULATIONS-POWER', () => {
  const regs = (agency: string, kind: Report['agency']['kind'], parent?: string) =>
    of(makeReport({ agency, kind, parent, t2: { regulations: [1, 0, 3] } }), 'T2-REGULATIONS-POWER');

  it('fires for townships, county-level departments and county governments', () => {
    expect(regs('青禾镇人民政府', 'township')).toHaveLength(1);
    expect(regs('云溪县市场监督管理局', 'department')[0]).toMatchObject({
      severity: 'warning',
      cells: ['t2.regulations.issued', 't2.regulations.in_force'],
    });
    expect(regs('吴忠市红寺堡区文化体育旅游局', 'department')).toHaveLength(1);
    expect(regs('淮清市洪湖区人民政府', 'government')).toHaveLength(1);
    expect(regs('市场监督管理局', 'department', '云溪县人民政府')).toHaveLength(1);
  });

  it('stays quiet for governments of cities and provinces, and for city departments it cannot judge', () => {
    expect(of(cityGovernment2024(), 'T2-REGULATIONS-POWER')).toEqual([]);
    expect(regs('广西壮族自治区人民政府', 'government')).toEqual([]);
    expect(regs('淮清市城市管理局', 'department')).toEqual([]);
    expect(
      of(
        makeReport({ agency: '青禾镇人民政府', kind: 'township', t2: { regulations: [0, 0, 0] } }),
        'T2-REGULATIONS-POWER',
      ),
    ).toEqual([]);
  });
});

describe('ALL-ZERO', () => {
  const zeroWith = (text: string) => withSection(countyBureau2023(), 'overview', [text]);

  it('fires when every Table 3 cell is 0 but the text says applications came in', () => {
    const f = of(zeroWith('2023年，我局共受理政府信息公开申请12件，均按时答复。'), 'ALL-ZERO', 'import');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', expected: 12, actual: 0 });
    expect(f[0]!.span).toMatchObject({ where: 'section', section: 'overview', block: 0 });
    // The figure itself is not reported again as TEXT-NUMBER.
    expect(of(zeroWith('2023年，我局共受理政府信息公开申请12件，均按时答复。'), 'TEXT-NUMBER', 'import')).toEqual([]);
  });

  it('stays quiet when the text says no application was received (seeds/001 pattern) or says nothing', () => {
    expect(of(countyBureau2023(), 'ALL-ZERO', 'import')).toEqual([]);
    expect(of(zeroWith('我局高度重视政府信息公开工作。'), 'ALL-ZERO', 'import')).toEqual([]);
    expect(of(makeReport(), 'ALL-ZERO')).toEqual([]);
  });
});
