import { describe, expect, it } from 'vitest';
import { defaultReportYear } from '../../../renderer/src/library/default-year';

describe('the year a new report defaults to', () => {
  it('is last year from January to November (the report due by 31 January)', () => {
    expect(defaultReportYear(new Date(2027, 0, 15))).toBe(2026);
    expect(defaultReportYear(new Date(2026, 5, 1))).toBe(2025);
    expect(defaultReportYear(new Date(2026, 10, 30, 23, 59))).toBe(2025);
  });

  it("is this year in December, when the drafting of this year's report begins", () => {
    expect(defaultReportYear(new Date(2026, 11, 1))).toBe(2026);
    expect(defaultReportYear(new Date(2026, 11, 31, 23, 59))).toBe(2026);
  });
});
