import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../../shared/sample/sample-report';
import type { ImportPreview } from '../../../shared/service/api';
import { checkRows, summaryCsv, type BatchRow } from '../../../renderer/src/batch/batch-logic';

/** The same report given twice to a batch (its .pdf and its .txt) is said, not counted as two (issue 13 item 12). */

function preview(agency: string, year: number, kind: ImportPreview['kind'] = 'pdf'): ImportPreview {
  const report = sampleReport();
  report.agency.name = agency;
  report.year = year;
  return { report, kind, format: report.format, warnings: [], confidence: { t2: 1, t3: 1, t4: 0.95 } };
}

const row = (index: number, fileName: string, p: ImportPreview): BatchRow => ({
  index,
  fileName,
  size: 1000,
  state: 'done',
  preview: p,
  findings: [],
  counts: { error: 0, warning: 0, info: 0 },
});

describe('duplicates in a batch', () => {
  it('the .txt of a report already given as .pdf is flagged, with the first file named', () => {
    const rows = checkRows([
      row(0, '县档案馆2024.pdf', preview('云岭县档案馆', 2024, 'pdf')),
      row(1, '县林业局2024.pdf', preview('云岭县林业局', 2024)),
      row(2, '县档案馆2024.txt', preview('云岭县档案馆', 2024, 'text')),
      row(3, '县档案馆2023.txt', preview('云岭县档案馆', 2023, 'text')),
      // With the city in front: the same agency.
      row(4, '市县林业局.html', preview('某市云岭县林业局', 2024, 'html')),
    ]);
    expect(rows.map((r) => r.duplicateOf ?? null)).toEqual([null, null, '县档案馆2024.pdf', null, '县林业局2024.pdf']);
    expect(summaryCsv(rows)).toContain('与“县档案馆2024.pdf”是同一份年报');
  });

  it('different agencies or years are not duplicates; an unnamed agency is never matched', () => {
    const rows = checkRows([
      row(0, 'a.pdf', preview('云岭县档案馆', 2024)),
      row(1, 'b.pdf', preview('云岭县林业局', 2024)),
      row(2, 'c.pdf', preview('云岭县档案馆', 2025)),
      row(3, 'd.pdf', preview('', 2024)),
      row(4, 'e.pdf', preview('', 2024)),
    ]);
    expect(rows.every((r) => r.duplicateOf === undefined)).toBe(true);
  });
});
