// The facilitator's strip in presenter mode, in place of the navigation: the item on now with
// its owner and time box, the next item, the meeting clock, and the keys to leave and to open
// the room view. It follows the run over the room channel, on every page.
import { shownName } from '../../../shared/domain/displayName';
import { PRESENTER_KEY, ROOM_VIEW_KEY, SHORTCUTS_KEY } from '../../shortcuts';
import { openRoomView } from './openRoomView';
import { usePresenterStore } from './presenterStore';
import { runView } from './runView';
import { useMeetingState } from './useMeetingState';

export function FacilitatorBar({ onShortcuts }: { onShortcuts(): void }) {
  const { state, now } = useMeetingState();
  const leave = usePresenterStore((s) => s.leave);
  const note = usePresenterStore((s) => s.fullScreenNote);
  const view = state ? runView(state, now) : null;

  return (
    <header className="facilitator-bar" aria-label="Facilitator">
      <div className="fb-now">
        <span className="fb-label">Now</span>
        {view?.current ? (
          <>
            <span className="fb-title">
              <strong>{shownName(view.current.title, 60)}</strong>{' '}
              <span className="fb-owner">· {shownName(view.current.ownerRole, 40)}</span>
            </span>
            <span className={view.over ? 'fb-box run-over' : 'fb-box'}>{view.timeBox}</span>
          </>
        ) : (
          <span>
            {state?.status === 'ended' ? 'The meeting has ended' : 'Not started: Start meeting on the Agenda (1)'}
          </span>
        )}
      </div>
      <div className="fb-next">
        <span className="fb-label">Next</span>
        {view?.next ? (
          <span className="fb-text">
            {shownName(view.next.title, 60)} · {shownName(view.next.ownerRole, 40)} · {view.next.minutes} min
          </span>
        ) : (
          <span>{state?.status === 'running' ? 'last item' : '–'}</span>
        )}
      </div>
      <div className="fb-clock" aria-label="Meeting clock">
        {view?.clock ?? '–'}
      </div>
      <div className="fb-buttons">
        <button type="button" onClick={() => openRoomView()} aria-keyshortcuts={ROOM_VIEW_KEY}>
          Room view <kbd>{ROOM_VIEW_KEY.toUpperCase()}</kbd>
        </button>
        <button type="button" onClick={onShortcuts} aria-keyshortcuts={SHORTCUTS_KEY}>
          Keys <kbd>{SHORTCUTS_KEY}</kbd>
        </button>
        <button type="button" onClick={() => void leave()} aria-keyshortcuts={`${PRESENTER_KEY} Escape`}>
          Leave <kbd>{PRESENTER_KEY.toUpperCase()}</kbd>
        </button>
      </div>
      {note && (
        <p className="fb-note" role="status">
          {note}
        </p>
      )}
    </header>
  );
}
