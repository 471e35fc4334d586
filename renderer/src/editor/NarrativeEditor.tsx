import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import { Button } from 'antd';
import { PlusOutlined, CheckOutlined } from '@ant-design/icons';
import type { SectionDef, SectionId } from '../../../templates/types';
import type { Block } from '../../../shared/model/types';
import type { Finding } from '../../../shared/checks/types';
import { hasHeading } from '../logic/report-edit';
import { YearUpdateBar } from '../rollover/YearChips';
import { sectionPending, type YearContext } from '../rollover/year-chips';
import { jumpTo, useJumpRequest, type JumpRequest } from '../hooks/use-jump';
import { useLatest } from '../hooks/use-latest';
import { BlockView } from './BlockView';
import { useBlockActions } from './use-block-actions';

/**
 * The text of one section as blocks: sub-headings (（一） level 2, 1. level 3) and paragraphs.
 * Typing changes the text (the text box's own undo applies); adding, removing and moving blocks
 * are undo steps of the editor.
 */

export interface SpanRequest extends JumpRequest {
  /** The section whose editor handles it (a request made before the page switched is not for this one). */
  section: SectionId;
  block: number;
  start: number;
  end: number;
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

export const NarrativeEditor = memo(function NarrativeEditor(props: NarrativeEditorProps) {
  const { def, blocks, findingsByBlock } = props;
  const years = props.years ?? null;
  const fields = useRef(new Map<number, HTMLInputElement | HTMLTextAreaElement>());
  const register = useCallback((index: number, el: HTMLInputElement | HTMLTextAreaElement | null) => {
    if (el) fields.current.set(index, el);
    else fields.current.delete(index);
  }, []);

  // A block added or inserted is focused once it is on the page.
  const pendingFocus = useRef<number | null>(null);
  const focusLater = useCallback((index: number) => {
    pendingFocus.current = index;
  }, []);
  useEffect(() => {
    if (pendingFocus.current === null) return;
    fields.current.get(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  });
  const actions = useBlockActions(def.id, blocks, years, props.onStructure, focusLater);

  // Jump from a finding: select the words it is about (a request for another section is left for it).
  useJumpRequest(
    props.spanRequest,
    (req) => {
      if (req.section !== def.id) return false;
      const el = fields.current.get(req.block);
      if (el) jumpTo(el, req);
    },
    props.onSpanHandled,
  );

  // A block the editor added (a standard sub-heading, the fee sentence) is focused.
  const latest = useLatest(props.onFocusBlockHandled);
  useEffect(() => {
    if (props.focusBlock === null) return;
    const el = fields.current.get(props.focusBlock);
    if (el) {
      el.focus();
      el.scrollIntoView({ block: 'nearest' });
    }
    latest.current();
  }, [props.focusBlock, latest]);

  const subheadings = def.subheadings ?? [];
  const missing = subheadings.filter((h) => !hasHeading(blocks, h));
  const pendingHere = useMemo(() => (years ? sectionPending(blocks, years, def.id) : 0), [blocks, years, def.id]);

  return (
    <div className="narrative">
      {years && pendingHere ? (
        <YearUpdateBar
          from={years.from}
          to={years.to}
          sectionPending={pendingHere}
          reportPending={props.reportPendingYears ?? pendingHere}
          onSection={actions.sectionYears}
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
              onConfirm={props.onConfirmCarried}
              actions={actions}
              section={def.id}
              years={years}
              register={register}
            />
          ))}
        </div>
      )}
      <div className="narrative-add">
        <Button icon={<PlusOutlined />} onClick={() => actions.add({ type: 'paragraph', text: '' }, '添加段落')}>
          添加段落
        </Button>
        <Button
          icon={<PlusOutlined />}
          onClick={() => actions.add({ type: 'heading', level: 2, text: '' }, '添加小标题')}
        >
          添加小标题
        </Button>
      </div>
    </div>
  );
});
