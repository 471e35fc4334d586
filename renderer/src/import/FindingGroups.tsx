import { SEVERITY_LABELS } from '../../../shared/checks/catalog';
import type { Finding, Severity } from '../../../shared/checks/types';
import type { TemplateDef } from '../../../templates/types';
import { locationOf } from '../logic/finding-place';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/**
 * The checks of an imported report, grouped by severity (notes folded). A finding with a place in
 * the report is a button: it shows that place in the preview beside (`onShow`).
 */
export function FindingGroups({
  findings,
  template,
  onShow,
}: {
  findings: Finding[];
  template: TemplateDef | null;
  onShow(f: Finding): void;
}) {
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
              {list.map((f, i) => {
                const where = locationOf(f, template);
                return (
                  <li key={`${f.rule}:${f.fingerprint}:${i}`}>
                    {where ? (
                      <button
                        type="button"
                        className="import-finding-link"
                        title="在右侧的全文中显示这个位置"
                        onClick={() => onShow(f)}
                      >
                        <span className="import-finding-where">{where}</span>
                        <span>{f.message}</span>
                      </button>
                    ) : (
                      f.message
                    )}
                  </li>
                );
              })}
            </ul>
          </details>
        );
      })}
    </>
  );
}
