import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeTotals } from '../../../shared/model/totals';
import { GOV_2019, GOV_2021 } from '../../../templates/index';
import { fastTotals, printedOrComputed } from '../../../shared/aggregate/totals';
import { NameIndex, nameMatch, placeNames } from '../../../shared/aggregate/names';

/** The 汇总's fast paths give the same answers as the plain functions they stand in for. */

describe('fast paths', () => {
  it.each([
    ['gov-2021', GOV_2021],
    ['gov-2019', GOV_2019],
  ] as const)('fastTotals equals computeTotals (%s)', (_name, template) => {
    const keys = Object.keys(template.fields);
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(...keys),
          fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 5000 }), fc.double({ min: 0, max: 99, noNaN: true })),
        ),
        (cells) => {
          expect(fastTotals(cells, template)).toEqual(computeTotals(cells, template));
        },
      ),
      { numRuns: 200 },
    );
  });

  it.each([
    ['gov-2021', GOV_2021],
    ['gov-2019', GOV_2019],
  ] as const)('printedOrComputed equals the printed value else fastTotals (%s)', (_name, template) => {
    const keys = Object.keys(template.fields);
    const totals = [...new Set(template.sums.map((s) => s.total))];
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(...keys),
          fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 5000 }), fc.double({ min: 0, max: 99, noNaN: true })),
        ),
        fc.subarray([...totals, keys[0]!]),
        (cells, asked) => {
          const all = fastTotals(cells, template);
          const want = Object.fromEntries(
            asked.map((k) => [k, typeof cells[k] === 'number' ? cells[k] : (all[k] ?? null)]),
          );
          expect(printedOrComputed(cells, asked, template)).toEqual(want);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('NameIndex finds what nameMatch matches, exact before loose', () => {
    const places = placeNames('淮安市洪泽区人民政府');
    const names = [
      '洪泽区财政局',
      '县财政局',
      '市场监督管理局',
      '区市场监督管理局',
      '高良涧街道办事处',
      '洪泽区老子山镇人民政府',
      '洪泽区人民政府办公室',
      '淮安市洪泽区教育局（区体育局）',
      '农业农村局',
      '区农业农村局党组',
    ];
    const queries = [
      ...names,
      '财政局',
      '淮安市洪泽区财政局',
      '高良涧街道',
      '老子山镇',
      '洪泽区教育局',
      '区农业农村局',
      '统计局',
    ];
    const index = new NameIndex<string>(places);
    for (const n of names) index.add(n, n);
    for (const q of queries) {
      const scores = names.map((n) => nameMatch(n, q, places));
      const best = Math.max(0, ...scores);
      const found = index.find(q);
      expect([q, found.score]).toEqual([q, best]);
      expect([q, [...found.values].sort()]).toEqual([q, names.filter((_, i) => scores[i] === best && best > 0).sort()]);
    }
  });
});
