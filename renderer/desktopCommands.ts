// The desktop menu's commands (electron/shell/menu.ts) carried out in the page, each the way a
// user would do it by hand: go to the page, then focus the field or press the button there, so
// the page's own busy state, errors and results show as usual. Browser mode has no
// window.planroom: nothing is subscribed and nothing changes.
import { useEffect } from 'react';
import type { MenuCommand } from '../shared/desktop/channels';
import { usePresenterStore } from './components/presenter/presenterStore';
import { COMMAND_TARGETS, SHORTCUTS_EVENT } from './commandTargets';
import type { RouteId } from './routes';

export interface CommandRunner {
  run(command: MenuCommand): void;
  /** Stops waiting for a page that has not shown yet. */
  dispose(): void;
}

/**
 * Goes to `route`, then hands the element with `id` to `act` as soon as the page renders it:
 * a MutationObserver waits for the page (an event, not a timer); a newer command replaces it.
 */
export function commandRunner(doc: Document = document): CommandRunner {
  let waiting: MutationObserver | null = null;

  function stopWaiting(): void {
    waiting?.disconnect();
    waiting = null;
  }

  function whenShown(route: RouteId, id: string, act: (el: HTMLElement) => void): void {
    stopWaiting();
    if (window.location.hash !== `#/${route}`) window.location.hash = `#/${route}`;
    const now = doc.getElementById(id);
    if (now) {
      act(now);
      return;
    }
    const observer = new MutationObserver(() => {
      const el = doc.getElementById(id);
      if (!el) return;
      stopWaiting();
      act(el);
    });
    observer.observe(doc.body, { childList: true, subtree: true });
    waiting = observer;
  }

  const focus = (el: HTMLElement): void => {
    el.scrollIntoView({ block: 'center' });
    el.focus();
  };

  return {
    run(command) {
      switch (command) {
        case 'import':
          return whenShown('data', COMMAND_TARGETS.import, focus);
        case 'new-cycle':
          return whenShown('data', COMMAND_TARGETS['new-cycle'], focus);
        case 'export-minutes':
          return whenShown('decisions', COMMAND_TARGETS['export-minutes'], (el) => {
            focus(el);
            el.click();
          });
        case 'presenter':
          // Exactly what the `f` key does (PresenterHost).
          void usePresenterStore.getState().toggle();
          return;
        case 'shortcuts':
          window.dispatchEvent(new Event(SHORTCUTS_EVENT));
          return;
      }
    },
    dispose: stopWaiting,
  };
}

/** Subscribes the page to the menu's commands, in the Electron window only. Used once, in App. */
export function useDesktopCommands(): void {
  useEffect(() => {
    const bridge = window.planroom;
    if (!bridge) return;
    const runner = commandRunner();
    const off = bridge.onCommand((c) => runner.run(c));
    return () => {
      off();
      runner.dispose();
    };
  }, []);
}
