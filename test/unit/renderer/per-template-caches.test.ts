import { describe, expect, it } from 'vitest';
import { GOV_2019, GOV_2021 } from '../../../templates/index';
import type { TemplateDef } from '../../../templates/types';
import { blankReport } from '../../../shared/model/blank';
import { computeTotals, computedKeys } from '../../../shared/model/totals';
import { computeCompleteness } from '../../../renderer/src/logic/completeness';

/**
 * The editor keeps what depends only on a template (the cells a clerk fills per table, the sum rules
 * by total) instead of rebuilding it on every keystroke. These tests alternate the two formats so
 * that a cache keyed on the wrong thing (one list for every template, or for every table) shows.
 */

const inputCount = (t: TemplateDef, table: string) =>
  Object.values(t.fields).filter((f) => f.table === table && !computedKeys(t).has(f.key)).length;

describe('per-template caches', () => {
  it('counts each table of each format against its own cells, however often and in whatever order', () => {
    const r2019 = blankReport({ agency: '测试县测试局', kind: 'department', year: 2019, format: 'gov-2019' });
    const r2021 = blankReport({ agency: '测试县测试局', kind: 'department', year: 2024, format: 'gov-2021' });
    for (let round = 0; round < 2; round++) {
      for (const [report, t] of [
        [r2021, GOV_2021],
        [r2019, GOV_2019],
      ] as const) {
        const pages = Object.fromEntries(computeCompleteness(report, t, []).map((p) => [p.page, p]));
        expect(pages.proactive!.detail).toBe(`已填 0/${inputCount(t, 't2')} 格`);
        expect(pages.requests!.detail).toBe(`已填 0/${inputCount(t, 't3')} 格`);
        expect(pages.review!.detail).toBe(`已填 0/${inputCount(t, 't4')} 格`);
      }
    }
    // Filling one cell is counted on the next call (only the key list is kept, not the counts).
    const key = Object.values(GOV_2021.fields).find((f) => f.table === 't3' && !computedKeys(GOV_2021).has(f.key))!.key;
    const filled = { ...r2021, cells: { ...r2021.cells, [key]: 3 } };
    const requests = computeCompleteness(filled, GOV_2021, []).find((p) => p.page === 'requests')!;
    expect(requests.detail).toBe(`已填 1/${inputCount(GOV_2021, 't3')} 格`);
  });

  it('sums each format by its own rules when the two alternate', () => {
    for (let round = 0; round < 2; round++) {
      for (const t of [GOV_2021, GOV_2019]) {
        const rule = t.sums[0]!;
        const cells = Object.fromEntries(rule.parts.map((p, i) => [p, i + 1]));
        const out = computeTotals(cells, t);
        expect(out[rule.total]).toBe(rule.parts.reduce((a, _, i) => a + i + 1, 0));
        expect(Object.keys(out).sort()).toEqual(
          [...new Set([...Object.keys(cells), ...t.sums.map((s) => s.total)])].sort(),
        );
      }
    }
  });
});
