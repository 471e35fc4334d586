import { memo } from 'react';
import { Button, Input, Select, Tooltip } from 'antd';
import { ArrowUpOutlined, ArrowDownOutlined, DeleteOutlined, PlusOutlined, CheckOutlined } from '@ant-design/icons';
import type { SectionId } from '../../../templates/types';
import type { Block } from '../../../shared/model/types';
import type { Finding } from '../../../shared/checks/types';
import { YearChips } from '../rollover/YearChips';
import type { YearContext } from '../rollover/year-chips';
import type { BlockActions } from './use-block-actions';
import { FieldFindings } from './FieldFindings';

/**
 * One block of a section's text: a sub-heading with its level, or a paragraph with its 沿用上年
 * mark and years; its findings below it and its tools (move, insert, delete) beside it.
 */

export const BlockView = memo(function BlockView(props: {
  index: number;
  count: number;
  block: Block;
  findings?: Finding[];
  onText(index: number, text: string): void;
  onConfirm(index: number): void;
  actions: BlockActions;
  section: SectionId;
  years?: YearContext | null;
  register(index: number, el: HTMLInputElement | HTMLTextAreaElement | null): void;
}) {
  const { index, block, findings } = props;
  const worst = findings?.some((f) => f.severity === 'error')
    ? 'error'
    : findings?.some((f) => f.severity === 'warning')
      ? 'warning'
      : findings?.length
        ? 'info'
        : null;
  const isHeading = block.type === 'heading';
  const label = isHeading ? `小标题（第 ${index + 1} 段）` : `段落（第 ${index + 1} 段）`;
  return (
    <div className={`nblock ${isHeading ? 'heading' : 'paragraph'}${worst ? ` mark-${worst}` : ''}`} data-block={index}>
      <div className="nblock-main">
        {isHeading ? (
          <div className="nblock-heading">
            <Select
              size="small"
              value={block.level}
              aria-label="小标题级别"
              className="level-select"
              onChange={(v) => props.actions.level(index, v)}
              options={[
                { value: 2, label: '（一）级' },
                { value: 3, label: '1.级' },
              ]}
              popupMatchSelectWidth={false}
            />
            <Input
              ref={(el) => props.register(index, el?.input ?? null)}
              value={block.text}
              aria-label={label}
              placeholder={block.level === 2 ? '例如：（一）主动公开' : '例如：1. 规范性文件公开'}
              onChange={(e) => props.onText(index, e.target.value)}
              className={`heading-input level-${block.level}`}
            />
          </div>
        ) : (
          <>
            {block.carried ? (
              <div className="carried-bar">
                <span className="carried-tag">沿用上年，待核改</span>
                <span className="muted small">这段文字来自上一年度报告，请核对后修改；改动或确认后标记消失。</span>
                <Button size="small" icon={<CheckOutlined />} onClick={() => props.onConfirm(index)}>
                  确认无需修改
                </Button>
              </div>
            ) : null}
            <Input.TextArea
              ref={(el) => props.register(index, el?.resizableTextArea?.textArea ?? null)}
              value={block.text}
              aria-label={label}
              autoSize={{ minRows: 2 }}
              placeholder="在此输入正文……"
              onChange={(e) => props.onText(index, e.target.value)}
              className={block.carried ? 'carried' : undefined}
            />
            {block.carried && props.years ? (
              <YearChips
                text={block.text}
                section={props.section}
                years={props.years}
                onApply={(start) => props.actions.years(index, start)}
              />
            ) : null}
          </>
        )}
        {findings ? <FieldFindings findings={findings} className="nblock-findings" /> : null}
      </div>
      <div className="nblock-tools" role="group" aria-label={`${label}的操作`}>
        <Tooltip title="上移">
          <Button
            size="small"
            type="text"
            icon={<ArrowUpOutlined />}
            aria-label="上移"
            disabled={index === 0}
            onClick={() => props.actions.move(index, -1)}
          />
        </Tooltip>
        <Tooltip title="下移">
          <Button
            size="small"
            type="text"
            icon={<ArrowDownOutlined />}
            aria-label="下移"
            disabled={index === props.count - 1}
            onClick={() => props.actions.move(index, 1)}
          />
        </Tooltip>
        <Tooltip title="在下方插入段落">
          <Button
            size="small"
            type="text"
            icon={<PlusOutlined />}
            aria-label="在下方插入段落"
            onClick={() => props.actions.insertAfter(index)}
          />
        </Tooltip>
        <Tooltip title="删除（可撤销）">
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label="删除这一段"
            onClick={() => props.actions.remove(index)}
          />
        </Tooltip>
      </div>
    </div>
  );
});
