import { memo, useMemo, useState } from 'react';
import { CheckCircleOutlined, RightOutlined, DownOutlined } from '@ant-design/icons';
import type { TemplateDef } from '../../../templates/types';
import type { Finding, Severity } from '../../../shared/checks/types';
import { SEVERITY_LABELS } from '../logic/findings-index';
import { FindingItem, ICONS, type FindingHandlers } from './FindingItem';
import { locationOf } from '../logic/finding-place';

/**
 * The check results, grouped by severity (错误 / 警告 / 提示), each a FindingItem: a click goes to
 * its cell or its words; many of the same rule are folded; dismissed ones stay listed, greyed.
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

interface RuleGroupProps {
  rule: string;
  items: Finding[];
  template: TemplateDef | null;
  handlers: FindingHandlers;
}

// Created once: the panel re-renders on every keystroke that changes a finding, these icons need not.
const OPEN_ICON = <DownOutlined aria-hidden="true" />;
const CLOSED_ICON = <RightOutlined aria-hidden="true" />;
const CLEAR_ICON = <CheckCircleOutlined aria-hidden="true" />;

/**
 * Findings of one rule; many of the same kind are folded after the first two. Memoised on its
 * findings one by one (a finding equal to the last run's is the same object, stable-list.ts): a
 * keystroke re-renders the groups whose findings changed, not every group of the panel.
 */
const RuleGroup = memo(function RuleGroup({ rule, items, template, handlers }: RuleGroupProps) {
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
            {open ? OPEN_ICON : CLOSED_ICON}
            {open
              ? `收起“${RULE_TITLES[rule] ?? rule}”`
              : `还有 ${items.length - 2} 条“${RULE_TITLES[rule] ?? rule}”，展开`}
          </button>
        </li>
      ) : null}
    </>
  );
}, sameGroup);

function sameGroup(a: RuleGroupProps, b: RuleGroupProps): boolean {
  return (
    a.rule === b.rule &&
    a.template === b.template &&
    a.items.length === b.items.length &&
    a.items.every((f, i) => f === b.items[i]) &&
    a.handlers.onJump === b.handlers.onJump &&
    a.handlers.onDismiss === b.handlers.onDismiss &&
    a.handlers.onRestore === b.handlers.onRestore &&
    a.handlers.onFix === b.handlers.onFix
  );
}

export const FindingsPanel = memo(function FindingsPanel(props: {
  findings: Finding[];
  template: TemplateDef | null;
  onJump(f: Finding): void;
  onDismiss(f: Finding, reason: string): void;
  onRestore(f: Finding): void;
  /** Applies a finding's fix (采用计算值, 空白格填 0 …) as an undo step. */
  onFix(f: Finding): void;
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
  const handlers = {
    onJump: props.onJump,
    onDismiss: props.onDismiss,
    onRestore: props.onRestore,
    onFix: props.onFix,
  };
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
        {total === 0 ? <div className="findings-clear">{CLEAR_ICON} 未发现问题</div> : null}
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
              {showDismissed ? OPEN_ICON : CLOSED_ICON}
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
