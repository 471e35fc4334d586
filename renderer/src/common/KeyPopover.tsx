import { useEffect, useId, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { Popover } from 'antd';
import { focusWhenPresent } from './focus-when-present';

/**
 * A popup of information the keyboard can use (antd's Popover leaves the focus on its button and
 * ignores Esc): on opening, the focus goes into it so that it can be read and scrolled; Esc closes
 * it and the focus goes back to the button that opened it; leaving it with Tab or a click elsewhere
 * closes it too.
 */
export function KeyPopover(props: {
  title: ReactNode;
  content: ReactNode;
  placement?: 'bottomRight' | 'bottomLeft' | 'bottom' | 'top';
  /** The button that opens it. */
  children: ReactElement;
}) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLElement | null>(null);
  const body = useRef<HTMLDivElement>(null);
  const popupClass = `key-popover-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;

  const close = (giveBack: boolean) => {
    setOpen(false);
    const el = opener.current;
    if (giveBack && el) window.setTimeout(() => el.isConnected && el.focus(), 0);
  };

  // The content is rendered with the popup's first frames: focus it as soon as it is there.
  useEffect(() => {
    if (open) focusWhenPresent(() => body.current);
  }, [open]);

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

  return (
    <Popover
      open={open}
      trigger={['click']}
      placement={props.placement}
      classNames={{ root: popupClass }}
      title={props.title}
      content={
        <div ref={body} tabIndex={-1} className="key-popover-body" role="document">
          {props.content}
        </div>
      }
      onOpenChange={(next) => {
        if (next) {
          opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
          setOpen(true);
        } else close(false);
      }}
      destroyOnHidden
    >
      {props.children}
    </Popover>
  );
}
