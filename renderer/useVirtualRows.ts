import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';

/**
 * Which rows of a long list of fixed-height rows to put in the DOM: those in view plus
 * `overscan` either side. The rows are placed absolutely at index × rowHeight inside a sizer of
 * count × rowHeight, so nothing moves when rows arrive and the scroll bar is the whole list's.
 */
export function useVirtualRows(
  box: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  overscan = 10,
): { first: number; last: number; reveal(index: number): void } {
  const [view, setView] = useState({ top: 0, height: 0 });

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    // Only a move to another row renders again: scrolling within a row changes nothing shown.
    const measure = (): void => {
      const top = Math.floor(el.scrollTop / rowHeight) * rowHeight;
      const height = el.clientHeight;
      setView((v) => (v.top === top && v.height === height ? v : { top, height }));
    };
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    const resize = new ResizeObserver(measure);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', measure);
      resize.disconnect();
    };
  }, [box, rowHeight]);

  /** Scrolls the least needed for the row to be wholly in view (the next render shows it). */
  const reveal = useCallback(
    (index: number) => {
      const el = box.current;
      if (!el) return;
      const top = index * rowHeight;
      let next = el.scrollTop;
      if (top < next) next = top;
      else if (top + rowHeight > next + el.clientHeight) next = top + rowHeight - el.clientHeight;
      if (next !== el.scrollTop) el.scrollTop = next;
      // Told now rather than on the scroll event, so the row is rendered before it is focused.
      setView({ top: Math.floor(el.scrollTop / rowHeight) * rowHeight, height: el.clientHeight });
    },
    [box, rowHeight],
  );

  const first = Math.max(0, Math.floor(view.top / rowHeight) - overscan);
  const last = Math.min(count - 1, Math.ceil((view.top + view.height) / rowHeight) + overscan);
  return { first, last, reveal };
}
