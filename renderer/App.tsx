import { lazy, Suspense, useEffect } from 'react';
import { CaptureButton, CaptureHost } from './components/decisions/CaptureHost';
import { ErrorBanner } from './components/ErrorBanner';
import { AgendaPage } from './pages/AgendaPage';
import { ComingPage } from './pages/ComingPage';
import { DataPage } from './pages/DataPage';
import { DecisionsPage } from './pages/DecisionsPage';
import { ExceptionsPage } from './pages/ExceptionsPage';
import { ROUTES } from './routes';
import { SkipLink } from './SkipLink';
import { useCycleStore } from './stores/cycleStore';
import { useDocumentTitle } from './useDocumentTitle';
import { useRoute } from './useRoute';

// The Scenarios page carries the charts (ECharts): loaded when first opened, not at start.
const ScenariosPage = lazy(() => import('./pages/ScenariosPage').then((m) => ({ default: m.ScenariosPage })));

export function App() {
  const route = useRoute();
  const overview = useCycleStore((s) => s.overview);
  const status = useCycleStore((s) => s.status);
  const error = useCycleStore((s) => s.error);
  const loadOverview = useCycleStore((s) => s.loadOverview);

  useEffect(() => {
    void loadOverview();
  }, [loadOverview]);
  useDocumentTitle(route, overview?.cycle.name ?? null);

  return (
    <div className="frame" data-ready={status === 'ready' || status === 'error' ? 'true' : 'false'}>
      <SkipLink />
      <nav className="nav" aria-label="Main">
        <div className="brand">Planroom</div>
        <ul>
          {ROUTES.map((r) => (
            <li key={r.id}>
              <a href={`#/${r.id}`} aria-current={route === r.id ? 'page' : undefined}>
                <span>{r.label}</span>
                <kbd>{r.key}</kbd>
              </a>
            </li>
          ))}
        </ul>
        <CaptureButton />
        <div className="nav-foot">{overview ? overview.cycle.name : 'No cycle'}</div>
      </nav>
      {/* tabIndex -1: where the focus goes back to when what had it is gone. */}
      <main id="main" className="page" tabIndex={-1}>
        {error && <ErrorBanner error={error} onRetry={() => void loadOverview()} />}
        {route === 'agenda' && <AgendaPage />}
        {route === 'data' && <DataPage />}
        {route === 'exceptions' && <ExceptionsPage />}
        {route === 'scenarios' && (
          <Suspense fallback={<p className="muted">Loading…</p>}>
            <ScenariosPage />
          </Suspense>
        )}
        {route === 'decisions' && <DecisionsPage />}
        {route === 'sync' && (
          <ComingPage title="Sync" what="the outbox and delivery to the PostgreSQL hub and source systems" />
        )}
      </main>
      <CaptureHost />
    </div>
  );
}
