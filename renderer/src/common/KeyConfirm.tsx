import type { ReactElement, ReactNode } from 'react';
import { Popconfirm } from 'antd';
import { useKeyPopup } from './use-key-popup';

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
  const { open, popupClass, close, openFromFocus } = useKeyPopup('key-confirm');

  return (
    <Popconfirm
      open={open}
      onOpenChange={(next) => {
        if (next) {
          openFromFocus();
          props.onOpen?.();
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
