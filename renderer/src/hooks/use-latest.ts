import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * A ref that always holds the latest value: for event handlers and effects that must read the
 * current props without being re-created (or re-run) each time those props change.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
