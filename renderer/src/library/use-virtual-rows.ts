import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * A row's height as library.css draws it (two lines of text, the cells' padding and border: 65.8 px),
 * for the first drawing; measured (the rows' average) from the second on.
 */
const ROW_GUESS = 66;
/**
 * Rows rendered beyond each edge of the visible part: Tab and a short scroll find them ready.
 * The first drawing has only the rows in sight (each row of buttons costs; the clerk is waiting
 * for the list); the others follow right after it is on screen.
 */
const OVERSCAN = 8;
const FIRST_OVERSCAN = 0;

export interface RowWindow {
  start: number;
  end: number;
  /** Height standing in for the rows before `start` and after `end`. */
  before: number;
  after: number;
}

function scrollParent(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const y = getComputedStyle(p).overflowY;
    if (y === 'auto' || y === 'scroll') return p;
  }
  return null;
}

/**
 * Which of `count` rows of a table body to render: those in the visible part of its scrolling
 * ancestor and a few more each side; the others are stood in for by empty space of their height
 * (the rows' average, measured), so that the scroll bar and scrolling behave as for the whole list.
 * `firstTop`: how far down the window the body starts at the least, before anything is measured
 * (what the page draws above it), so that the first drawing has only the rows that can be in sight.
 */
export function useVirtualRows(count: number, body: RefObject<HTMLElement | null>, firstTop = 0): RowWindow {
  const rowHeight = useRef(ROW_GUESS);
  const [overscan, setOverscan] = useState(FIRST_OVERSCAN);
  const [range, setRange] = useState(() => ({
    start: 0,
    end: Math.ceil(Math.max(0, (typeof window === 'undefined' ? 800 : window.innerHeight) - firstTop) / ROW_GUESS),
  }));

  const update = useCallback(() => {
    const el = body.current;
    if (!el) return;
    const rows = el.querySelectorAll<HTMLElement>(':scope > tr[data-row-key]');
    if (rows.length) {
      let sum = 0;
      for (const r of rows) sum += r.offsetHeight;
      if (sum > 0) rowHeight.current = sum / rows.length;
    }
    const scroller = scrollParent(el);
    const view = scroller ? scroller.getBoundingClientRect() : { top: 0, height: window.innerHeight };
    const offset = view.top - el.getBoundingClientRect().top;
    const h = rowHeight.current;
    const start = Math.max(0, Math.floor(offset / h) - overscan);
    const end = Math.max(start, Math.ceil((offset + view.height) / h) + overscan);
    setRange((r) => (r.start === start && r.end === end ? r : { start, end }));
  }, [body, overscan]);

  // Measured from the second drawing on, not for the first: measuring there would force the page's
  // style and layout in the middle of React's commit, and the corrected window would be rendered
  // again (with every effect of the first commit run first) before anything is painted. The first
  // window needs no measuring: the body cannot start above `firstTop`, so the rows of the view's
  // height below it (ROW_GUESS is the rows' height from library.css) cover what is in sight.
  useLayoutEffect(() => {
    if (overscan !== FIRST_OVERSCAN) update();
  }, [update, count, overscan]);

  // Once the first rows are painted: the rows around them too.
  useEffect(() => {
    if (overscan === OVERSCAN) return;
    let timer = 0;
    // The next frame, then a task after its painting.
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setOverscan(OVERSCAN), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [overscan]);

  // After the first paint (finding the scrolling ancestor reads computed styles): nothing can have
  // scrolled before, and the window is measured when the rows around the first ones are added.
  useEffect(() => {
    const el = body.current;
    const scroller = el && scrollParent(el);
    const target: HTMLElement | Window = scroller ?? window;
    let frame = 0;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        update();
      });
    };
    target.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      cancelAnimationFrame(frame);
      target.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
    };
  }, [body, update]);

  const start = Math.min(range.start, count);
  const end = Math.min(range.end, count);
  const h = rowHeight.current;
  return { start, end, before: Math.round(start * h), after: Math.round((count - end) * h) };
}
