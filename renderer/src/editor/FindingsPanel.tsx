import { memo, useMemo, useRef, useState } from 'react';
import { Button, Input } from 'antd';
import { CheckCircleOutlined, RightOutlined, DownOutlined } from '@ant-design/icons';
import type { TemplateDef } from '../../../templates/types';
import type { Finding, Severity } from '../../../shared/checks/types';
import { SEVERITY_LABELS } from '../logic/findings-index';
import { focusWhenPresent } from '../common/focus-when-present';

/**
 * The check results, grouped by severity (错误 / 警告 / 提示). A click on a finding goes to its cell
 * or its words. Warnings and hints can be dismissed with a reason; dismissed ones stay listed,
 * greyed, and can be brought back.
 */

export const RULE_TITLES: Record<string, string> = {
  'T3-BALANCE': '表三勾稽不平衡',
  'T3-ROW-TOTAL': '表三行合计不符',
  'T3-RESULT-TOTAL': '表三办理结果总计不符',
  'T4-TOTAL': '表四总计不符',
  'CELL-INVALID': '数字不合规',
  'CELL-BLANK': '空白单元格',
  'T2-REGULATIONS-POWER': '规章制定权',
  'ALL-ZERO': '表三全部为 0',
  'X-CARRY': '与上年结转数不一致',
  'X-IN-FORCE': '现行有效件数与上年不衔接',
  'X-REUSED-TEXT': '与上年报告文字雷同',
  'TEXT-NUMBER': '文字与表格数字不一致',
  'TEXT-CLAIM': '文字与表格相矛盾',
  'TEXT-STALE-YEAR': '年份与报告年度不符',
  'TEXT-FOREIGN-AGENCY': '出现其他机关名称',
  'SECTION-EMPTY': '部分内容为空',
  'OVERVIEW-TOPICS': '总体情况缺少方面',
  'FEE-STATEMENT': '未说明信息处理费',
  'FORMAT-VERSION': '表格格式与年度不符',
  'CITATION-OUTDATED': '引用了已废止的文件',
  'PUBLISH-DEADLINE': '发布期限',
  TITLE: '标题',
  PUNCTUATION: '标点符号',
};

/** Drawn with CSS (not icon components): the list changes on every keystroke. */
const ICONS: Record<Severity, React.ReactNode> = {
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

const SECTION_SHORT: Record<string, string> = {
  overview: '一、总体情况',
  proactive: '二、主动公开',
  requests: '三、依申请公开',
  review: '四、复议诉讼',
  problems: '五、问题及改进',
  other: '六、其他事项',
};

export function locationOf(f: Finding, template: TemplateDef | null): string {
  const key = f.cells?.[0];
  const cell = key ? (template?.fields[key]?.label ?? key) : '';
  const span = f.span;
  if (span) {
    const where =
      span.where === 'section'
        ? `${SECTION_SHORT[span.section] ?? span.section} · 第 ${span.block + 1} 段`
        : span.where === 'title'
          ? '标题'
          : span.where === 'preamble'
            ? '开头段落'
            : '落款';
    return cell ? `${where}（对照 ${cell}）` : where;
  }
  return cell;
}

interface ItemProps {
  finding: Finding;
  location: string;
  onJump(f: Finding): void;
  onDismiss(f: Finding, reason: string): void;
  onRestore(f: Finding): void;
}

const FindingItem = memo(
  function FindingItem({ finding: f, location, onJump, onDismiss, onRestore }: ItemProps) {
    const [asking, setAsking] = useState(false);
    const [reason, setReason] = useState('');
    const canDismiss = f.severity !== 'error';
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
        ) : canDismiss && !asking ? (
          <button type="button" className="finding-action" ref={askButton} onClick={() => setAsking(true)}>
            忽略…
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
              aria-label="忽略的理由"
              onChange={(e) => setReason(e.target.value)}
              onPressEnter={submit}
              onKeyDown={(e) => e.key === 'Escape' && cancel()}
            />
            <Button size="small" type="primary" disabled={!reason.trim()} onClick={submit}>
              忽略
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
    a.onRestore === b.onRestore,
);

/** Findings of one rule; many of the same kind are folded after the first two. */
function RuleGroup({
  rule,
  items,
  template,
  handlers,
}: {
  rule: string;
  items: Finding[];
  template: TemplateDef | null;
  handlers: Omit<ItemProps, 'finding' | 'location'>;
}) {
  const [open, setOpen] = useState(false);
  const fold = items.length > 4;
  const shown = fold && !open ? items.slice(0, 2) : items;
  return (
    <>
      {shown.map((f) => (
        <FindingItem key={`${f.rule}:${f.fingerprint}`} finding={f} location={locationOf(f, template)} {...handlers} />
      ))}
      {fold ? (
        <li className="rule-group-more">
          <button type="button" className="rule-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? <DownOutlined aria-hidden="true" /> : <RightOutlined aria-hidden="true" />}
            {open
              ? `收起“${RULE_TITLES[rule] ?? rule}”`
              : `还有 ${items.length - 2} 条“${RULE_TITLES[rule] ?? rule}”，展开`}
          </button>
        </li>
      ) : null}
    </>
  );
}

export const FindingsPanel = memo(function FindingsPanel(props: {
  findings: Finding[];
  template: TemplateDef | null;
  onJump(f: Finding): void;
  onDismiss(f: Finding, reason: string): void;
  onRestore(f: Finding): void;
  onClose(): void;
}) {
  const { findings, template } = props;
  const [showDismissed, setShowDismissed] = useState(false);
  const groups = useMemo(() => {
    const active = findings.filter((f) => !f.dismissed);
    const bySeverity = (s: Severity) => {
      const list = active.filter((f) => f.severity === s);
      const byRule = new Map<string, Finding[]>();
      for (const f of list) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
      return { severity: s, count: list.length, rules: [...byRule.entries()] };
    };
    return {
      sev: (['error', 'warning', 'info'] as Severity[]).map(bySeverity),
      dismissed: findings.filter((f) => f.dismissed),
    };
  }, [findings]);
  const handlers = { onJump: props.onJump, onDismiss: props.onDismiss, onRestore: props.onRestore };
  const total = groups.sev.reduce((n, g) => n + g.count, 0);

  return (
    <aside className="findings-panel" aria-labelledby="findings-title">
      <div className="findings-head">
        <h2 id="findings-title">检查结果</h2>
        <button type="button" className="plain-button" onClick={props.onClose} aria-label="收起检查结果">
          收起
        </button>
      </div>
      <div className="findings-scroll">
        {total === 0 ? (
          <div className="findings-clear">
            <CheckCircleOutlined aria-hidden="true" /> 未发现问题
          </div>
        ) : null}
        {groups.sev.map((g) =>
          g.count ? (
            <section
              key={g.severity}
              className={`findings-group sev-${g.severity}`}
              aria-label={`${SEVERITY_LABELS[g.severity]}（${g.count}）`}
            >
              <h3>
                {ICONS[g.severity]}
                {SEVERITY_LABELS[g.severity]}（{g.count}）
              </h3>
              <ul className="findings-list">
                {g.rules.map(([rule, items]) => (
                  <RuleGroup key={rule} rule={rule} items={items} template={template} handlers={handlers} />
                ))}
              </ul>
            </section>
          ) : null,
        )}
        {groups.dismissed.length ? (
          <section className="findings-group dismissed">
            <button
              type="button"
              className="rule-toggle"
              aria-expanded={showDismissed}
              onClick={() => setShowDismissed(!showDismissed)}
            >
              {showDismissed ? <DownOutlined aria-hidden="true" /> : <RightOutlined aria-hidden="true" />}
              已忽略（{groups.dismissed.length}）
            </button>
            {showDismissed ? (
              <ul className="findings-list">
                {groups.dismissed.map((f) => (
                  <FindingItem
                    key={`${f.rule}:${f.fingerprint}`}
                    finding={f}
                    location={locationOf(f, template)}
                    {...handlers}
                  />
                ))}
              </ul>
            ) : null}
          </section>
        ) : null}
      </div>
    </aside>
  );
});
