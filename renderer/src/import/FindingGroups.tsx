import { SEVERITY_LABELS } from '../../../shared/checks/catalog';
import type { Finding, Severity } from '../../../shared/checks/types';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/** The checks of an imported report, grouped by severity (notes folded). */
export function FindingGroups({ findings }: { findings: Finding[] }) {
  if (!findings.length) return <p className="import-ok">未发现问题。</p>;
  return (
    <>
      {SEVERITIES.map((s) => {
        const list = findings.filter((f) => f.severity === s);
        if (!list.length) return null;
        return (
          <details key={s} className={`import-finding-group sev-${s}`} open={s !== 'info'}>
            <summary>
              {SEVERITY_LABELS[s]}（{list.length}）
            </summary>
            <ul className="import-findings">
              {list.map((f, i) => (
                <li key={`${f.rule}:${f.fingerprint}:${i}`}>{f.message}</li>
              ))}
            </ul>
          </details>
        );
      })}
    </>
  );
}
