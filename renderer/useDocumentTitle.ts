import { useEffect, useRef } from 'react';
import { documentTitle } from './documentTitle';
import type { RouteId } from './routes';

/**
 * Sets document.title from the route table and, when the page changes, moves the focus to the new
 * page's h1 (or <main>), so a screen reader announces where it landed and Tab starts from there.
 * A page that already put the focus inside <main> (a form, a row) keeps it: child effects run first.
 */
export function useDocumentTitle(route: RouteId, cycleName: string | null): void {
  useEffect(() => {
    document.title = documentTitle(route, cycleName);
  }, [route, cycleName]);

  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.getElementById('main');
    if (!main || main.contains(document.activeElement)) return;
    if (focusHeading(main)) return;
    // A page loaded on demand (Scenarios) has its heading later: <main> holds the focus until then.
    main.focus();
    const watch = new MutationObserver(() => {
      if (document.activeElement !== main || focusHeading(main)) watch.disconnect();
    });
    watch.observe(main, { childList: true, subtree: true });
    return () => watch.disconnect();
  }, [route]);
}

/** Focuses the page's h1 (by script only: the heading is not a tab stop); false when it has none yet. */
function focusHeading(main: HTMLElement): boolean {
  const h1 = main.querySelector('h1');
  if (!h1) return false;
  h1.tabIndex = -1;
  h1.focus();
  return true;
}
