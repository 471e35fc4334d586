import { useEffect, type RefObject } from 'react';
import { useLatest } from '../hooks/use-latest';

/**
 * Text typed on a cell that is not being edited, however it comes: the current cell is editable
 * (contenteditable) so that an input method works on it as on any text box. Typed text (a
 * full-width digit from an input method in full-width mode, text inserted without a key) arrives
 * as `beforeinput`; a composition (拼音, or digits through an input method) is left to finish in
 * the cell and arrives as `compositionend`. Either opens the cell editor with that text, so
 * nothing typed is lost. Whatever the browser put into the cell is taken out again: the cell
 * shows its value, drawn by React.
 */
export function useTypeCatcher(tableRef: RefObject<HTMLTableElement | null>, onText: (text: string) => void): void {
  const latest = useLatest(onText);
  useEffect(() => {
    const table = tableRef.current;
    if (!table) return;
    const cellOf = (target: EventTarget | null) =>
      target instanceof HTMLTableCellElement && target.isContentEditable ? target : null;
    const clean = (td: HTMLElement) => {
      for (const node of [...td.childNodes])
        if (!(node instanceof HTMLElement && node.classList.contains('gcell-value'))) node.remove();
    };
    const onBeforeInput = (e: InputEvent) => {
      const td = cellOf(e.target);
      if (!td || e.inputType === 'insertCompositionText') return;
      e.preventDefault();
      if (e.data && e.inputType.startsWith('insert')) latest.current(e.data);
    };
    const onCompositionEnd = (e: CompositionEvent) => {
      const td = cellOf(e.target);
      if (!td) return;
      clean(td);
      if (e.data) latest.current(e.data);
    };
    // Anything else the browser may write into the cell (drag and drop, spelling fixes) is undone.
    const onInput = (e: Event) => {
      const td = cellOf(e.target);
      if (td && !(e as InputEvent).isComposing) clean(td);
    };
    table.addEventListener('beforeinput', onBeforeInput);
    table.addEventListener('compositionend', onCompositionEnd);
    table.addEventListener('input', onInput);
    return () => {
      table.removeEventListener('beforeinput', onBeforeInput);
      table.removeEventListener('compositionend', onCompositionEnd);
      table.removeEventListener('input', onInput);
    };
  }, [tableRef, latest]);
}
