import { useEffect, useRef, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import { Modal, type ModalProps } from 'antd';
import { useLatest } from '../hooks/use-latest';

/**
 * A dialog the keyboard can use, as KeyConfirm is for small confirmations: on opening the focus
 * goes into it (to the element marked `data-autofocus`, else the first field, else the confirming
 * button); Enter confirms from any field (not from a button, a link, a text area or an open list,
 * which keep their own Enter); Esc cancels; on closing the focus goes back to where it came from
 * (antd's focusTriggerAfterClose). `focusKey`: the dialog changed its content (export: options →
 * done), so the focus goes in again.
 */
export interface KeyModalProps extends Omit<ModalProps, 'modalRender'> {
  /** What Enter does; default: `onOk`, unless the OK button is disabled or busy. */
  onEnter?: () => void;
  focusKey?: unknown;
}

const FIELD =
  'input:not([type=hidden]):not([disabled]):not([readonly]), textarea:not([disabled]):not([readonly]), [role=combobox]:not([aria-disabled=true])';

/** Where the focus goes on opening: the marked element, the first field, the confirming button. */
export function initialFocusTarget(panel: HTMLElement): HTMLElement | null {
  const body = panel.querySelector<HTMLElement>('.ant-modal-body') ?? panel;
  const marked = body.querySelector<HTMLElement>('[data-autofocus]');
  if (marked) return marked;
  const checkedRadio = body.querySelector<HTMLElement>('input[type=radio]:checked:not([disabled])');
  const field = [...body.querySelectorAll<HTMLElement>(FIELD)].find(
    (el) => (el as HTMLInputElement).type !== 'radio' && (el as HTMLInputElement).type !== 'checkbox',
  );
  if (field) return field;
  if (checkedRadio) return checkedRadio;
  const footer = panel.querySelector<HTMLElement>('.ant-modal-footer');
  return (
    footer?.querySelector<HTMLElement>('.ant-btn-primary:not([disabled])') ??
    footer?.querySelector<HTMLElement>('button:not([disabled])') ??
    null
  );
}

/** Whether Enter on this element belongs to it (a button, a link, a text area, an open list). */
function ownsEnter(el: HTMLElement): boolean {
  if (el.closest('textarea, button, a[href], [contenteditable=true], [role=option], [role=listbox]')) return true;
  return el.getAttribute('aria-expanded') === 'true';
}

export function KeyModal({ onEnter, focusKey, children, ...props }: KeyModalProps) {
  const panel = useRef<HTMLDivElement>(null);
  const latest = useLatest({
    cancel:
      props.keyboard !== false && props.onCancel
        ? () => props.onCancel?.({} as MouseEvent<HTMLButtonElement>)
        : undefined,
    enter:
      onEnter ??
      (props.onOk && !props.okButtonProps?.disabled && !props.confirmLoading
        ? () => props.onOk?.({} as MouseEvent<HTMLButtonElement>)
        : undefined),
  });

  const confirm = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' || e.shiftKey || e.ctrlKey || e.altKey || e.metaKey) return;
    if (e.nativeEvent.isComposing || e.defaultPrevented) return;
    if (ownsEnter(e.target as HTMLElement)) return;
    const enter = latest.current.enter;
    if (!enter) return;
    e.preventDefault();
    e.stopPropagation();
    enter();
  };
  // A list field keeps Enter and Esc for itself even when closed: a closed list would open on Enter,
  // and Esc would not reach the dialog. Catch both first (the list still opens with ↓ or by typing,
  // and an open list still closes on Esc).
  const onKeyDownCapture = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    if (target.getAttribute('role') !== 'combobox') return;
    if (e.key === 'Enter') confirm(e);
    const cancel = latest.current.cancel;
    if (e.key === 'Escape' && cancel && target.getAttribute('aria-expanded') !== 'true') {
      e.preventDefault();
      e.stopPropagation();
      cancel();
    }
  };

  return (
    <Modal
      {...props}
      modalRender={(node) => (
        <div ref={panel} onKeyDown={confirm} onKeyDownCapture={onKeyDownCapture} className="key-modal">
          {node}
        </div>
      )}
    >
      {props.open ? <FocusInside panel={panel} focusKey={focusKey} /> : null}
      {children}
    </Modal>
  );
}

/** Moves the focus into the dialog when it opens and when its content changes (`focusKey`). */
function FocusInside({ panel, focusKey }: { panel: RefObject<HTMLDivElement | null>; focusKey: unknown }) {
  const first = useRef(true);
  useEffect(() => {
    const opening = first.current;
    first.current = false;
    // After the dialog's own focus handling of this frame.
    const frame = requestAnimationFrame(() => {
      const el = panel.current;
      if (!el) return;
      const active = document.activeElement;
      // On opening, a field that focused itself (autoFocus) keeps the focus; × or the panel do not.
      if (opening && active && active !== el && active.closest('.ant-modal-body')) return;
      initialFocusTarget(el)?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [panel, focusKey]);
  return null;
}
