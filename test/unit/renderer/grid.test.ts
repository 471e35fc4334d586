import { describe, expect, it } from 'vitest';
import { GOV_2021, GOV_2019, tableOf } from '../../../templates/index';
import {
  buildGridLayout,
  move,
  nextEditable,
  nextInOrder,
  rowEdge,
  edgeCell,
} from '../../../renderer/src/logic/grid-layout';

const t2 = buildGridLayout(tableOf(GOV_2021, 't2'), GOV_2021);
const t3 = buildGridLayout(tableOf(GOV_2021, 't3'), GOV_2021);
const t4 = buildGridLayout(tableOf(GOV_2021, 't4'), GOV_2021);
const at = (layout: typeof t2, key: string) => {
  const cell = layout.byKey.get(key);
  if (!cell) throw new Error(`no cell ${key}`);
  return cell;
};

describe('grid layout from the template', () => {
  it('covers every position of Table 3 with exactly one origin cell', () => {
    for (let r = 0; r < t3.rows; r++)
      for (let c = 0; c < t3.cols; c++) expect(t3.origin[r]![c], `(${r},${c})`).not.toBeNull();
    expect(t3.data).toHaveLength(25 * 7);
    // The corner note spans three rows and three columns.
    expect(t3.origin[2]![2]!.role).toBe('note');
  });

  it('marks the totals as computed and nothing else', () => {
    expect(at(t3, 't3.new_received.total').computed).toBe(true);
    expect(at(t3, 't3.res_total.natural').computed).toBe(true);
    expect(at(t3, 't3.new_received.natural').computed).toBe(false);
    expect(at(t4, 't4.review.total').computed).toBe(true);
    expect(at(t2, 't2.admin_fees.amount').computed).toBe(false);
    expect(t3.data.filter((d) => d.computed)).toHaveLength(24 + 7);
  });
});

describe('arrow navigation over merged cells', () => {
  it('moves right and left across a row and stops at the edges', () => {
    const a = at(t3, 't3.new_received.natural');
    expect(move(t3, a, 'right').key).toBe('t3.new_received.commercial');
    expect(move(t3, a, 'left').key).toBe(a.key);
    expect(move(t3, at(t3, 't3.new_received.total'), 'right').key).toBe('t3.new_received.total');
  });

  it('moves down through Table 3 rows and stops at the last row', () => {
    expect(move(t3, at(t3, 't3.carried_over.research'), 'down').key).toBe('t3.res_open.research');
    expect(move(t3, at(t3, 't3.carry_next.total'), 'down').key).toBe('t3.carry_next.total');
    expect(move(t3, at(t3, 't3.new_received.natural'), 'up').key).toBe('t3.new_received.natural');
  });

  it('steps over caption and header rows between Table 2 blocks', () => {
    expect(move(t2, at(t2, 't2.normative_docs.repealed'), 'down').key).toBe('t2.licensing.decisions');
    expect(move(t2, at(t2, 't2.licensing.decisions'), 'down').key).toBe('t2.penalty.decisions');
    expect(move(t2, at(t2, 't2.coercion.decisions'), 'down').key).toBe('t2.admin_fees.amount');
  });

  it('returns to the column it came from after crossing a merged cell', () => {
    const lic = at(t2, 't2.licensing.decisions');
    expect(lic.colspan).toBe(3);
    expect(move(t2, lic, 'up', 3).key).toBe('t2.normative_docs.in_force');
    expect(move(t2, lic, 'up', 2).key).toBe('t2.normative_docs.repealed');
    // A column outside the merged cell is ignored.
    expect(move(t2, lic, 'up', 0).key).toBe('t2.normative_docs.issued');
    // A merged cell is one stop: right goes nowhere.
    expect(move(t2, lic, 'right').key).toBe(lic.key);
  });

  it('walks the single data row of Table 4 across the three groups', () => {
    expect(move(t4, at(t4, 't4.review.total'), 'right').key).toBe('t4.lit_direct.maintained');
    expect(move(t4, at(t4, 't4.review.total'), 'down').key).toBe('t4.review.total');
  });

  it('Tab order follows reading order over the cells that can be filled in, and ends at the last one', () => {
    // Along a row the 总计 column is passed over (a protected sheet's locked cell).
    expect(nextInOrder(t3, at(t3, 't3.new_received.other_org'))!.key).toBe('t3.carried_over.natural');
    expect(nextInOrder(t3, at(t3, 't3.new_received.total'))!.key).toBe('t3.carried_over.natural');
    expect(nextInOrder(t3, at(t3, 't3.carried_over.natural'), true)!.key).toBe('t3.new_received.other_org');
    // The whole 三（七）总计 row is computed: from （六）'s last cell Tab goes to 四、结转下年度.
    expect(nextInOrder(t3, at(t3, 't3.other_other.other_org'))!.key).toBe('t3.carry_next.natural');
    expect(nextInOrder(t3, at(t3, 't3.carry_next.natural'), true)!.key).toBe('t3.other_other.other_org');
    // Past the last editable cell (the last cell of all is a total) and before the first: out of the table.
    expect(nextInOrder(t3, at(t3, 't3.carry_next.other_org'))).toBeNull();
    expect(nextInOrder(t3, edgeCell(t3, true))).toBeNull();
    expect(nextInOrder(t3, edgeCell(t3, false), true)).toBeNull();
    // Table 4: each group's 总计 is passed over.
    expect(nextInOrder(t4, at(t4, 't4.review.pending'))!.key).toBe('t4.lit_direct.maintained');
    expect(nextInOrder(t4, at(t4, 't4.lit_direct.maintained'), true)!.key).toBe('t4.review.pending');
    expect(rowEdge(t3, at(t3, 't3.deny_law.research'), true).key).toBe('t3.deny_law.total');
  });

  it('Enter goes down the column to the next cell that can be filled in, over the computed row', () => {
    expect(nextEditable(t3, at(t3, 't3.other_other.natural'), 'down').key).toBe('t3.carry_next.natural');
    expect(nextEditable(t3, at(t3, 't3.carry_next.natural'), 'up').key).toBe('t3.other_other.natural');
    expect(nextEditable(t3, at(t3, 't3.new_received.natural'), 'down').key).toBe('t3.carried_over.natural');
    // Nothing below that can be filled in: it stays (the 总计 column is all computed).
    expect(nextEditable(t3, at(t3, 't3.carry_next.natural'), 'down').key).toBe('t3.carry_next.natural');
    expect(nextEditable(t3, at(t3, 't3.new_received.total'), 'down').key).toBe('t3.new_received.total');
    expect(nextEditable(t2, at(t2, 't2.normative_docs.repealed'), 'down').key).toBe('t2.licensing.decisions');
  });

  it('works on the 2019 Table 2 with its two-column block', () => {
    const l19 = buildGridLayout(tableOf(GOV_2019, 't2'), GOV_2019);
    const items = l19.byKey.get('t2_2019.procurement.items')!;
    expect(move(l19, items, 'right').key).toBe('t2_2019.procurement.amount');
    expect(move(l19, l19.byKey.get('t2_2019.admin_fees.change')!, 'down').key).toBe('t2_2019.procurement.amount');
  });
});
