import { PageHead } from '../components/PageHead';
import { useShallow } from 'zustand/react/shallow';
import { useEffect, useState } from 'react';
import { call } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { ExceptionRollup } from '../components/ExceptionRollup';
import { ExceptionTable } from '../components/ExceptionTable';
import { KpiSettings } from '../components/KpiSettings';
import { KpiStrip } from '../components/KpiStrip';
import { PlanningSettingsForm } from '../components/PlanningSettingsForm';
import { fmtDateTime } from '../format';
import { useExceptionStore } from '../stores/exceptionStore';
import { useUserName } from '../useUserName';

/** Exception review: KPIs on top, the ranked list beside its roll-up, and the settings behind them. */
export function ExceptionsPage() {
  const { page, kpis, error, loading, load } = useExceptionStore(
    // Only what it shows: the rows arriving window by window while the list scrolls re-render the list, not this.
    useShallow((s) => ({ page: s.page, kpis: s.kpis, error: s.error, loading: s.loading, load: s.load })),
  );
  const [userName, setUserName] = useUserName();
  const [settingsOpen, setSettingsOpen] = useState(false);
  useEffect(() => {
    void load();
  }, [load]);

  async function recompute(): Promise<void> {
    await call('engine.recompute', {});
    await load();
  }

  return (
    <section aria-label="Exceptions" data-loading={loading ? 'true' : 'false'}>
      <PageHead title="Exceptions" userName={userName} onUserName={setUserName} nameFor="for reviews and settings" />
      {error && <ErrorBanner error={error} onRetry={() => void load()} />}
      {loading && !page && (
        <p className="banner" role="status">
          Computing the projection, exceptions and KPIs of this cycle (the first time loads its snapshot set)…
        </p>
      )}
      {kpis && <KpiStrip kpis={kpis} />}
      <div className="exceptions-layout">
        <div className="card">
          <h2>Ranked by value at risk</h2>
          <ExceptionTable />
        </div>
        <div className="card">
          <h2>Roll-up</h2>
          <ExceptionRollup />
          {page && (
            <p className="muted small">
              Computed {fmtDateTime(page.computation.computedAt)} in {page.computation.computeMs} ms
              {page.computation.loadMs > 0 && ` (+${page.computation.loadMs} ms loading the snapshot set)`}.{' '}
              <button type="button" className="link" onClick={() => void recompute()}>
                Recompute
              </button>
            </p>
          )}
        </div>
      </div>
      <div className="card">
        <h2>
          <button
            type="button"
            className="link"
            aria-expanded={settingsOpen}
            onClick={() => setSettingsOpen(!settingsOpen)}
          >
            {settingsOpen ? '▾' : '▸'} KPI and engine settings
          </button>
        </h2>
        {settingsOpen && (
          <>
            <PlanningSettingsForm userName={userName.trim()} />
            <KpiSettings userName={userName.trim()} />
          </>
        )}
      </div>
    </section>
  );
}
