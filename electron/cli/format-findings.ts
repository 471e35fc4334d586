import type { Report } from '../../shared/model/types';
import type { Finding } from '../../shared/checks/types';
import { countBySeverity, SEVERITY_LABELS } from '../../shared/checks/index';

/** Text output of `nianbao check`: a header per file, one line per finding. */

const MAX_CELLS = 4;

function cellList(cells: string[] | undefined): string {
  if (!cells?.length) return '';
  const shown = cells.slice(0, MAX_CELLS).join(', ');
  return `  [${shown}${cells.length > MAX_CELLS ? ` 等 ${cells.length} 格` : ''}]`;
}

export function formatHeader(file: string, report: Report, findings: Finding[]): string {
  const c = countBySeverity(findings);
  const dismissed = findings.filter((f) => f.dismissed).length;
  const name = report.agency?.name?.trim() || '（未填机关名称）';
  const counts =
    findings.length - dismissed === 0 ? '未发现问题' : `错误 ${c.error}，警告 ${c.warning}，提示 ${c.info}`;
  return `${file}：${name} ${report.year}年度 — ${counts}${dismissed ? `（另有 ${dismissed} 条已忽略）` : ''}`;
}

export function formatFinding(f: Finding): string {
  const sev = SEVERITY_LABELS[f.severity];
  const dismissed = f.dismissed ? `（已忽略：${f.dismissed.reason}）` : '';
  return `  ${sev}  ${f.rule}  ${dismissed}${f.message}${cellList(f.cells)}`;
}

export interface JsonFinding {
  file: string;
  rule: string;
  severity: string;
  message: string;
  cells: string[];
  expected: number | string | null;
  actual: number | string | null;
  fingerprint: string;
  span?: Finding['span'];
  dismissed?: Finding['dismissed'];
}

export function toJson(file: string, f: Finding): JsonFinding {
  return {
    file,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    cells: f.cells ?? [],
    expected: f.expected ?? null,
    actual: f.actual ?? null,
    fingerprint: f.fingerprint,
    ...(f.span ? { span: f.span } : {}),
    ...(f.dismissed ? { dismissed: f.dismissed } : {}),
  };
}
