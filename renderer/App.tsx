import { lazy, Suspense, useEffect } from 'react';
import { CaptureButton, CaptureHost } from './components/decisions/CaptureHost';
import { ErrorBanner } from './components/ErrorBanner';
import { PresentButton } from './components/presenter/PresentButton';
import { PresenterHost } from './components/presenter/PresenterHost';
import { AgendaItemPage } from './pages/AgendaItemPage';
import { AgendaPage } from './pages/AgendaPage';
import { DataPage } from './pages/DataPage';
import { DecisionsPage } from './pages/DecisionsPage';
import { ExceptionsPage } from './pages/ExceptionsPage';
import { SyncPage } from './pages/SyncPage';
import { useDesktopCommands } from './desktopCommands';
import { ROUTES } from './routes';
import { SkipLink } from './SkipLink';
import { ThemeChoice } from './components/ThemeChoice';
import { useCycleStore } from './stores/cycleStore';
import { useDocumentTitle } from './useDocumentTitle';
import { useAgendaItemId, useRoute } from './useRoute';

// The Scenarios page carries the charts (ECharts): loaded when first opened, not at start.
const ScenariosPage = lazy(() => import('./pages/ScenariosPage').then((m) => ({ default: m.ScenariosPage })));

export function App() {
  const route = useRoute();
  const agendaItem = useAgendaItemId();
  const overview = useCycleStore((s) => s.overview);
  const status = useCycleStore((s) => s.status);
  const error = useCycleStore((s) => s.error);
  const loadOverview = useCycleStore((s) => s.loadOverview);

  useEffect(() => {
    void loadOverview();
  }, [loadOverview]);
  useDocumentTitle(route, overview?.cycle.name ?? null);
  // The desktop menu's commands (Electron only).
  useDesktopCommands();

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
        <PresentButton className="capture-open" />
        <div className="nav-foot">{overview ? overview.cycle.name : 'No cycle'}</div>
        <ThemeChoice />
      </nav>
      {/* tabIndex -1: where the focus goes back to when what had it is gone. */}
      <main id="main" className="page" tabIndex={-1}>
        {error && <ErrorBanner error={error} onRetry={() => void loadOverview()} />}
        {route === 'agenda' && (agendaItem === null ? <AgendaPage /> : <AgendaItemPage itemId={agendaItem} />)}
        {route === 'data' && <DataPage />}
        {route === 'exceptions' && <ExceptionsPage />}
        {route === 'scenarios' && (
          <Suspense fallback={<p className="muted">Loading…</p>}>
            <ScenariosPage />
          </Suspense>
        )}
        {route === 'decisions' && <DecisionsPage />}
        {route === 'sync' && <SyncPage />}
      </main>
      <CaptureHost />
      <PresenterHost route={route} />
    </div>
  );
}
