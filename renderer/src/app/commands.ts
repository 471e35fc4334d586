import { useEffect, useRef } from 'react';
import type { MenuCommand } from '../../../shared/service/shell';

/**
 * Menu commands from the desktop shell (and the same commands from keyboard shortcuts in browser
 * mode) go to the screen that is showing. A screen handles what it can and returns false for the
 * rest, which the app then handles (library, new report…) or answers with a plain message.
 */

type Handler = (command: MenuCommand) => boolean | void;

const handlers: Handler[] = [];

export function dispatchCommand(command: MenuCommand): boolean {
  for (let i = handlers.length - 1; i >= 0; i--) if (handlers[i]!(command) === true) return true;
  return false;
}

/** Registers the current screen's handler while it is mounted (the latest closure is always used). */
export function useCommandHandler(handler: Handler): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const h: Handler = (c) => ref.current(c);
    handlers.push(h);
    return () => {
      const i = handlers.indexOf(h);
      if (i >= 0) handlers.splice(i, 1);
    };
  }, []);
}
