import { useCallback, useRef, useState } from 'react';
import { App as AntApp } from 'antd';
import type { SectionId, TemplateDef } from '../../../templates/types';
import type { Block, Cells, CellValue, Report } from '../../../shared/model/types';
import { recomputeTotals } from '../logic/totals-edit';
import { EMPTY_HISTORY, cellStep, record, redo, topStep, undo, type UndoHistory } from '../logic/undo';
import { applyCells, blocksOf, setBlocks } from '../logic/report-edit';
import { fillBlanksWithZero } from '../logic/fill-zero';
import { useLatest } from '../hooks/use-latest';
import type { EditorReport } from './use-editor-report';

/**
 * The editor's undoable changes: cell edits (one step per finished edit, paste or fill), block
 * structure, buttons that replace top-level fields, and undo/redo itself, which shows the clerk
 * what changed back (`show.cell`, `show.section`).
 */
export function useEditorHistory(
  doc: EditorReport,
  template: TemplateDef | null,
  show: { cell(key: string): void; section(section: SectionId): void },
) {
  const { message } = AntApp.useApp();
  const { reportRef, commit } = doc;
  const [history, setHistory] = useState<UndoHistory>(EMPTY_HISTORY);
  const historyRef = useRef<UndoHistory>(EMPTY_HISTORY);
  const latest = useLatest({ template, show });

  const push = useCallback((h: UndoHistory) => {
    historyRef.current = h;
    setHistory(h);
  }, []);

  const onLiveEdit = useCallback(
    (key: string, value: CellValue) => {
      const cur = reportRef.current;
      if (cur) commit(applyCells(cur, { [key]: value }, latest.current.template));
    },
    [reportRef, commit, latest],
  );

  const onCommitEdit = useCallback(
    (key: string, before: CellValue, after: CellValue) => {
      const label = latest.current.template?.fields[key]?.label ?? key;
      push(
        record(historyRef.current, {
          label: `填写 ${label}`,
          cells: { before: { [key]: before }, after: { [key]: after } },
        }),
      );
    },
    [push, latest],
  );

  const onPatch = useCallback(
    (patch: Cells, label: string) => {
      const cur = reportRef.current;
      if (!cur || Object.keys(patch).length === 0) return;
      push(record(historyRef.current, cellStep(label, cur.cells, patch)));
      commit(applyCells(cur, patch, latest.current.template));
    },
    [reportRef, commit, push, latest],
  );

  const replaceTop = useCallback(
    (patch: Partial<Report>, label: string) => {
      const cur = reportRef.current;
      if (!cur) return;
      push(record(historyRef.current, topStep(label, cur, patch)));
      commit({ ...cur, ...patch });
    },
    [reportRef, commit, push],
  );

  const changeBlocks = useCallback(
    (section: SectionId, blocks: Block[], label: string) => {
      const cur = reportRef.current;
      if (!cur) return;
      push(record(historyRef.current, { label, blocks: { section, before: blocksOf(cur, section), after: blocks } }));
      commit(setBlocks(cur, section, blocks));
    },
    [reportRef, commit, push],
  );

  /** Several steps at once (e.g. one per part of the report), applied as one change of the report. */
  const recordSteps = useCallback(
    (h: UndoHistory, next: Report) => {
      push(h);
      commit(next);
    },
    [push, commit],
  );

  const applyHistory = useCallback(
    (which: 'undo' | 'redo') => {
      const cur = reportRef.current;
      if (!cur) return;
      const res = which === 'undo' ? undo(historyRef.current, cur) : redo(historyRef.current, cur);
      if (!res) {
        void message.info(which === 'undo' ? '没有可以撤销的操作。' : '没有可以重做的操作。');
        return;
      }
      push(res.history);
      const { template: tpl, show: go } = latest.current;
      // The cells changed back, with the totals that follow them (a published total kept as it was).
      const side = res.step.cells?.[which === 'undo' ? 'before' : 'after'];
      commit(
        side && tpl ? { ...res.report, cells: recomputeTotals(cur.cells, res.report.cells, tpl, side) } : res.report,
      );
      // Show the clerk what changed back.
      const key = res.step.cells ? Object.keys(res.step.cells.after)[0] : undefined;
      if (key && tpl) go.cell(key);
      else if (res.step.blocks) go.section(res.step.blocks.section);
      void message.open({
        type: 'info',
        content: `${which === 'undo' ? '已撤销' : '已重做'}：${res.step.label}`,
        duration: 2,
        key: 'undo-note',
      });
    },
    [reportRef, commit, push, latest, message],
  );

  const fillAll = useCallback(() => {
    const cur = reportRef.current;
    const tpl = latest.current.template;
    if (cur && tpl) onPatch(fillBlanksWithZero(cur.cells, tpl), '全部表格剩余空白填 0');
  }, [reportRef, onPatch, latest]);

  const countBlanks = useCallback(() => {
    const cur = reportRef.current;
    const tpl = latest.current.template;
    return cur && tpl ? Object.keys(fillBlanksWithZero(cur.cells, tpl)).length : 0;
  }, [reportRef, latest]);

  return {
    history,
    historyRef,
    onLiveEdit,
    onCommitEdit,
    onPatch,
    replaceTop,
    changeBlocks,
    recordSteps,
    applyHistory,
    fillAll,
    countBlanks,
  };
}

export type EditorHistory = ReturnType<typeof useEditorHistory>;
