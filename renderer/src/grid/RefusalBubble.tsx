import { useLayoutEffect, useRef } from 'react';
import { createPortal } from 'react-dom';

/**
 * Why a value was refused, next to its cell. It is drawn over the page (a portal on the body, fixed
 * to the window) so that no scroll frame can cut it off — Table 4's one-row grid, Table 3's
 * right-hand columns, the last rows — and it is kept inside the window: below the cell, or above it
 * when there is no room below, shifted left near the right edge.
 */
export function RefusalBubble(props: { id: string; message: string; anchor(): HTMLElement | null }) {
  const ref = useRef<HTMLDivElement>(null);
  const { anchor, message } = props;

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const margin = 8;
    const place = () => {
      const cell = anchor();
      if (!cell) return;
      const r = cell.getBoundingClientRect();
      // The editor's page area: the bubble does not cover the app's header above it.
      const frame = cell.closest('.editor-main')?.getBoundingClientRect();
      const top = Math.max(margin, frame?.top ?? 0);
      const bottom = Math.min(window.innerHeight - margin, frame?.bottom ?? window.innerHeight);
      const w = el.offsetWidth;
      const h = el.offsetHeight;
      let y = r.bottom + 2;
      if (y + h > bottom) y = r.top - h - 2 >= top ? r.top - h - 2 : bottom - h;
      y = Math.max(top, y);
      const x = Math.max(margin, Math.min(r.left - 1, window.innerWidth - margin - w));
      el.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      el.style.visibility = 'visible';
    };
    place();
    let frameId = 0;
    const later = () => {
      cancelAnimationFrame(frameId);
      frameId = requestAnimationFrame(place);
    };
    window.addEventListener('scroll', later, true);
    window.addEventListener('resize', later);
    return () => {
      cancelAnimationFrame(frameId);
      window.removeEventListener('scroll', later, true);
      window.removeEventListener('resize', later);
    };
  }, [anchor, message]);

  return createPortal(
    <div ref={ref} id={props.id} className="cell-refusal" role="alert">
      {message}
    </div>,
    document.body,
  );
}
