import { useLayoutEffect, type RefObject } from 'react';

/**
 * A tall table scrolls inside its frame, which ends at the bottom of the window when the page is
 * scrolled to the top: its header rows and label columns stay in view, and there is one scroll bar to use.
 */
export function useFitHeight(ref: RefObject<HTMLElement | null>, tall: boolean): void {
  useLayoutEffect(() => {
    const el = ref.current;
    const main = el?.closest('.editor-main') as HTMLElement | null;
    if (!el || !main || !tall) return;
    const fit = () => {
      const top = el.getBoundingClientRect().top - main.getBoundingClientRect().top + main.scrollTop;
      el.style.maxHeight = `${Math.max(300, main.clientHeight - top - 24)}px`;
    };
    fit();
    const ro = new ResizeObserver(fit);
    ro.observe(main);
    if (el.parentElement) ro.observe(el.parentElement);
    return () => ro.disconnect();
  }, [ref, tall]);
}
