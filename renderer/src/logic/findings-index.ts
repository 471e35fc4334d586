import type { Finding, Severity } from '../../../shared/checks/types';

/** What a grid cell shows for the findings that concern it. */
export interface CellMark {
  severity: Severity;
  /** The messages joined, shown on hover and focus and read by screen readers. */
  message: string;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Cell key → mark. A finding about a few cells (the four cells of an unbalanced column) marks each
 * of them; a finding that lists a total and its many parts marks the total only (the first cell),
 * so a wrong sum does not paint a whole column. Dismissed findings mark nothing.
 */
export function indexFindingsByCell(findings: readonly Finding[]): Map<string, CellMark> {
  const out = new Map<string, CellMark>();
  for (const f of findings) {
    if (f.dismissed || !f.cells?.length) continue;
    const keys = f.cells.length <= 4 ? f.cells : f.cells.slice(0, 1);
    for (const key of keys) {
      const prev = out.get(key);
      if (!prev) out.set(key, { severity: f.severity, message: f.message });
      else if (!prev.message.includes(f.message)) {
        out.set(key, {
          severity: RANK[f.severity] < RANK[prev.severity] ? f.severity : prev.severity,
          message: `${prev.message}\n${f.message}`,
        });
      }
    }
  }
  return out;
}

export const SEVERITY_LABELS: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
