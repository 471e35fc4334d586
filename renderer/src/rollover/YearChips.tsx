import { memo, useMemo } from 'react';
import { Button, Tooltip } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import type { SectionId } from '../../../templates/types';
import { chipContext, pendingCount, yearChips, type YearChip, type YearContext } from './year-chips';
import './rollover.css';

/**
 * The years of a carried paragraph, under it: each mention highlighted in a few words of its
 * context. A year that means the report year has 改为2025; one left alone (较2023年, 〔2023〕5号…)
 * says why on hover. The text box above stays a plain text box, so typing is never disturbed.
 */
export const YearChips = memo(function YearChips(props: {
  text: string;
  section: SectionId;
  years: YearContext;
  /** Moves one year (its offset) or, without one, all pending years of the paragraph. */
  onApply(start?: number): void;
}) {
  const { text, section, years } = props;
  const chips = useMemo(() => yearChips(text, years, section), [text, years, section]);
  if (!chips.length) return null;
  const pending = pendingCount(chips);
  return (
    <div className="year-chips" role="group" aria-label="本段中的年份">
      <span className="year-chips-label">年份</span>
      {chips.map((c) => (
        <YearChipView key={c.start} chip={c} text={text} onApply={props.onApply} />
      ))}
      {pending > 1 ? (
        <Button size="small" type="link" className="year-chips-all" onClick={() => props.onApply()}>
          本段年份全部更新（{pending} 处）
        </Button>
      ) : null}
    </div>
  );
});

function YearChipView({ chip, text, onApply }: { chip: YearChip; text: string; onApply(start?: number): void }) {
  const { pre, mention, post } = chipContext(text, chip);
  const words = (
    <span className="ychip-text">
      {pre}
      <mark>{mention}</mark>
      {post}
    </span>
  );
  if (chip.state === 'pending') {
    return (
      <span className="ychip pending">
        {words}
        <Button
          size="small"
          type="primary"
          ghost
          className="ychip-apply"
          aria-label={`把“${pre}${mention}${post}”中的${chip.year}年改为${chip.target}年`}
          onClick={() => onApply(chip.start)}
        >
          改为{chip.target}
        </Button>
      </span>
    );
  }
  if (chip.state === 'done') {
    return (
      <span className="ychip done">
        {words}
        <span className="ychip-note">
          <CheckOutlined aria-hidden="true" /> 已是{chip.target}
        </span>
      </span>
    );
  }
  return (
    <Tooltip title={chip.reason}>
      <span className="ychip kept">
        {words}
        <span className="ychip-note">保持不变</span>
        <span className="sr-only">（{chip.reason}）</span>
      </span>
    </Tooltip>
  );
}

/**
 * Above the paragraphs of a section: how many years of the carried text still read last year,
 * with 本部分全部更新 and 全文全部更新 (each one undo step; the 沿用上年 marks stay).
 */
export function YearUpdateBar(props: {
  from: number;
  to: number;
  sectionPending: number;
  reportPending: number;
  onSection(): void;
  onReport(): void;
}) {
  if (!props.sectionPending) return null;
  return (
    <div className="year-update-bar" role="region" aria-label="年份更新">
      <span>
        本部分沿用上年的文字中有 <strong>{props.sectionPending}</strong> 处年份建议随报告年度顺延（{props.from}年→
        {props.to}年），已在各段下方标出。
      </span>
      <span className="year-update-actions">
        <Button size="small" onClick={props.onSection}>
          本部分全部更新
        </Button>
        {props.reportPending > props.sectionPending ? (
          <Button size="small" onClick={props.onReport}>
            全文全部更新（{props.reportPending} 处）
          </Button>
        ) : null}
      </span>
    </div>
  );
}
