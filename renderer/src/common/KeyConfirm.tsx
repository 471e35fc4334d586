import { useEffect, useId, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { Popconfirm } from 'antd';

/**
 * A confirmation popup the keyboard can use (antd's Popconfirm leaves the focus on the button that
 * opened it, and Esc does nothing): on opening, the focus goes to its confirm button, so Enter
 * confirms; Esc or 取消 closes it; either way the focus goes back to the button that opened it.
 * Leaving it with Tab or a click elsewhere closes it too.
 */
export interface KeyConfirmProps {
  title: ReactNode;
  description?: ReactNode;
  okText: string;
  cancelText?: string;
  showCancel?: boolean;
  danger?: boolean;
  placement?: 'top' | 'bottom' | 'bottomRight' | 'bottomLeft' | 'topRight' | 'topLeft';
  /** Called as it opens (e.g. to count what it is about). */
  onOpen?(): void;
  onConfirm(): void;
  /** The button that opens it. */
  children: ReactElement;
}

export function KeyConfirm(props: KeyConfirmProps) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLElement | null>(null);
  const popupClass = `key-confirm-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;

  const close = (giveBack: boolean) => {
    setOpen(false);
    const el = opener.current;
    // After the popup has let go of the focus (it may still be the active element while closing).
    if (giveBack && el) window.setTimeout(() => el.isConnected && el.focus(), 0);
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

  return (
    <Popconfirm
      open={open}
      onOpenChange={(next) => {
        if (next) {
          opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
          props.onOpen?.();
          setOpen(true);
        } else close(false);
      }}
      title={props.title}
      classNames={{ root: popupClass }}
      description={props.description}
      okText={props.okText}
      cancelText={props.cancelText ?? '取消'}
      showCancel={props.showCancel}
      okButtonProps={{ autoFocus: true, danger: props.danger }}
      placement={props.placement}
      destroyOnHidden
      onConfirm={() => {
        props.onConfirm();
        close(true);
      }}
      onCancel={() => close(true)}
    >
      {props.children}
    </Popconfirm>
  );
}
