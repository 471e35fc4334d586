import type { Severity } from '../../../shared/checks/types';

/**
 * A grid cell's class list and tooltip. Built by concatenation rather than arrays filtered and
 * joined: the cells a keystroke re-renders build these on every keystroke, and the arrays were
 * garbage each time. The styles and the e2e tests rely on the exact strings (no empty class, no
 * empty tooltip line).
 */

export const COMPUTED_TIP = '自动计算：由各项相加得出，不能直接填写。';

export function cellClass(s: {
  computed: boolean;
  active: boolean;
  editing: boolean;
  severity: Severity | undefined;
  blank: boolean;
}): string {
  return (
    'gcell ' +
    (s.computed ? 'computed' : 'editable') +
    (s.active ? ' active' : '') +
    (s.editing ? ' editing' : '') +
    (s.severity ? ` mark-${s.severity}` : '') +
    (s.blank && !s.computed ? ' blank' : '')
  );
}

/** The label, the hint (or, for a computed cell, how it is computed) and the finding, one a line. */
export function cellTip(label: string, computed: boolean, hint: string | undefined, finding: string | undefined) {
  return lines(lines(label, computed ? COMPUTED_TIP : hint), finding);
}

/** `a` and `b` on lines of their own, leaving out an empty one. */
function lines(a: string | undefined, b: string | undefined): string {
  return a ? (b ? `${a}\n${b}` : a) : (b ?? '');
}
