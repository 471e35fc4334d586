import { memo, useRef, useState } from 'react';
import { Button, Input } from 'antd';
import type { Finding, Severity } from '../../../shared/checks/types';
import { focusWhenPresent } from '../common/focus-when-present';

/**
 * One finding of the panel: a click goes to its cell or words. A fix the check is sure of (采用计算值,
 * 空白格填 0, 上年结转的数字) is one click, as an undo step. Warnings and hints can be dismissed with a
 * reason; so can a total that does not add up, kept on purpose as published (保留原总计: it stays
 * listed at the export). Dismissed ones can be brought back.
 */

/** Drawn with CSS (not icon components): the list changes on every keystroke. */
export const ICONS: Record<Severity, React.ReactNode> = {
  error: (
    <span className="sev-icon error" aria-hidden="true">
      ×
    </span>
  ),
  warning: (
    <span className="sev-icon warning" aria-hidden="true">
      !
    </span>
  ),
  info: (
    <span className="sev-icon info" aria-hidden="true">
      i
    </span>
  ),
};

/** Sums whose total the clerk cannot type (computed): keeping the published figure is a decision, with its reason. */
const KEEPABLE_TOTALS = new Set(['T3-ROW-TOTAL', 'T3-RESULT-TOTAL', 'T4-TOTAL']);
const KEEP_REASON = '与发布的原表一致，保留原来的总计';

export interface FindingHandlers {
  onJump(f: Finding): void;
  onDismiss(f: Finding, reason: string): void;
  onRestore(f: Finding): void;
  onFix(f: Finding): void;
}

interface ItemProps extends FindingHandlers {
  finding: Finding;
  location: string;
}

export const FindingItem = memo(
  function FindingItem({ finding: f, location, onJump, onDismiss, onRestore, onFix }: ItemProps) {
    const [asking, setAsking] = useState(false);
    const [reason, setReason] = useState('');
    const keep = KEEPABLE_TOTALS.has(f.rule);
    const canDismiss = f.severity !== 'error' || keep;
    const askButton = useRef<HTMLButtonElement>(null);
    const key = `${f.rule}:${f.fingerprint}`;
    // The keyboard's place after the form closes: back on 忽略… when cancelled.
    const cancel = () => {
      setAsking(false);
      focusWhenPresent(() => askButton.current);
    };
    const submit = () => {
      if (!reason.trim()) return;
      // The dismissed finding moves to 已忽略: the keyboard stays where it was, on the finding that
      // takes its place (or on 已忽略 when none follows).
      const item = askButton.current?.closest('li') ?? document.querySelector(`li[data-finding="${CSS.escape(key)}"]`);
      const nextKey = item?.nextElementSibling?.getAttribute('data-finding');
      const panel = item?.closest('.findings-panel');
      onDismiss(f, reason.trim());
      setAsking(false);
      setReason('');
      focusWhenPresent(
        () =>
          (nextKey && panel?.querySelector<HTMLElement>(`li[data-finding="${CSS.escape(nextKey)}"] .finding-jump`)) ||
          panel?.querySelector<HTMLElement>('.findings-group.dismissed .rule-toggle'),
      );
    };
    return (
      <li className={`finding sev-${f.severity}${f.dismissed ? ' dismissed' : ''}`} data-finding={key}>
        <button type="button" className="finding-jump" onClick={() => onJump(f)}>
          {ICONS[f.severity]}
          <span className="finding-text">
            <span className="finding-message">{f.message}</span>
            {location ? <span className="finding-where">{location}</span> : null}
            {f.dismissed ? <span className="finding-where">已忽略：{f.dismissed.reason}</span> : null}
          </span>
        </button>
        {/* Plain buttons: a finding list changes on every keystroke and must stay cheap to render. */}
        {f.dismissed ? (
          <button type="button" className="finding-action" onClick={() => onRestore(f)}>
            恢复提示
          </button>
        ) : null}
        {!f.dismissed && f.fix && !asking ? (
          <button type="button" className="finding-action" onClick={() => onFix(f)}>
            {f.fix.label}
          </button>
        ) : null}
        {!f.dismissed && canDismiss && !asking ? (
          <button
            type="button"
            className="finding-action"
            ref={askButton}
            onClick={() => {
              if (keep && !reason) setReason(KEEP_REASON);
              setAsking(true);
            }}
          >
            {keep ? '保留原总计…' : '忽略…'}
          </button>
        ) : null}
        {asking ? (
          <div className="dismiss-form">
            <Input
              size="small"
              autoFocus
              value={reason}
              maxLength={200}
              placeholder="忽略的理由，例如：机构改革，上年数据已调整"
              aria-label={keep ? '保留原总计的理由' : '忽略的理由'}
              onChange={(e) => setReason(e.target.value)}
              onPressEnter={submit}
              onKeyDown={(e) => e.key === 'Escape' && cancel()}
            />
            <Button size="small" type="primary" disabled={!reason.trim()} onClick={submit}>
              {keep ? '保留' : '忽略'}
            </Button>
            <Button size="small" onClick={cancel}>
              取消
            </Button>
          </div>
        ) : null}
      </li>
    );
  },
  (a, b) =>
    a.finding.rule === b.finding.rule &&
    a.finding.fingerprint === b.finding.fingerprint &&
    a.finding.message === b.finding.message &&
    a.finding.dismissed?.reason === b.finding.dismissed?.reason &&
    a.location === b.location &&
    a.onJump === b.onJump &&
    a.onDismiss === b.onDismiss &&
    a.onRestore === b.onRestore &&
    a.onFix === b.onFix,
);
