import type { ClipboardEvent, FocusEvent, KeyboardEvent, MouseEvent, RefObject } from 'react';
import type { TemplateDef } from '../../../templates/types';
import { formatCell } from '../../../shared/model/format';
import { formatClipboardTable, parseClipboardTable } from '../logic/clipboard';
import { planPaste, type PastePlan } from '../logic/paste';
import type { HintTooltipHandle } from './HintTooltip';
import { gridKeyDown, type GridKeyDeps } from './grid-keys';

/** The grid's event handlers: keys, focus, mouse, clipboard and the hover tooltip. */

export interface GridEventDeps extends GridKeyDeps {
  template: TemplateDef;
  tableRef: RefObject<HTMLTableElement | null>;
  tooltip: RefObject<HintTooltipHandle | null>;
  onPasteDone(plan: PastePlan): void;
}

const cellKeyOf = (target: EventTarget) =>
  ((target as HTMLElement).closest?.('td[data-key]') as HTMLElement | null)?.dataset.key;

export function gridEvents(d: GridEventDeps) {
  const { nav, editor } = d;

  const paste = (text: string) => {
    const block = parseClipboardTable(text);
    if (block.length === 0) return;
    const plan = planPaste(d.layout, d.template, d.cells(), nav.active, block);
    if (Object.keys(plan.patch).length > 0) d.onPatch(plan.patch, `粘贴 ${plan.written} 个单元格`);
    d.onPasteDone(plan);
    const first = plan.refused[0];
    if (first && first.key === nav.active) editor.refuse(first.key, first.message);
    else editor.clearRefusal();
    nav.refocus();
  };

  return {
    onKeyDown: (e: KeyboardEvent<HTMLTableElement>) => {
      d.tooltip.current?.hide();
      gridKeyDown(e, d);
    },
    onFocus: (e: FocusEvent<HTMLTableElement>) => {
      const key = cellKeyOf(e.target);
      if (key && key !== nav.active && !editor.current()) {
        nav.setActive(key);
        editor.clearRefusal();
      }
    },
    onBlur: (e: FocusEvent<HTMLTableElement>) => {
      const next = e.relatedTarget as Node | null;
      if (next && d.tableRef.current?.contains(next)) return;
      editor.finish();
    },
    onMouseDown: (e: MouseEvent<HTMLTableElement>) => {
      d.tooltip.current?.hide();
      const key = cellKeyOf(e.target);
      const cur = editor.current();
      if (!key || !cur || key === cur.key) return;
      // Clicking another cell finishes the edit first; a refused value keeps the editor open.
      if (!editor.commit()) e.preventDefault();
    },
    onDoubleClick: (e: MouseEvent<HTMLTableElement>) => {
      const key = cellKeyOf(e.target);
      if (!key || editor.current()) return;
      nav.setActive(key);
      editor.start(key, formatCell(d.cells()[key]), 'edit');
    },
    onPaste: (e: ClipboardEvent<HTMLTableElement>) => {
      const text = e.clipboardData.getData('text/plain');
      const cur = editor.current();
      // One value into the editor: let the input take it.
      if (cur && !/[\t\r\n]/.test(text.replace(/[\r\n]+$/, ''))) return;
      e.preventDefault();
      if (cur) editor.cancel();
      paste(text);
    },
    onCopy: (e: ClipboardEvent<HTMLTableElement>) => {
      if (editor.current()) return;
      e.preventDefault();
      e.clipboardData.setData('text/plain', formatClipboardTable([[formatCell(d.cells()[nav.active])]]));
    },
    onMouseOver: (e: MouseEvent<HTMLTableElement>) => {
      const el = (e.target as HTMLElement).closest('[data-tip]') as HTMLElement | null;
      if (el) d.tooltip.current?.show(el.dataset.tip ?? '', el);
      else d.tooltip.current?.hide();
    },
  };
}
