import { useEffect, useRef, type ReactElement, type ReactNode } from 'react';
import { Popover } from 'antd';
import { focusWhenPresent } from './focus-when-present';
import { useKeyPopup } from './use-key-popup';

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
  const { open, popupClass, close, openFromFocus } = useKeyPopup('key-popover');
  const body = useRef<HTMLDivElement>(null);

  // The content is rendered with the popup's first frames: focus it as soon as it is there.
  useEffect(() => {
    if (open) focusWhenPresent(() => body.current);
  }, [open]);

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
        if (next) openFromFocus();
        else close(false);
      }}
      destroyOnHidden
    >
      {props.children}
    </Popover>
  );
}
