// The live run of the agenda: Start turns the list into the meeting, the current item
// highlighted with its time box counting down (an overrun says "+N min" in words, not only in
// colour), the meeting clock, who is present, and Next/Previous/End by button or key (PageDown
// or ".", PageUp or ","). The server records the times; the ticking is display only.
import { useEffect, useRef, useState } from 'react';
import type { ApiName, ApiOutput, MeetingStateT } from '../../../shared/api';
import type { AppErrorShape } from '../../../shared/domain/errors';
import { shownName } from '../../../shared/domain/displayName';
import { call } from '../../api/client';
import { useUserName } from '../../useUserName';
import { ErrorBanner } from '../ErrorBanner';
import { OpenItemLink } from '../agendaView/OpenItemLink';
import { openCurrentView } from '../agendaView/openCurrentView';
import { meetingSeconds, mmss, secondsOn } from './runClock';

type Step = Extract<ApiName, 'meeting.start' | 'meeting.next' | 'meeting.previous' | 'meeting.end'>;

/** The browser's clock, re-read every second while the meeting runs. */
function useNow(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, [running]);
  return running ? now : Date.now();
}

export function MeetingRun({ onChange }: { onChange?: () => void }) {
  const [state, setState] = useState<MeetingStateT | null>(null);
  const [present, setPresent] = useState<ApiOutput<'attendee.list'>>([]);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [userName] = useUserName();
  const running = state?.status === 'running';
  const now = useNow(running);

  useEffect(() => {
    void call('meeting.state', {}).then((r) => (r.ok ? setState(r.data) : setError(r.error)));
    void call('attendee.list', {}).then((r) => r.ok && setPresent(r.data.filter((a) => a.present)));
  }, []);

  // One step at a time: a key pressed again before the server answered would skip an item.
  const stepping = useRef(false);
  async function step(name: Step): Promise<void> {
    if (stepping.current) return;
    stepping.current = true;
    const r = await call(name, { by: userName.trim() || 'Facilitator' }).finally(() => {
      stepping.current = false;
    });
    if (r.ok) {
      setState(r.data);
      setError(null);
      onChange?.();
    } else setError(r.error);
  }

  useEffect(() => {
    if (!running) return;
    const onKey = (e: KeyboardEvent): void => {
      const t = e.target as HTMLElement | null;
      if (e.repeat || (t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName)))) return;
      if (e.key === 'PageDown' || e.key === '.') void step('meeting.next');
      else if (e.key === 'PageUp' || e.key === ',') void step('meeting.previous');
      else if (e.key === 'o' || (e.key === 'Enter' && !t?.closest('a, button, summary, [role="row"]'))) {
        // o, or Enter when no control has the focus: the current item's view (agendaView/).
        if (!state || !openCurrentView(state)) return;
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (!state) return error ? <ErrorBanner error={error} /> : null;
  const clock = meetingSeconds(state, now);
  const current = state.items.find((i) => i.id === state.currentItemId) ?? null;
  return (
    <section className="card meeting-run" aria-label="Meeting run">
      <header className="meeting-head">
        <h2>
          Meeting{' '}
          <span className="muted small">
            {state.status === 'not_started' ? 'not started' : state.status === 'running' ? 'running' : 'ended'}
          </span>
        </h2>
        <p className="meeting-clock" aria-label="Meeting clock">
          {clock === null ? '–' : mmss(clock)}
        </p>
        <p className="small">
          Present:{' '}
          {present.length === 0 ? (
            <span className="muted">nobody ticked yet</span>
          ) : (
            present.map((a) => shownName(a.name)).join(', ')
          )}
        </p>
        <div className="meeting-buttons">
          {state.status === 'not_started' && (
            <button type="button" className="primary" onClick={() => void step('meeting.start')}>
              Start meeting
            </button>
          )}
          {running && (
            <>
              <button type="button" onClick={() => void step('meeting.previous')} aria-keyshortcuts="PageUp">
                Previous <kbd>PgUp</kbd>
              </button>
              <button
                type="button"
                className="primary"
                onClick={() => void step('meeting.next')}
                aria-keyshortcuts="PageDown"
              >
                Next <kbd>PgDn</kbd>
              </button>
              <button type="button" onClick={() => void step('meeting.end')}>
                End meeting
              </button>
            </>
          )}
        </div>
      </header>
      {error && <ErrorBanner error={error} />}
      {state.status !== 'not_started' && (
        <ol className="agenda run-list">
          {state.items.map((item) => {
            const on = item.id === current?.id;
            const spent = secondsOn(item, now);
            const left = item.minutes * 60 - spent;
            const over = Math.ceil(-left / 60);
            return (
              <li key={item.id} className={on ? 'run-current' : undefined} aria-current={on ? 'step' : undefined}>
                <span className="agenda-title">{item.title}</span>
                <span className="muted">{item.ownerRole}</span>
                <span className="agenda-min">{item.minutes} min</span>
                <span className={on && left < 0 ? 'run-time run-over' : 'run-time'} aria-live={on ? 'off' : undefined}>
                  {on
                    ? left >= 0
                      ? `${mmss(left)} left`
                      : `+${over} min over`
                    : item.actualMinutes === null
                      ? 'not recorded'
                      : item.actualMinutes < 1
                        ? 'under 1 min taken'
                        : `${Math.round(item.actualMinutes)} min taken`}
                </span>
                {on && <OpenItemLink item={item} from="run" keys="o" />}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
