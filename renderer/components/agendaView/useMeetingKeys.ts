// The live run's Next and Previous on an agenda item's view (PageDown or ".", PageUp or ","), as
// on the Agenda page (MeetingRun.tsx): the run moves on and the view follows it to the new
// current item's view, or back to the agenda when that item has none. A key a list on the view
// already used (PageDown moves through the exception list) is left to it.
import { useEffect, useRef, useState } from 'react';
import type { MeetingStateT } from '../../../shared/api';
import type { AppErrorShape } from '../../../shared/domain/errors';
import { agendaItemHash, agendaView } from '../../../shared/planning/agendaViews';
import { call } from '../../api/client';
import { useUserName } from '../../useUserName';
import { rememberOpened } from './returnFocus';

type Step = 'meeting.next' | 'meeting.previous';

/** Where the view goes once the run is on an item: that item's view, else the agenda. */
export function followRun(state: MeetingStateT): void {
  const item = state.items.find((i) => i.id === state.currentItemId);
  if (item && state.status === 'running' && agendaView(item)) {
    rememberOpened(item.id, 'run');
    window.location.hash = agendaItemHash(item.id);
  } else {
    if (item) rememberOpened(item.id, 'run');
    window.location.hash = '#/agenda';
  }
}

export function useMeetingKeys(): {
  state: MeetingStateT | null;
  error: AppErrorShape | null;
  step(name: Step): Promise<void>;
} {
  const [state, setState] = useState<MeetingStateT | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [userName] = useUserName();
  const running = state?.status === 'running';

  useEffect(() => {
    void call('meeting.state', {}).then((r) => (r.ok ? setState(r.data) : setError(r.error)));
  }, []);

  // One step at a time, as in MeetingRun: a key pressed again before the answer would skip an item.
  const stepping = useRef(false);
  async function step(name: Step): Promise<void> {
    if (stepping.current) return;
    stepping.current = true;
    const r = await call(name, { by: userName.trim() || 'Facilitator' }).finally(() => {
      stepping.current = false;
    });
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setState(r.data);
    followRun(r.data);
  }

  useEffect(() => {
    if (!running) return;
    const onKey = (e: KeyboardEvent): void => {
      const t = e.target as HTMLElement | null;
      if (e.repeat || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      if (t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
      if (e.key === 'PageDown' || e.key === '.') void step('meeting.next');
      else if (e.key === 'PageUp' || e.key === ',') void step('meeting.previous');
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return { state, error, step };
}
