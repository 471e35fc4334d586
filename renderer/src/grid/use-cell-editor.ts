import { useCallback, useRef, useState } from 'react';
import type { TemplateDef } from '../../../templates/types';
import type { CellValue } from '../../../shared/model/types';
import { parseCellInput } from '../../../shared/model/format';
import type { GridLayout } from '../logic/grid-layout';
import { useLatest } from '../hooks/use-latest';
import { totalDisagrees } from '../logic/totals-edit';
import type { GridStore } from './grid-store';

/**
 * The cell editor. Values are parsed with parseCellInput: wrong input is refused at the cell with
 * its message, never changed. While a cell is edited every valid keystroke goes into the report
 * (so the checks follow the typing); the whole edit is one undo step. The text typed lives in the
 * grid store (the edited cell alone re-renders on a keystroke); `edit` changes when an edit starts
 * or ends.
 */

export interface EditState {
  key: string;
  text: string;
  /** `enter`: started by typing, arrows finish the edit; `edit`: F2 or double-click, arrows move the caret. */
  mode: 'enter' | 'edit';
  original: CellValue;
}

export interface Refusal {
  key: string;
  message: string;
}

export interface CellEditorCallbacks {
  /** A valid value typed in the cell editor (not yet an undo step). */
  onLiveEdit(key: string, value: CellValue): void;
  /** The edit is finished: one undo step from `before` to `after`. */
  onCommitEdit(key: string, before: CellValue, after: CellValue): void;
}

export interface CellEditor {
  /** The edit as it started (its `text` is the first; the text as typed: `current()`). */
  edit: EditState | null;
  /** The edit as of now (state lags a render behind within one event). */
  current(): EditState | null;
  refusal: Refusal | null;
  refuse(key: string, message: string): void;
  clearRefusal(): void;
  start(key: string, text: string, mode: EditState['mode']): void;
  type(text: string): void;
  /** Finishes the edit; returns false (and keeps editing) when the text is not a valid value. */
  commit(): boolean;
  /** Drops the edit and puts the original value back; with a message, says why. */
  cancel(message?: string): void;
  /** Leaving the cell: a valid value is kept, a refused one is put back with the reason. */
  finish(): void;
}

export const COMPUTED_REFUSAL = '总计由各项自动相加，不能直接填写。请修改组成它的各项。';
/** A total as published that does not add up (an imported report): the finding holds the two ways out. */
const PUBLISHED_TOTAL_REFUSAL =
  '总计不能直接填写。这个总计与各项之和不符：请在右侧检查结果中点“采用计算值”，或“保留原总计…”并写明理由。';

export function useCellEditor(
  layout: GridLayout,
  template: TemplateDef,
  store: GridStore,
  callbacks: CellEditorCallbacks,
  /** The editor closed: focus goes back to the cell (false when the focus went elsewhere). */
  onClosed: (refocus: boolean) => void,
): CellEditor {
  const [edit, setEdit] = useState<EditState | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const editRef = useRef<EditState | null>(null);
  const latest = useLatest({ callbacks, onClosed });

  const valueOf = (key: string) => store.value(key);

  const live = useCallback(
    (key: string, text: string) => {
      const field = template.fields[key];
      if (!field) return;
      const parsed = parseCellInput(text, field);
      if (parsed.ok) {
        setRefusal(null);
        if (store.value(key) !== parsed.value) latest.current.callbacks.onLiveEdit(key, parsed.value);
      } else {
        setRefusal({ key, message: parsed.message });
      }
    },
    [template, latest, store],
  );

  const start = useCallback(
    (key: string, text: string, mode: EditState['mode']) => {
      if (layout.byKey.get(key)?.computed) {
        const published = totalDisagrees(store.getCells(), template, key);
        setRefusal({ key, message: published ? PUBLISHED_TOTAL_REFUSAL : COMPUTED_REFUSAL });
        return;
      }
      setRefusal(null);
      const next = { key, text, mode, original: store.value(key) };
      editRef.current = next;
      store.setText(key, text);
      setEdit(next);
      if (mode === 'enter' && text !== '') live(key, text);
    },
    [layout, template, live, store],
  );

  const type = useCallback(
    (text: string) => {
      const e = editRef.current;
      if (!e) return;
      editRef.current = { ...e, text };
      store.setText(e.key, text);
      live(e.key, text);
    },
    [live, store],
  );

  const commit = (): boolean => {
    const e = editRef.current;
    if (!e) return true;
    const parsed = parseCellInput(e.text, template.fields[e.key]!);
    if (!parsed.ok) {
      setRefusal({ key: e.key, message: parsed.message });
      return false;
    }
    editRef.current = null;
    store.setText(e.key, undefined);
    const { callbacks, onClosed: closed } = latest.current;
    if (valueOf(e.key) !== parsed.value) callbacks.onLiveEdit(e.key, parsed.value);
    callbacks.onCommitEdit(e.key, e.original, parsed.value);
    setEdit(null);
    setRefusal(null);
    closed(true);
    return true;
  };

  const cancel = (message?: string) => {
    const e = editRef.current;
    if (!e) return;
    editRef.current = null;
    store.setText(e.key, undefined);
    if (valueOf(e.key) !== e.original) latest.current.callbacks.onLiveEdit(e.key, e.original);
    setEdit(null);
    setRefusal(message ? { key: e.key, message } : null);
    latest.current.onClosed(!message);
  };

  const finish = () => {
    const e = editRef.current;
    if (!e) return;
    const parsed = parseCellInput(e.text, template.fields[e.key]!);
    if (parsed.ok) {
      commit();
      latest.current.onClosed(false);
    } else cancel(`${parsed.message}已恢复原来的值。`);
  };

  return {
    edit,
    current: () => editRef.current,
    refusal,
    refuse: (key, message) => setRefusal({ key, message }),
    clearRefusal: () => setRefusal(null),
    start,
    type,
    commit,
    cancel,
    finish,
  };
}
