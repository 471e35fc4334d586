import { describe, expect, it } from 'vitest';
import { GOV_2021, tableOf } from '../../../templates/index';
import { blankCells } from '../../../shared/model/blank';
import { buildGridLayout } from '../../../renderer/src/logic/grid-layout';
import { parseClipboardTable } from '../../../renderer/src/logic/clipboard';
import { mismatchedTotals, planPaste } from '../../../renderer/src/logic/paste';

const t2 = buildGridLayout(tableOf(GOV_2021, 't2'), GOV_2021);
const t3 = buildGridLayout(tableOf(GOV_2021, 't3'), GOV_2021);
const blank = () => blankCells('gov-2021');

describe('planPaste', () => {
  it('fills a block from the focused cell, row by row', () => {
    const plan = planPaste(
      t3,
      GOV_2021,
      blank(),
      't3.new_received.natural',
      parseClipboardTable('5\t1\t0\r\n2\t0\t0\r\n'),
    );
    expect(plan.patch).toEqual({
      't3.new_received.natural': 5,
      't3.new_received.commercial': 1,
      't3.new_received.research': 0,
      't3.carried_over.natural': 2,
      't3.carried_over.commercial': 0,
      't3.carried_over.research': 0,
    });
    expect(plan.written).toBe(6);
    expect(plan.refused).toEqual([]);
  });

  it('skips a copied 总计 without shifting the values and reports a wrong one', () => {
    // Seven values: six applicant columns and a total that is off by one.
    const plan = planPaste(t3, GOV_2021, blank(), 't3.res_open.natural', [['1', '2', '3', '0', '0', '0', '7']]);
    expect(plan.patch['t3.res_open.other_org']).toBe(0);
    expect(plan.patch['t3.res_open.total']).toBeUndefined();
    expect(plan.skippedTotals).toEqual([
      { key: 't3.res_open.total', label: expect.stringContaining('总计'), text: '7', computed: 6 },
    ]);
    expect(mismatchedTotals(plan, GOV_2021)).toHaveLength(1);
    const right = planPaste(t3, GOV_2021, blank(), 't3.res_open.natural', [['1', '2', '3', '0', '0', '0', '6']]);
    expect(mismatchedTotals(right, GOV_2021)).toHaveLength(0);
  });

  it('refuses letters, negatives and decimals cell by cell with the parser message', () => {
    const plan = planPaste(t3, GOV_2021, blank(), 't3.new_received.natural', [['abc', '-1', '2.5', '4']]);
    expect(plan.patch).toEqual({ 't3.new_received.public_interest': 4 });
    expect(plan.dropped).toEqual([]);
    expect(plan.refused.map((r) => r.key)).toEqual([
      't3.new_received.natural',
      't3.new_received.commercial',
      't3.new_received.research',
    ]);
    expect(plan.refused[0]!.message).toContain('不是数字');
    expect(plan.refused[1]!.message).toContain('负数');
    expect(plan.refused[2]!.message).toContain('整数');
  });

  it('accepts decimals in 行政事业性收费 (万元) only', () => {
    const plan = planPaste(t2, GOV_2021, blank(), 't2.admin_fees.amount', [['24252.311082']]);
    expect(plan.patch).toEqual({ 't2.admin_fees.amount': 24252.311082 });
  });

  it('counts values that fall outside the table', () => {
    const plan = planPaste(t3, GOV_2021, blank(), 't3.carry_next.legal_service', [['1', '2', '3', '4'], ['5']]);
    expect(plan.patch).toEqual({ 't3.carry_next.legal_service': 1, 't3.carry_next.other_org': 2 });
    expect(plan.skippedTotals).toHaveLength(1);
    expect(plan.outside).toBe(2);
  });

  it('leaves out a column of row names and a heading line copied along', () => {
    const text = '申请人\t自然人\t商业企业\r\n一、本年新收\t3\t1\r\n二、上年结转\t0\t2\r\n';
    const plan = planPaste(t3, GOV_2021, blank(), 't3.new_received.natural', parseClipboardTable(text));
    expect(plan.dropped).toEqual(['heading', 'labels']);
    expect(plan.patch).toEqual({
      't3.new_received.natural': 3,
      't3.new_received.commercial': 1,
      't3.carried_over.natural': 0,
      't3.carried_over.commercial': 2,
    });
  });

  it('does not mistake a block of wrong text for labels', () => {
    const plan = planPaste(t3, GOV_2021, blank(), 't3.new_received.natural', [['a', 'b']]);
    expect(plan.dropped).toEqual([]);
    expect(plan.refused).toHaveLength(2);
  });

  it('steps over Table 2 caption rows and lands in the block below', () => {
    const plan = planPaste(t2, GOV_2021, blank(), 't2.normative_docs.issued', [['3', '1', '12'], ['1865']]);
    expect(plan.patch).toEqual({
      't2.normative_docs.issued': 3,
      't2.normative_docs.repealed': 1,
      't2.normative_docs.in_force': 12,
      't2.licensing.decisions': 1865,
    });
  });

  it('clears a cell for an empty pasted value and records only real changes', () => {
    const cells = { ...blank(), 't3.new_received.natural': 5, 't3.new_received.commercial': 1 };
    const plan = planPaste(t3, GOV_2021, cells, 't3.new_received.natural', [['', '1']]);
    expect(plan.patch).toEqual({ 't3.new_received.natural': null });
    expect(plan.written).toBe(2);
  });
});
