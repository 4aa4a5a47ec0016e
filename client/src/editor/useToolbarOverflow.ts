/**
 * Which toolbar items do not fit on one line (a phone): measured once with everything shown, then, as the
 * toolbar's width changes, the items whose right edge would pass the "More" button are hidden (the toolbar
 * offers them in its "More" menu). Items are hidden from the end, so the ones before never move.
 */
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** Room kept for the "More" button itself. */
const MORE_WIDTH = 84;

export function useToolbarOverflow(barRef: RefObject<HTMLElement | null>, itemsSignature: string): string[] {
  const [hidden, setHidden] = useState<string[]>([]);
  const rights = useRef<{ key: string; right: number }[] | null>(null);
  const [measureTick, setMeasureTick] = useState(0);

  // New items (a table's controls appear): show everything once and measure again.
  useLayoutEffect(() => {
    rights.current = null;
    setHidden([]);
    setMeasureTick((t) => t + 1);
  }, [itemsSignature]);

  useLayoutEffect(() => {
    const bar = barRef.current;
    if (!bar) return;
    const compute = () => {
      // "right" is the far edge in the reading direction: measured from the bar's right edge in right-to-left.
      const rtl = getComputedStyle(bar).direction === 'rtl';
      if (!rights.current) {
        const box = bar.getBoundingClientRect();
        rights.current = [...bar.querySelectorAll<HTMLElement>('[data-overflow-key]')].map((el) => {
          const own = el.getBoundingClientRect();
          return { key: el.dataset.overflowKey!, right: rtl ? box.right - own.left : own.right - box.left };
        });
      }
      const width = bar.clientWidth - parseFloat(getComputedStyle(bar).paddingInlineEnd || '0');
      const total = Math.max(0, ...rights.current.map((r) => r.right));
      const next = total > width + 0.5 ? rights.current.filter((r) => r.right > width - MORE_WIDTH).map((r) => r.key) : [];
      setHidden((prev) => (prev.length === next.length && prev.every((k, i) => k === next[i]) ? prev : next));
    };
    compute();
    const observer = new ResizeObserver(compute);
    observer.observe(bar);
    return () => observer.disconnect();
  }, [barRef, measureTick]);

  return hidden;
}
