// Focus back on the agenda item whose view was open, when the agenda shows again: the view
// remembers the item (and whether it came from the live run or the list); the Agenda page
// takes it once and focuses that item's Open link as soon as it is rendered (the run's list
// arrives with meeting.state, after the page itself).
import { useEffect } from 'react';

type From = 'run' | 'list';
let opened: { itemId: number; from: From } | null = null;

/** Called when an item's view opens: the agenda focuses this item on return. */
export function rememberOpened(itemId: number, from: From): void {
  opened = { itemId, from };
}

/** The Open link of an item, in the run or the list. */
export const openLinkSelector = (itemId: number, from: From): string =>
  `${from === 'run' ? '.meeting-run ' : '.agenda-list '}[data-agenda-open="${itemId}"]`;

/** On the Agenda page: puts the focus on the item last opened, once its link is in the page. */
export function useReturnFocus(): void {
  useEffect(() => {
    const back = opened;
    if (!back) return;
    const selector = openLinkSelector(back.itemId, back.from);
    // Taken once it is focused (not before: a second run of this effect must find it again).
    const tryFocus = (): boolean => {
      const el = document.querySelector<HTMLElement>(selector);
      if (!el) return false;
      el.focus();
      opened = null;
      return true;
    };
    if (tryFocus()) return;
    const watch = new MutationObserver(() => {
      if (tryFocus()) watch.disconnect();
    });
    watch.observe(document.body, { childList: true, subtree: true });
    return () => watch.disconnect();
  }, []);
}
