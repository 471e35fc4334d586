import { describe, expect, it } from 'vitest';
import type { ReportSummary } from '../../../shared/service/api';
import { nextSort, sortReports } from '../../../renderer/src/library/library-sort';

const r = (id: string, agency: string, year: number, updatedAt: string): ReportSummary => ({
  id,
  agency,
  agencyKind: 'department',
  year,
  format: 'gov-2021',
  title: `${agency}${year}年政府信息公开工作年度报告`,
  status: 'draft',
  updatedAt,
  errors: 0,
  warnings: 0,
  infos: 0,
  blankCells: 0,
});

// The library's own order (newest year first, then agency), as LibraryScreen hands it over.
const list = [
  r('a', '云溪县教育局', 2024, '2026-01-03T00:00:00.000Z'),
  r('b', '云溪县民政局', 2024, '2026-01-01T00:00:00.000Z'),
  r('c', '云溪县财政局', 2023, '2026-01-02T00:00:00.000Z'),
  r('d', '云溪县教育局', 2022, '2026-01-04T00:00:00.000Z'),
];
const ids = (rs: ReportSummary[]) => rs.map((x) => x.id).join('');

describe('library list sorting (every report, not only the rows in sight)', () => {
  it('keeps the given order without a sort', () => {
    expect(sortReports(list, null)).toBe(list);
  });

  it('sorts by year both ways; equal years keep the given order', () => {
    expect(ids(sortReports(list, { key: 'year', order: 'ascend' }))).toBe('dcab');
    expect(ids(sortReports(list, { key: 'year', order: 'descend' }))).toBe('abcd');
  });

  it('sorts by agency in Chinese collation and by time', () => {
    const byAgency = sortReports(list, { key: 'agency', order: 'ascend' }).map((x) => x.agency);
    expect(byAgency).toEqual([...list.map((x) => x.agency)].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    expect(ids(sortReports(list, { key: 'updatedAt', order: 'descend' }))).toBe('dacb');
  });

  it('does not reorder the list it was given', () => {
    sortReports(list, { key: 'year', order: 'ascend' });
    expect(ids(list)).toBe('abcd');
  });

  it('cycles a header: ascending, descending, then the list’s own order', () => {
    const first = nextSort(null, 'year');
    expect(first).toEqual({ key: 'year', order: 'ascend' });
    const second = nextSort(first, 'year');
    expect(second).toEqual({ key: 'year', order: 'descend' });
    expect(nextSort(second, 'year')).toBeNull();
    expect(nextSort(second, 'agency')).toEqual({ key: 'agency', order: 'ascend' });
  });
});
