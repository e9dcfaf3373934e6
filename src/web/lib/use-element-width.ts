import { type RefObject, useEffect, useState } from 'react';

/**
 * The rendered width of an element in CSS pixels, kept current as it resizes (ResizeObserver); 0
 * before it is laid out. A chart decides its layout by its own width, not the screen's: the same
 * chart sits full-width on a phone and in a narrow column on a desktop.
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.getBoundingClientRect().width);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w !== undefined) setWidth(w);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
