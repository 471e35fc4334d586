import { describe, expect, it } from 'vitest';
import { blankReport } from '../../../shared/model/blank';
import { computeTotals } from '../../../shared/model/totals';
import { dismissFinding, runChecks } from '../../../shared/checks/engine';
import { blankCells, tallyChecks } from '../../../shared/checks/tally';
import { sampleReport } from '../../../shared/sample/sample-report';
import { templateFor } from '../../../templates/index';

/** The one count every screen shows (issue 13 item 9): findings by severity and blank cells. */

describe('blankCells', () => {
  it('a blank 2021 report: the editor counts the cells to fill in, a published report every printed cell', () => {
    const r = blankReport({ agency: '云岭县档案馆', kind: 'department', year: 2024 });
    // Hand-counted from the official tables: 表二 10 cells; 表三 25 rows × 7 columns = 175, of which the
    // 25 row totals and the 6 cells of 三（七）总计 are computed; 表四 15 cells, 3 group totals computed.
    expect(blankCells(r, 'editor')).toEqual({ t2: 10, t3: 175 - 25 - 6, t4: 15 - 3 });
    expect(blankCells(r, 'import')).toEqual({ t2: 10, t3: 175, t4: 15 });
  });

  it('the sample is complete; a blanked part counts, a blanked computed total does not (editor) but does (import)', () => {
    const full = sampleReport();
    expect(blankCells(full, 'editor')).toEqual({ t2: 0, t3: 0, t4: 0 });
    const part = { ...full, cells: { ...full.cells, 't3.res_open.natural': null } };
    expect(blankCells(part, 'editor').t3).toBe(1);
    const total = { ...full, cells: { ...full.cells, 't4.review.total': null } };
    expect(blankCells(total, 'editor').t4).toBe(0);
    expect(blankCells(total, 'import').t4).toBe(1);
  });

  it('a rolled-over report with only 上年结转 filled: 144 − 6 cells of 表三 to fill (counting the computed totals too gave 168)', () => {
    const r = blankReport({ agency: '云岭县档案馆', kind: 'department', year: 2025 });
    const cells = { ...r.cells };
    for (const c of ['natural', 'commercial', 'research', 'public_interest', 'legal_service', 'other_org'])
      cells[`t3.carried_over.${c}`] = 1;
    const withTotals = { ...r, cells: computeTotals(cells, templateFor('gov-2021')) };
    expect(blankCells(withTotals, 'editor').t3).toBe(138);
    expect(blankCells(withTotals, 'import').t3).toBe(175 - 7);
  });

  it('reports before 2019 have no tables', () => {
    const r = { ...blankReport({ agency: '某局', kind: 'department', year: 2017 }), format: 'pre-2019' as const };
    expect(blankCells(r, 'editor')).toEqual({ t2: 0, t3: 0, t4: 0 });
  });
});

describe('tallyChecks', () => {
  it('counts findings nobody dismissed by severity, the dismissed apart, and the blank cells', () => {
    const base = sampleReport();
    const r = { ...base, cells: { ...base.cells, 't3.res_open.natural': 10, 't2.penalty.decisions': null } };
    const findings = runChecks(r, { mode: 'editor' });
    const t = tallyChecks(r, findings, 'editor');
    expect(t.error).toBe(findings.filter((f) => f.severity === 'error').length);
    expect(t.warning).toBe(findings.filter((f) => f.severity === 'warning').length);
    expect(t.blankCells).toBe(1);
    const warning = findings.find((f) => f.severity === 'warning');
    if (warning) {
      const dismissed = dismissFinding(r, warning, '已核实');
      const again = tallyChecks(dismissed, runChecks(dismissed, { mode: 'editor' }), 'editor');
      expect(again.warning).toBe(t.warning - 1);
      expect(again.dismissed).toBe(1);
    }
  });
});
