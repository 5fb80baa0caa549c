// On an agenda item's view while the meeting runs: the item on now and the run's Previous and
// Next (PageUp/PageDown or ","/"."), so the facilitator never goes back to the agenda to move on.
import type { MeetingStateT } from '../../../shared/api';
import { cutInput } from '../../../shared/domain/errors';

export function ViewRunBar({
  state,
  itemId,
  onStep,
}: {
  state: MeetingStateT;
  itemId: number;
  onStep(name: 'meeting.next' | 'meeting.previous'): void;
}) {
  if (state.status !== 'running') return null;
  const at = state.items.findIndex((i) => i.id === state.currentItemId);
  const current = state.items[at];
  return (
    <div className="view-run" role="group" aria-label="Meeting run">
      <p className="small">
        Meeting running · item {at + 1} of {state.items.length}
        {current && current.id !== itemId && <> · on now: {cutInput(current.title, 80)}</>}
      </p>
      <button type="button" onClick={() => onStep('meeting.previous')} aria-keyshortcuts="PageUp">
        Previous <kbd>PgUp</kbd>
      </button>
      <button type="button" className="primary" onClick={() => onStep('meeting.next')} aria-keyshortcuts="PageDown">
        Next <kbd>PgDn</kbd>
      </button>
    </div>
  );
}
