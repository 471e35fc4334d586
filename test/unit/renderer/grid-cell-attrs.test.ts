import { describe, expect, it } from 'vitest';
import { COMPUTED_TIP, cellClass, cellTip } from '../../../renderer/src/grid/cell-attrs';
import type { Severity } from '../../../shared/checks/types';

/**
 * A grid cell's class list and tooltip in every state, against the way they were first written
 * (arrays with the empty parts filtered out, joined): the styles and the e2e tests rely on the
 * exact strings.
 */

const joined = (parts: (string | undefined)[], sep: string) => parts.filter(Boolean).join(sep);
const bools = [false, true];

describe('grid cell class and tooltip', () => {
  it('lists exactly the states that apply, in a fixed order, in every combination', () => {
    let n = 0;
    for (const computed of bools)
      for (const active of bools)
        for (const editing of bools)
          for (const blank of bools)
            for (const severity of [undefined, 'error', 'warning', 'info'] as (Severity | undefined)[]) {
              const want = joined(
                [
                  'gcell',
                  computed ? 'computed' : 'editable',
                  active ? 'active' : '',
                  editing ? 'editing' : '',
                  severity ? `mark-${severity}` : '',
                  blank && !computed ? 'blank' : '',
                ],
                ' ',
              );
              expect(cellClass({ computed, active, editing, severity, blank })).toBe(want);
              n++;
            }
    expect(n).toBe(64);
    expect(cellClass({ computed: false, active: true, editing: false, severity: 'error', blank: true })).toBe(
      'gcell editable active mark-error blank',
    );
  });

  it('puts the label, the hint or the computed note, and the finding on lines of their own, leaving out absent ones', () => {
    for (const label of ['', '四、结转 · 自然人'])
      for (const computed of bools)
        for (const hint of [undefined, '', '填件数'])
          for (const finding of [undefined, '', '合计不符']) {
            const want = joined([label, computed ? COMPUTED_TIP : hint, finding], '\n');
            expect(cellTip(label, computed, hint, finding)).toBe(want);
          }
    expect(cellTip('四、结转 · 自然人', false, '填件数', '合计不符')).toBe('四、结转 · 自然人\n填件数\n合计不符');
  });
});
