import { memo, useEffect, useMemo, useRef } from 'react';
import { Button, Input, Select, Tooltip } from 'antd';
import { ArrowUpOutlined, ArrowDownOutlined, DeleteOutlined, PlusOutlined, CheckOutlined } from '@ant-design/icons';
import type { SectionDef, SectionId } from '../../../templates/types';
import type { Block } from '../../../shared/model/types';
import type { Finding } from '../../../shared/checks/types';
import { SEVERITY_LABELS } from '../logic/findings-index';
import { hasHeading } from '../logic/report-edit';
import { YearChips, YearUpdateBar } from '../rollover/YearChips';
import { sectionPending, updateBlockYears, updateSectionYears, type YearContext } from '../rollover/year-chips';

/**
 * The text of one section as blocks: sub-headings (（一） level 2, 1. level 3) and paragraphs.
 * Typing changes the text (the text box's own undo applies); adding, removing and moving blocks
 * are undo steps of the editor.
 */

export interface SpanRequest {
  /** The section whose editor handles it (a request made before the page switched is not for this one). */
  section: SectionId;
  block: number;
  start: number;
  end: number;
  nonce: number;
}

export interface NarrativeEditorProps {
  def: SectionDef;
  blocks: Block[];
  findingsByBlock: Map<number, Finding[]>;
  /** Section with a table: the text is optional and comes with the table. */
  withTable: boolean;
  onText(index: number, text: string): void;
  onStructure(blocks: Block[], label: string): void;
  onInsertSubheading(heading: string): void;
  onConfirmCarried(index: number): void;
  spanRequest: SpanRequest | null;
  onSpanHandled(): void;
  /** Index of a block to focus after it was added. */
  focusBlock: number | null;
  onFocusBlockHandled(): void;
  /** A report made from last year's: the years of its carried paragraphs (chips and updates). */
  years?: YearContext | null;
  /** Pending years of the whole report, and moving them all (an undo step per part). */
  reportPendingYears?: number;
  onUpdateAllYears?(): void;
}

const BlockView = memo(function BlockView(props: {
  index: number;
  count: number;
  block: Block;
  findings?: Finding[];
  onText(index: number, text: string): void;
  onLevel(index: number, level: 2 | 3): void;
  onMove(index: number, delta: -1 | 1): void;
  onRemove(index: number): void;
  onInsertAfter(index: number): void;
  onConfirm(index: number): void;
  section: SectionId;
  years?: YearContext | null;
  onYears(index: number, start?: number): void;
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
              onChange={(v) => props.onLevel(index, v)}
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
                onApply={(start) => props.onYears(index, start)}
              />
            ) : null}
          </>
        )}
        {findings?.length ? (
          <ul className="nblock-findings">
            {findings.map((f, i) => (
              <li key={`${f.rule}-${i}`} className={`sev-${f.severity}`}>
                <span className="sev-label">{SEVERITY_LABELS[f.severity]}</span>
                {f.message}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="nblock-tools" role="group" aria-label={`${label}的操作`}>
        <Tooltip title="上移">
          <Button
            size="small"
            type="text"
            icon={<ArrowUpOutlined />}
            aria-label="上移"
            disabled={index === 0}
            onClick={() => props.onMove(index, -1)}
          />
        </Tooltip>
        <Tooltip title="下移">
          <Button
            size="small"
            type="text"
            icon={<ArrowDownOutlined />}
            aria-label="下移"
            disabled={index === props.count - 1}
            onClick={() => props.onMove(index, 1)}
          />
        </Tooltip>
        <Tooltip title="在下方插入段落">
          <Button
            size="small"
            type="text"
            icon={<PlusOutlined />}
            aria-label="在下方插入段落"
            onClick={() => props.onInsertAfter(index)}
          />
        </Tooltip>
        <Tooltip title="删除（可撤销）">
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label="删除这一段"
            onClick={() => props.onRemove(index)}
          />
        </Tooltip>
      </div>
    </div>
  );
});

export const NarrativeEditor = memo(function NarrativeEditor(props: NarrativeEditorProps) {
  const { def, blocks, findingsByBlock, onStructure } = props;
  const fields = useRef(new Map<number, HTMLInputElement | HTMLTextAreaElement>());
  const blocksRef = useRef(blocks);
  blocksRef.current = blocks;
  const yearsRef = useRef(props.years);
  yearsRef.current = props.years;

  const register = useRef((index: number, el: HTMLInputElement | HTMLTextAreaElement | null) => {
    if (el) fields.current.set(index, el);
    else fields.current.delete(index);
  }).current;

  // Jump from a finding: select the words it is about.
  useEffect(() => {
    const req = props.spanRequest;
    if (!req || req.section !== def.id) return;
    const el = fields.current.get(req.block);
    if (el) {
      el.focus();
      const len = el.value.length;
      el.setSelectionRange(Math.min(req.start, len), Math.min(req.end, len));
      el.scrollIntoView({ block: 'center' });
      el.classList.add('flash-text');
      window.setTimeout(() => el.classList.remove('flash-text'), 1600);
    }
    props.onSpanHandled();
  }, [props.spanRequest?.nonce]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (props.focusBlock === null) return;
    const el = fields.current.get(props.focusBlock);
    if (el) {
      el.focus();
      el.scrollIntoView({ block: 'nearest' });
    }
    props.onFocusBlockHandled();
  }, [props.focusBlock]); // eslint-disable-line react-hooks/exhaustive-deps

  const handlers = useRef({
    onLevel: (index: number, level: 2 | 3) =>
      onStructureRef.current(
        blocksRef.current.map((b, i) => (i === index && b.type === 'heading' ? { ...b, level } : b)),
        '修改小标题级别',
      ),
    onMove: (index: number, delta: -1 | 1) => {
      const list = [...blocksRef.current];
      const to = index + delta;
      if (to < 0 || to >= list.length) return;
      [list[index], list[to]] = [list[to]!, list[index]!];
      onStructureRef.current(list, delta < 0 ? '上移段落' : '下移段落');
    },
    onRemove: (index: number) =>
      onStructureRef.current(
        blocksRef.current.filter((_, i) => i !== index),
        '删除段落',
      ),
    onInsertAfter: (index: number) => {
      const list = [...blocksRef.current];
      list.splice(index + 1, 0, { type: 'paragraph', text: '' });
      onStructureRef.current(list, '插入段落', index + 1);
    },
    // Moving years keeps the 沿用上年 mark: it is not a review of the paragraph.
    onYears: (index: number, start?: number) => {
      const years = yearsRef.current;
      if (!years) return;
      const next = updateBlockYears(blocksRef.current, index, years, def.id, start);
      if (next !== blocksRef.current) onStructureRef.current(next, start === undefined ? '更新本段年份' : '更新年份');
    },
    onSectionYears: () => {
      const years = yearsRef.current;
      if (!years) return;
      const next = updateSectionYears(blocksRef.current, years, def.id);
      if (next !== blocksRef.current) onStructureRef.current(next, '更新本部分年份');
    },
  }).current;
  const onStructureRef = useRef<(b: Block[], label: string, focus?: number) => void>(() => undefined);
  onStructureRef.current = (b, label, focus) => {
    onStructure(b, label);
    if (focus !== undefined) pendingFocus.current = focus;
  };
  const pendingFocus = useRef<number | null>(null);
  useEffect(() => {
    if (pendingFocus.current === null) return;
    fields.current.get(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  });

  const add = (block: Block, label: string) =>
    onStructureRef.current([...blocksRef.current, block], label, blocksRef.current.length);

  const subheadings = def.subheadings ?? [];
  const missing = subheadings.filter((h) => !hasHeading(blocks, h));
  const years = props.years ?? null;
  const pendingHere = useMemo(() => (years ? sectionPending(blocks, years, def.id) : 0), [blocks, years, def.id]);

  return (
    <div className="narrative">
      {years && pendingHere ? (
        <YearUpdateBar
          from={years.from}
          to={years.to}
          sectionPending={pendingHere}
          reportPending={props.reportPendingYears ?? pendingHere}
          onSection={handlers.onSectionYears}
          onReport={() => props.onUpdateAllYears?.()}
        />
      ) : null}
      {subheadings.length ? (
        <div className="subheading-bar">
          <span className="subheading-bar-label">{def.id === 'overview' ? '按五个方面写：' : '常用小标题：'}</span>
          {subheadings.map((h) => {
            const present = !missing.includes(h);
            return (
              <Button
                key={h}
                size="small"
                className="subheading-chip"
                icon={present ? <CheckOutlined /> : <PlusOutlined />}
                disabled={present}
                onClick={() => props.onInsertSubheading(h)}
                aria-label={present ? `${h}（已有）` : `插入小标题${h}`}
              >
                {h}
              </Button>
            );
          })}
        </div>
      ) : null}
      {blocks.length === 0 ? (
        <p className="narrative-empty muted">
          {props.withTable
            ? '表格之外如需补充说明，可在这里添加文字（可选）。'
            : '这一部分还没有内容。可先插入上面的小标题，或直接添加段落。'}
        </p>
      ) : (
        <div className="nblocks">
          {blocks.map((b, i) => (
            <BlockView
              key={i}
              index={i}
              count={blocks.length}
              block={b}
              findings={findingsByBlock.get(i)}
              onText={props.onText}
              onLevel={handlers.onLevel}
              onMove={handlers.onMove}
              onRemove={handlers.onRemove}
              onInsertAfter={handlers.onInsertAfter}
              onConfirm={props.onConfirmCarried}
              section={def.id}
              years={years}
              onYears={handlers.onYears}
              register={register}
            />
          ))}
        </div>
      )}
      <div className="narrative-add">
        <Button icon={<PlusOutlined />} onClick={() => add({ type: 'paragraph', text: '' }, '添加段落')}>
          添加段落
        </Button>
        <Button icon={<PlusOutlined />} onClick={() => add({ type: 'heading', level: 2, text: '' }, '添加小标题')}>
          添加小标题
        </Button>
      </div>
    </div>
  );
});
