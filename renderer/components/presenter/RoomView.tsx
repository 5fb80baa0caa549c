// The room view (#/room, a second window or the second display): what the room reads from the
// back row while the laptop keeps the facilitator's view. The item on now, big, with its owner,
// time box and the meeting clock, the next item, and the KPI headline for that item's owner
// (all five when none is theirs). It follows the facilitator over the room channel; the server
// (meeting.state) is the truth on load and after each step. No navigation, no keys of its own.
import { useEffect, useState } from 'react';
import type { ApiOutput } from '../../../shared/api';
import { shownName } from '../../../shared/domain/displayName';
import { call } from '../../api/client';
import { ROUTES, type RouteId } from '../../routes';
import { useCycleStore } from '../../stores/cycleStore';
import { ErrorBanner } from '../ErrorBanner';
import { KpiStrip } from '../KpiStrip';
import { runView } from './runView';
import { useMeetingState } from './useMeetingState';

type Kpis = ApiOutput<'kpi.list'>;

/** The KPIs owned by the item's owner role; all of them when the owner has none. */
function kpisFor(kpis: Kpis, ownerRole: string | undefined): Kpis {
  const theirs = kpis.rows.filter((k) => k.ownerRole === ownerRole);
  return theirs.length > 0 ? { ...kpis, rows: theirs } : kpis;
}

export function RoomView() {
  const [route, setRoute] = useState<RouteId | null>(null);
  const { state, error, now } = useMeetingState((m) => m.kind === 'route' && setRoute(m.route));
  const [kpis, setKpis] = useState<Kpis | null>(null);
  const loadOverview = useCycleStore((s) => s.loadOverview);
  const cycleName = useCycleStore((s) => s.overview?.cycle.name);

  useEffect(() => {
    document.documentElement.classList.add('presenting', 'room');
    document.title = 'Planroom — room view';
    // The cycle gives the money its currency (useNumberStyle) and the room its cycle's name.
    void loadOverview();
    void call('kpi.list', { dimension: 'total' }).then((r) => r.ok && setKpis(r.data));
  }, [loadOverview]);

  const view = state ? runView(state, now) : null;
  const page = ROUTES.find((r) => r.id === route)?.label;
  return (
    <main className="room-view" aria-label="Room view" data-ready={state ? 'true' : 'false'}>
      {error && <ErrorBanner error={error} />}
      <header className="room-head">
        <p className="room-position">
          {cycleName ? `${shownName(cycleName, 60)} · ` : ''}
          {view?.position ?? (state?.status === 'ended' ? 'Meeting ended' : 'Not started')}
        </p>
        <p className="room-clock" aria-label="Meeting clock">
          {view?.clock ?? '–'}
        </p>
      </header>
      <section className="room-current" aria-label="On now">
        {view?.current ? (
          <>
            <h1 className="room-title">{shownName(view.current.title, 80)}</h1>
            <p className="room-owner">
              {shownName(view.current.ownerRole, 40)} · {view.current.minutes} min
            </p>
            <p className={view.over ? 'room-box run-over' : 'room-box'}>{view.timeBox}</p>
          </>
        ) : (
          <h1 className="room-title">
            {state?.status === 'ended' ? 'The meeting has ended' : 'The meeting has not started'}
          </h1>
        )}
      </section>
      {kpis && kpis.rows.length > 0 ? (
        <KpiStrip kpis={kpisFor(kpis, view?.current?.ownerRole)} />
      ) : (
        <p className="muted">KPIs: no data</p>
      )}
      <footer className="room-foot">
        <span>
          Next:{' '}
          {view?.next
            ? `${shownName(view.next.title, 60)} · ${shownName(view.next.ownerRole, 40)}`
            : state?.status === 'running'
              ? 'last item'
              : '–'}
        </span>
        {page && <span className="muted">On screen: {page}</span>}
      </footer>
    </main>
  );
}
