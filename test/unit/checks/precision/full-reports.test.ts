import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../../shared/checks/index';
import type { CheckMode, Finding } from '../../../../shared/checks/types';
import type { Report } from '../../../../shared/model/types';
import { lastYearOf } from '../../../fixtures/factory';
import { FULL_REPORTS } from './reports/all';
import { DEFECTS as FIRST_PASS } from './reports/defects';
import { SECOND_PASS_DEFECTS } from './reports/defects-second-pass';

const DEFECTS = [...FIRST_PASS, ...SECOND_PASS_DEFECTS];

/**
 * Whole reports of a 街道, 镇, 乡, 县政府, 区政府, 高新区, 新区, 县局, 市局, 市政府, two vertically managed
 * bodies and a hospital, written for issue #12's re-test (not from the samples), and of a 经开区管委会, a
 * 市直部门 with 分局, a 公积金中心, a 民族乡 and a 街道 of a three-character name (second pass): consistent,
 * so every finding is a false alarm; then each with known defects planted, every one of which must be found.
 */

const NOW = new Date('2025-01-20T00:00:00Z');
const asImported = (r: Report): Report => ({
  ...r,
  meta: { ...r.meta, source: { fileName: 'report.html', detectedFormat: r.format, warnings: [] } },
});
const check = (r: Report, mode: CheckMode, last?: Report): Finding[] =>
  runChecks(mode === 'import' ? asImported(r) : r, {
    mode,
    now: NOW,
    ...(last ? { last: mode === 'import' ? asImported(last) : last } : {}),
  });
const lines = (fs: Finding[]) => fs.map((f) => `${f.rule}: ${f.message}`).join('\n') || '（无）';

describe.each(['editor', 'import'] as const)('full reports, %s mode', (mode) => {
  it.each(Object.keys(FULL_REPORTS))('%s: consistent, no finding (also against a consistent last year)', (key) => {
    const r = FULL_REPORTS[key]!();
    expect(lines(check(r, mode))).toBe('（无）');
    expect(lines(check(r, mode, lastYearOf(r)))).toBe('（无）');
  });

  it.each(DEFECTS.map((d, i) => [`${d.report} · ${d.what} → ${d.rule}`, i] as const))('%s', (_t, i) => {
    const d = DEFECTS[i]!;
    const good = FULL_REPORTS[d.report]!();
    const last = d.last?.(good);
    const before = check(good, mode, last ? lastYearOf(good) : undefined).filter((f) => f.rule === d.rule);
    const after = check(d.plant(good), mode, last).filter((f) => f.rule === d.rule);
    expect(before, lines(before)).toEqual([]);
    expect(after.length, lines(after)).toBeGreaterThanOrEqual(1);
    if (d.names) {
      expect(
        after.some((f) => `${String(f.actual ?? '')} ${f.message}`.includes(d.names!)),
        lines(after),
      ).toBe(true);
    }
  });
});
