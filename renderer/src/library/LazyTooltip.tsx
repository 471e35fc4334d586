import { lazy, Suspense, useEffect, useId, useRef, useState, type PointerEvent, type ReactNode } from 'react';

/**
 * antd's Tooltip in a chunk of its own (its trigger, popup alignment and motion code are not needed
 * until the clerk first hovers something): fetched ahead once the list is shown (LibraryScreen's
 * preloadScreens), so that a hover finds it loaded.
 */
export const loadTooltip = () => import('antd/es/tooltip');
const Tooltip = lazy(loadTooltip);

/** antd's hover delays for a tooltip (mouseEnterDelay and mouseLeaveDelay, 0.1 s each). */
const DELAY_MS = 100;

type Placement = 'top' | 'bottom';

export interface LazyTooltip {
  /** For the element the tooltip is about: shows it on hover, hides it on leaving. */
  hover: {
    onPointerEnter(e: PointerEvent): void;
    onPointerLeave(e: PointerEvent): void;
    'aria-describedby'?: string;
  };
  /** To put inside that element (which must be `position: relative`, as antd's buttons are). */
  anchor: ReactNode;
}

/**
 * An antd Tooltip mounted only once its element is first hovered. A list of rows each with an antd
 * Tooltip paid for every one on its first drawing (trigger, portal, resize observer and motion
 * hooks per instance) though the clerk hovers one at a time. Until then the element is drawn as is;
 * from the first hover an antd Tooltip (same look, placement, delays and `aria-describedby`) is
 * aligned to an empty anchor covering the element, so that the element itself is never re-created
 * (focus, a press under way and its listeners stay as they were).
 */
export function useLazyTooltip(title: ReactNode, placement: Placement = 'top'): LazyTooltip {
  const [used, setUsed] = useState(false);
  const [open, setOpen] = useState(false);
  const timer = useRef(0);
  const id = useId();
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const later = (next: boolean) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      if (next) setUsed(true);
      setOpen(next);
    }, DELAY_MS);
  };

  return {
    hover: {
      onPointerEnter: () => later(true),
      onPointerLeave: () => later(false),
      'aria-describedby': open ? id : undefined,
    },
    anchor: used ? (
      <Suspense fallback={null}>
        <Tooltip title={title} placement={placement} open={open} id={id}>
          <span className="lazy-tip-anchor" aria-hidden="true" />
        </Tooltip>
      </Suspense>
    ) : null,
  };
}
