// The meeting run as a view that is not the Agenda page sees it (the facilitator bar, the room
// view): meeting.state from the server on mount and again whenever the channel says the run
// moved, with the browser's clock ticking every second while it runs for the time boxes.
import { useEffect, useRef, useState } from 'react';
import type { MeetingStateT } from '../../../shared/api';
import type { AppErrorShape } from '../../../shared/domain/errors';
import { call } from '../../api/client';
import { listen, type RoomMessage } from './roomChannel';

// A window that cannot share the channel (another browser profile, a file:// window) still
// catches up, just later; the channel is what makes a step show at once.
const CATCH_UP_MS = 15_000;

export function useMeetingState(onMessage?: (m: RoomMessage) => void): {
  state: MeetingStateT | null;
  error: AppErrorShape | null;
  now: number;
} {
  const [state, setState] = useState<MeetingStateT | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [now, setNow] = useState(() => Date.now());
  // Read when a message comes: a new function each render must not reconnect the channel.
  const heard = useRef(onMessage);
  heard.current = onMessage;

  useEffect(() => {
    let live = true;
    const load = (): void => {
      void call('meeting.state', {}).then((r) => {
        if (!live) return;
        if (r.ok) {
          setState(r.data);
          setError(null);
        } else setError(r.error);
      });
    };
    load();
    const stop = listen((m) => {
      if (m.kind === 'run') load();
      heard.current?.(m);
    });
    const catchUp = window.setInterval(load, CATCH_UP_MS);
    return () => {
      live = false;
      stop();
      window.clearInterval(catchUp);
    };
  }, []);

  const running = state?.status === 'running';
  useEffect(() => {
    if (!running) return;
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, [running]);

  return { state, error, now: running ? now : Date.now() };
}
