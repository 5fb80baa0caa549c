// Presenter mode's keys and pieces, mounted once in the app frame: `f` toggles the mode, `w`
// opens the room view, `?` the shortcuts, Escape leaves the mode when nothing else took it (a
// dialog, a detail panel); the facilitator bar replaces the navigation while presenting, and the
// page the facilitator is on is told to the room view.
import { useEffect, useState } from 'react';
import type { RouteId } from '../../routes';
import { SHORTCUTS_EVENT } from '../../commandTargets';
import { PRESENTER_KEY, ROOM_VIEW_KEY, SHORTCUTS_KEY } from '../../shortcuts';
import { isTyping } from '../decisions/captureFields';
import { FacilitatorBar } from './FacilitatorBar';
import { openRoomView } from './openRoomView';
import { usePresenterStore } from './presenterStore';
import { announce } from './roomChannel';
import { ShortcutsDialog } from './ShortcutsDialog';

export function PresenterHost({ route }: { route: RouteId }) {
  const presenting = usePresenterStore((s) => s.presenting);
  const [keysOpen, setKeysOpen] = useState(false);

  useEffect(() => announce({ kind: 'route', route }), [route]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.isComposing || e.defaultPrevented || isTyping(e.target)) return;
      // Another dialog (the decision form) keeps its keys to itself.
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      const store = usePresenterStore.getState();
      if (e.key === PRESENTER_KEY) void store.toggle();
      else if (e.key === ROOM_VIEW_KEY) openRoomView();
      else if (e.key === SHORTCUTS_KEY) setKeysOpen(true);
      else if (e.key === 'Escape' && store.presenting) void store.leave();
      else return;
      e.preventDefault();
    };
    // The browser's own Escape leaves full screen without a keydown: the mode follows it.
    const onFullScreen = (): void => {
      if (!document.fullscreenElement) usePresenterStore.getState().fullScreenLeft();
    };
    // Help > Keyboard shortcuts in the desktop menu opens the same dialog as `?`.
    const onShortcuts = (): void => setKeysOpen(true);
    window.addEventListener('keydown', onKey);
    window.addEventListener(SHORTCUTS_EVENT, onShortcuts);
    document.addEventListener('fullscreenchange', onFullScreen);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener(SHORTCUTS_EVENT, onShortcuts);
      document.removeEventListener('fullscreenchange', onFullScreen);
    };
  }, []);

  return (
    <>
      {presenting && <FacilitatorBar onShortcuts={() => setKeysOpen(true)} />}
      {keysOpen && <ShortcutsDialog onClose={() => setKeysOpen(false)} />}
    </>
  );
}
