import { useCallback, useState } from 'react';
import { App as AntApp } from 'antd';
import { SECTIONS } from '../../../templates/index';
import type { SectionId, TemplateDef } from '../../../templates/types';
import type { Block } from '../../../shared/model/types';
import { dismissFinding } from '../../../shared/checks/engine';
import type { Finding } from '../../../shared/checks/types';
import { record } from '../logic/undo';
import {
  blocksOf,
  confirmCarried,
  editBlockText,
  FEE_SENTENCE,
  insertSubheading,
  setBlocks,
} from '../logic/report-edit';
import { reportPending, updateSectionYears, type YearContext } from '../rollover/year-chips';
import { useLatest } from '../hooks/use-latest';
import { PAGE_TITLES } from './SectionNav';
import type { EditorReport } from './use-editor-report';
import type { EditorHistory } from './use-editor-history';

const CONFIRMED_REASON = '已核对：这段沿用上年的文字本年度仍然适用（确认无需修改）。';

/**
 * Edits of the text sections: typing (the text box's own undo), structure and the buttons that add
 * standard text (undo steps), 确认无需修改, and moving the years of carried paragraphs.
 */
export function useSectionEdits(
  doc: EditorReport,
  history: EditorHistory,
  section: SectionId | null,
  template: TemplateDef | null,
  years: YearContext | null,
  /** The current findings: 确认无需修改 settles the paragraph's 雷同 warning. */
  findings: readonly Finding[] = [],
) {
  const { message } = AntApp.useApp();
  const { reportRef, update } = doc;
  const { changeBlocks, historyRef, recordSteps } = history;
  const latest = useLatest({ section, template, years, findings });
  /** A block to focus once it is on the page (a sub-heading's paragraph, the fee sentence). */
  const [focusBlock, setFocusBlock] = useState<number | null>(null);

  const onText = useCallback(
    (index: number, text: string) => {
      const s = latest.current.section;
      if (s) update((r) => setBlocks(r, s, editBlockText(blocksOf(r, s), index, text)));
    },
    [update, latest],
  );

  const onStructure = useCallback(
    (blocks: Block[], label: string) => {
      const s = latest.current.section;
      if (s) changeBlocks(s, blocks, label);
    },
    [changeBlocks, latest],
  );

  const onInsertSubheading = useCallback(
    (heading: string) => {
      const { section: s, template: tpl } = latest.current;
      const cur = reportRef.current;
      if (!s || !cur) return;
      const def = (tpl?.sections ?? SECTIONS).find((x) => x.id === s);
      const { blocks, index } = insertSubheading(blocksOf(cur, s), def?.subheadings ?? [], heading);
      changeBlocks(s, blocks, `插入小标题${heading}`);
      setFocusBlock(index);
    },
    [changeBlocks, reportRef, latest],
  );

  const onConfirmCarried = useCallback(
    (index: number) => {
      const s = latest.current.section;
      const cur = reportRef.current;
      if (!s || !cur) return;
      const before = blocksOf(cur, s);
      const after = confirmCarried(before, index);
      // The clerk has checked the paragraph and keeps it: its 雷同 warning (“请按本年度的实际工作改写”)
      // no longer applies. It is dismissed with the reason, listed under 已忽略 and restorable there.
      let next = setBlocks(cur, s, after);
      for (const f of latest.current.findings) {
        const at = f.span;
        if (f.rule !== 'X-REUSED-TEXT' || f.dismissed || at?.where !== 'section') continue;
        if (at.section === s && at.block === index) next = dismissFinding(next, f, CONFIRMED_REASON);
      }
      recordSteps(
        record(historyRef.current, { label: '确认沿用上年文字', blocks: { section: s, before, after } }),
        next,
      );
    },
    [recordSteps, historyRef, reportRef, latest],
  );

  const onInsertFeeSentence = useCallback(() => {
    const cur = reportRef.current;
    if (!cur) return;
    changeBlocks('other', [{ type: 'paragraph', text: FEE_SENTENCE }, ...blocksOf(cur, 'other')], '插入信息处理费表述');
    setFocusBlock(0);
  }, [changeBlocks, reportRef]);

  // Every carried paragraph's pending years at once: one undo step per part of the report (a step
  // never spans parts, so undoing it cannot take back text typed elsewhere since).
  const onUpdateAllYears = useCallback(() => {
    const cur = reportRef.current;
    const ctx = latest.current.years;
    if (!cur || !ctx) return;
    let h = historyRef.current;
    let next = cur;
    for (const s of cur.sections) {
      const blocks = updateSectionYears(s.blocks, ctx, s.id);
      if (blocks === s.blocks) continue;
      h = record(h, {
        label: `更新年份（${PAGE_TITLES[s.id]}）`,
        blocks: { section: s.id, before: s.blocks, after: blocks },
      });
      next = setBlocks(next, s.id, blocks);
    }
    if (next === cur) return;
    const moved = reportPending(cur.sections, ctx);
    recordSteps(h, next);
    void message.success(
      `已把沿用上年文字中的 ${moved} 处年份改为本年度；“沿用上年，待核改”标记仍保留，请继续核对内容。`,
    );
  }, [reportRef, historyRef, recordSteps, message, latest]);

  const clearFocusBlock = useCallback(() => setFocusBlock(null), []);

  return {
    onText,
    onStructure,
    onInsertSubheading,
    onConfirmCarried,
    onInsertFeeSentence,
    onUpdateAllYears,
    focusBlock,
    clearFocusBlock,
  };
}

export type SectionEdits = ReturnType<typeof useSectionEdits>;
