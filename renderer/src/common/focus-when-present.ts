/**
 * Moves the focus to an element that a pending render will show (a list re-rendered after a change,
 * possibly deferred): looks for it on each frame for about half a second, then gives up quietly.
 */
export function focusWhenPresent(find: () => HTMLElement | null | undefined, frames = 30): void {
  const attempt = (left: number) => {
    const el = find();
    if (el?.isConnected) {
      el.focus();
      return;
    }
    if (left > 0) requestAnimationFrame(() => attempt(left - 1));
  };
  requestAnimationFrame(() => attempt(frames));
}
