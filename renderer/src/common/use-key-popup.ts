import { useEffect, useId, useRef, useState } from 'react';

/**
 * The keyboard behaviour antd's Popover and Popconfirm lack, shared by KeyPopover and KeyConfirm:
 * `openFromFocus` remembers the element that opened the popup; Esc closes it and gives the focus
 * back there; moving the focus (Tab, a click) outside the popup and its opener closes it.
 * `popupClass` goes on the popup's root so that "inside" can be told.
 */
export function useKeyPopup(prefix: string) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLElement | null>(null);
  const popupClass = `${prefix}-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;

  const close = (giveBack: boolean) => {
    setOpen(false);
    const el = opener.current;
    // After the popup has let go of the focus (it may still be the active element while closing).
    if (giveBack && el) window.setTimeout(() => el.isConnected && el.focus(), 0);
  };

  const openFromFocus = () => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOpen(true);
  };

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      close(true);
    };
    const onFocus = (e: FocusEvent) => {
      const t = e.target as Node | null;
      const inside = t instanceof Element && t.closest(`.${popupClass}`);
      if (t && !inside && t !== opener.current) close(false);
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('focusin', onFocus);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('focusin', onFocus);
    };
  });

  return { open, popupClass, close, openFromFocus };
}
