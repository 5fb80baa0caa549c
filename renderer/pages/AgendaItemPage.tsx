// One agenda item's focused view (issue 16 item 2), at #/agenda/item/<id>: its KPIs on top, the
// breakdown by family, resource or lane, and the exceptions of its type (or, for finance, the
// scenarios in money; for the executive decisions, the decision log). Which view an item opens
// is shared/planning/agendaViews.ts. The focus goes to the heading on open; Escape or Back goes
// back to the agenda, where the focus returns to the item; the run's Next/Previous work here too.
import { useEffect, useRef, useState } from 'react';
import type { ApiOutput } from '../../shared/api';
import { agendaTarget } from '../../shared/planning/agendaViews';
import { FinanceSummary } from '../components/agendaView/FinanceSummary';
import { rememberOpened } from '../components/agendaView/returnFocus';
import { useMeetingKeys } from '../components/agendaView/useMeetingKeys';
import { ViewBreakdown } from '../components/agendaView/ViewBreakdown';
import { ViewExceptions } from '../components/agendaView/ViewExceptions';
import { ViewRunBar } from '../components/agendaView/ViewRunBar';
import { FollowUp } from '../components/decisions/FollowUp';
import { ErrorBanner } from '../components/ErrorBanner';
import { KpiStrip } from '../components/KpiStrip';
import { call } from '../api/client';
import { useCycleStore } from '../stores/cycleStore';
import { useDecisionStore } from '../stores/decisionStore';
import type { AppErrorShape } from '../../shared/domain/errors';
import { DecisionsPage } from './DecisionsPage';

type KpiList = ApiOutput<'kpi.list'>;

const backToAgenda = (): void => {
  window.location.hash = '#/agenda';
};

/** Escape goes back, unless something on the view took it first (a detail, a form, a list). */
function useEscapeBack(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape' || e.defaultPrevented || useDecisionStore.getState().capture) return;
      const t = e.target as HTMLElement | null;
      if (t?.closest('input, textarea, select, [contenteditable], form, dialog')) return;
      e.preventDefault();
      backToAgenda();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function AgendaItemPage({ itemId }: { itemId: number }) {
  const overview = useCycleStore((s) => s.overview);
  const status = useCycleStore((s) => s.status);
  const item = overview?.agenda.find((a) => a.id === itemId) ?? null;
  const target = item ? agendaTarget(item) : null;
  const view = target?.kind === 'view' ? target.view : null;
  const heading = useRef<HTMLHeadingElement>(null);
  const run = useMeetingKeys();
  const [kpis, setKpis] = useState<KpiList | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  useEscapeBack();

  // The agenda puts the focus back on this item: in the run's list when it is the item on now.
  const onNow = run.state?.status === 'running' && run.state.currentItemId === itemId;
  useEffect(() => rememberOpened(itemId, onNow ? 'run' : 'list'), [itemId, onNow]);

  // On open, and again once the cycle has loaded when the view was opened by its address.
  const found = item !== null;
  useEffect(() => {
    if (found) heading.current?.focus();
  }, [itemId, found]);

  // Each KPI of the view, in total and by its groups, put together as one list. The views are
  // constants (AGENDA_VIEWS), so this runs again only when the item opens another view.
  useEffect(() => {
    setKpis(null);
    if (!view || view.kpis.length === 0) return;
    let gone = false;
    void Promise.all(view.kpis.map((kpi) => call('kpi.list', { kpi, limit: 5000 }))).then((rs) => {
      if (gone) return;
      const bad = rs.find((r) => !r.ok);
      if (bad && !bad.ok) return setError(bad.error);
      const ok = rs.flatMap((r) => (r.ok ? [r.data] : []));
      setError(null);
      setKpis({ ...ok[0]!, total: ok.reduce((n, r) => n + r.total, 0), rows: ok.flatMap((r) => r.rows) });
    });
    return () => {
      gone = true;
    };
  }, [view]);

  if (!overview) return <p className="muted">{status === 'error' ? 'No cycle to show.' : 'Loading the cycle…'}</p>;

  const back = (
    <p className="small view-back">
      <a href="#/agenda">← Back to the agenda</a> <kbd>Esc</kbd>
    </p>
  );
  if (!item) {
    return (
      <section aria-labelledby="view-title" className="agenda-view">
        {back}
        <h1 id="view-title" tabIndex={-1}>
          No such agenda item
        </h1>
        <p>This cycle’s agenda has no item {itemId}: it was removed, or belongs to another cycle.</p>
      </section>
    );
  }

  const totals = kpis ? { ...kpis, rows: kpis.rows.filter((r) => r.dimension === 'total') } : null;
  return (
    <section aria-labelledby="view-title" className="agenda-view" data-view={view?.id ?? target?.kind}>
      <header className="page-head">
        <div>
          {back}
          <h1 id="view-title" tabIndex={-1} ref={heading}>
            {item.title}
          </h1>
          <p className="muted">
            {view ? `${view.label} · ` : ''}
            {item.ownerRole} · {item.minutes} min
          </p>
        </div>
        {run.state && <ViewRunBar state={run.state} itemId={itemId} onStep={(s) => void run.step(s)} />}
      </header>
      {run.error && <ErrorBanner error={run.error} />}
      {error && <ErrorBanner error={error} />}

      {target?.kind === 'none' && <p className="banner">{target.reason}</p>}
      {target?.kind === 'follow-up' && <FollowUp />}

      {view && view.kpis.length > 0 && (
        <div className="view-kpis">
          {totals ? <KpiStrip kpis={totals} /> : <p className="muted kpi-strip-wait">Loading the KPIs…</p>}
        </div>
      )}
      {view?.dimension && (
        <div className="card">
          {kpis ? <ViewBreakdown view={view} rows={kpis.rows} /> : <p className="muted">Loading…</p>}
        </div>
      )}
      {view && view.exceptionTypes.length > 0 && <ViewExceptions types={view.exceptionTypes} />}
      {view?.id === 'finance' && (
        <div className="card">
          <h2>Scenarios in money</h2>
          <FinanceSummary />
        </div>
      )}
      {view?.id === 'decisions' && <DecisionsPage />}
    </section>
  );
}
