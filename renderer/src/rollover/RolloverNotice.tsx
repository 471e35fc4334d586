import { useSyncExternalStore } from 'react';
import { Alert, Button } from 'antd';
import type { RolloverOutcome } from '../../../shared/service/api';
import { rolloverNotice } from './notice';
import './rollover.css';

/**
 * What to check after 以上年为基础新建, shown at the top of the new report's page (not as a floating
 * notification, which covered the findings panel) until the clerk closes it.
 */

let current: { id: string; title: string; lines: string[] } | null = null;
const listeners = new Set<() => void>();

function set(next: typeof current) {
  current = next;
  for (const l of listeners) l();
}

export function showRolloverNotice(outcome: RolloverOutcome): void {
  set({ id: outcome.report.meta.id, ...rolloverNotice(outcome) });
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function RolloverNotice({ reportId }: { reportId: string }) {
  const notice = useSyncExternalStore(subscribe, () => current);
  if (!notice || notice.id !== reportId) return null;
  return (
    <Alert
      type="success"
      showIcon
      className="rollover-notice-banner"
      role="status"
      title={notice.title}
      description={
        <ul className="rollover-notice">
          {notice.lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      }
      action={
        <Button size="small" onClick={() => set(null)}>
          知道了
        </Button>
      }
    />
  );
}
