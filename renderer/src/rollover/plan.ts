import type { Report } from '../../../shared/model/types';
import type { ReportSummary } from '../../../shared/service/api';
import { rolloverReport, RolloverError } from '../../../shared/rollover/rollover';

/** What the 以上年为基础新建 dialog shows before anything is saved. */

/** Library reports for the choice of last year's report: by agency, then the newest year first. */
export function sortForRollover(reports: readonly ReportSummary[]): ReportSummary[] {
  return [...reports].sort(
    (a, b) => a.agency.localeCompare(b.agency, 'zh-CN') || b.year - a.year || b.updatedAt.localeCompare(a.updatedAt),
  );
}

/** The report most likely meant: the latest year, the most recently edited among equals. */
export function preselect(reports: readonly ReportSummary[]): ReportSummary | undefined {
  return [...reports].sort((a, b) => b.year - a.year || b.updatedAt.localeCompare(a.updatedAt))[0];
}

export interface RolloverPlan {
  /** Title of the new report. */
  title: string;
  /** Paragraphs that will carry the 沿用上年 mark. */
  paragraphs: number;
  /** 上年结转 total taken from last year's 结转下年度继续办理 (null when last year left it blank). */
  carriedTotal: number | null;
  /** Last year's 现行有效 counts kept for the in-force chain. */
  inForce: { regulations: number | null; normativeDocs: number | null };
  /** Things to know (a skipped year, a change of format). */
  notes: string[];
}

export type PlanResult = { ok: true; plan: RolloverPlan } | { ok: false; problem: string };

/** Runs the rollover in memory (nothing saved) to show what the new report will hold. */
export function planRollover(last: Report, year: number | null, agency: string): PlanResult {
  if (last.meta.sample === true)
    return { ok: false, problem: '示例年报的内容是虚构的，不能作为上年报告。请选择本单位上一年度的年报。' };
  if (year === null || !Number.isInteger(year))
    return { ok: false, problem: '请填写新报告的年度（四位数字，例如 2025）。' };
  const name = agency.trim();
  if (!name) return { ok: false, problem: '请填写机关全称。' };
  try {
    const renamed = name !== last.agency.name.trim();
    const { report, notes } = rolloverReport(last, { year, ...(renamed ? { agency: name } : {}) });
    const num = (k: string) => {
      const v = report.meta.derivedFrom?.baseline?.[k];
      return typeof v === 'number' ? v : null;
    };
    const carried = report.cells['t3.carried_over.total'];
    return {
      ok: true,
      plan: {
        title: report.title,
        paragraphs: report.sections.reduce(
          (n, s) => n + s.blocks.filter((b) => b.type === 'paragraph' && b.carried).length,
          0,
        ),
        carriedTotal: typeof carried === 'number' ? carried : null,
        inForce: { regulations: num('t2.regulations.in_force'), normativeDocs: num('t2.normative_docs.in_force') },
        notes,
      },
    };
  } catch (e) {
    if (e instanceof RolloverError) return { ok: false, problem: e.message };
    throw e;
  }
}

/** A report of the library for the same agency and year as the one about to be made. */
export function existingReport(
  reports: readonly ReportSummary[],
  agency: string,
  year: number | null,
): ReportSummary | undefined {
  const name = agency.trim();
  return year === null ? undefined : reports.find((r) => r.agency.trim() === name && r.year === year);
}
