import { describe, expect, it } from 'vitest';
import { chooseLastYear, type LastYearCandidate } from '../../../shared/rollover/last-year';

/** One choice of last year's report for the editor, the library's counts and the import preview. */

const c = (id: string, agency: string, year: number, updatedAt = '2025-01-01', sample?: true): LastYearCandidate => ({
  id,
  agency,
  year,
  updatedAt,
  ...(sample ? { sample } : {}),
});
const needs = (patch: Partial<Parameters<typeof chooseLastYear>[0]> = {}) => ({
  id: 'me',
  agency: '甲局',
  year: 2025,
  hasBaseline: false,
  ...patch,
});

describe('chooseLastYear', () => {
  const lib = [c('a', '甲局', 2024, '2025-01-02'), c('b', '甲局', 2024, '2025-02-01'), c('x', '乙局', 2024)];

  it('the report it was made from, while it is in the library', () => {
    expect(chooseLastYear(needs({ derivedFromId: 'a', hasBaseline: true }), lib)).toEqual({ kind: 'report', id: 'a' });
  });
  it('else the figures kept at rollover', () => {
    expect(chooseLastYear(needs({ derivedFromId: 'gone', hasBaseline: true }), lib)).toEqual({ kind: 'baseline' });
  });
  it('else the same agency’s report of the year before, the most recently edited', () => {
    expect(chooseLastYear(needs(), lib)).toEqual({ kind: 'report', id: 'b' });
    expect(chooseLastYear(needs({ agency: ' 甲局 ' }), lib)).toEqual({ kind: 'report', id: 'b' });
    expect(chooseLastYear(needs({ agency: '丙局' }), lib)).toBeNull();
    expect(chooseLastYear(needs({ year: 2026 }), lib)).toBeNull();
  });
  it('never the sample, and the sample has none', () => {
    const withSample = [c('s', '甲局', 2024, '2026-01-01', true), c('a', '甲局', 2024)];
    expect(chooseLastYear(needs(), withSample)).toEqual({ kind: 'report', id: 'a' });
    expect(chooseLastYear(needs({ derivedFromId: 's' }), withSample)).toEqual({ kind: 'report', id: 'a' });
    expect(chooseLastYear(needs({ sample: true }), withSample)).toBeNull();
  });
  it('never itself', () => {
    expect(chooseLastYear(needs({ id: 'b', year: 2024, agency: '甲局' }), [c('b', '甲局', 2023)])).toBeNull();
  });
});
