import { useEffect } from 'react';
import { useLatest } from './use-latest';

/**
 * Going to what a finding (or an undo) is about: one place that scrolls the target into view,
 * focuses it, selects the words in question and flashes it, used by the grid, the text sections
 * and the cover page alike.
 */

/** A request to go somewhere. Each click makes a new request, so the same target clicked twice is gone to twice. */
export interface JumpRequest {
  nonce: number;
}

const FLASH_MS = 1600;
const FLASH_ID = 'jump-flash';

/** Flashes an element's background; a second flash restarts the first (no class to clean up after). */
export function flash(el: HTMLElement): void {
  for (const a of el.getAnimations()) if (a.id === FLASH_ID) a.cancel();
  if (typeof el.animate !== 'function') return;
  // No last keyframe: the colour fades back to whatever the element's own background is.
  const anim = el.animate(
    [
      { backgroundColor: '#ffe58f', offset: 0 },
      { backgroundColor: '#ffe58f', offset: 0.3 },
    ],
    { duration: FLASH_MS, easing: 'ease-out' },
  );
  anim.id = FLASH_ID;
}

/** Scrolls `el` to the middle of its scroll areas, focuses it, selects `[start, end)` in a text box, and flashes it. */
export function jumpTo(el: HTMLElement, select?: { start: number; end: number }): void {
  el.scrollIntoView({ block: 'center', inline: 'center' });
  el.focus({ preventScroll: true });
  if (select && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) {
    const len = el.value.length;
    el.setSelectionRange(Math.min(select.start, len), Math.min(select.end, len));
  }
  flash(el);
}

/**
 * Runs `go` once for each new request (after the render that received it). `go` returns false when
 * the request is not for this component (e.g. another section's paragraph): it is then left for the
 * one it is for; otherwise `onHandled` clears it.
 */
export function useJumpRequest<R extends JumpRequest>(
  request: R | null,
  go: (request: R) => boolean | void,
  onHandled: () => void,
): void {
  const latest = useLatest({ go, onHandled });
  useEffect(() => {
    if (!request) return;
    if (latest.current.go(request) === false) return;
    latest.current.onHandled();
  }, [request, latest]);
}
