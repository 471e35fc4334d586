import { forwardRef, useImperativeHandle, useRef, useState } from 'react';

export interface HintTooltipHandle {
  show(text: string, anchor: HTMLElement): void;
  hide(): void;
}

/**
 * One shared hover tooltip per table (a tooltip component per cell would cost 200 instances):
 * the row's explanation, the cell's path and its findings, shown after a short pause.
 */
export const HintTooltip = forwardRef<HintTooltipHandle>(function HintTooltip(_, ref) {
  const [tip, setTip] = useState<{ text: string; x: number; y: number; below: boolean } | null>(null);
  const timer = useRef<number | null>(null);
  const current = useRef<HTMLElement | null>(null);

  useImperativeHandle(ref, () => ({
    show(text, anchor) {
      if (current.current === anchor) return;
      current.current = anchor;
      if (timer.current) window.clearTimeout(timer.current);
      setTip(null);
      if (!text) return;
      timer.current = window.setTimeout(() => {
        const r = anchor.getBoundingClientRect();
        const below = r.bottom + 120 < window.innerHeight;
        setTip({ text, x: Math.min(r.left, window.innerWidth - 340), y: below ? r.bottom + 6 : r.top - 6, below });
      }, 450);
    },
    hide() {
      current.current = null;
      if (timer.current) window.clearTimeout(timer.current);
      setTip(null);
    },
  }));

  if (!tip) return null;
  const [first, ...rest] = tip.text.split('\n');
  return (
    <div className={`hint-tip${tip.below ? '' : ' above'}`} style={{ left: tip.x, top: tip.y }} aria-hidden="true">
      <div className="hint-tip-title">{first}</div>
      {rest.map((line, i) => (
        <div key={i} className="hint-tip-line">
          {line}
        </div>
      ))}
    </div>
  );
});
