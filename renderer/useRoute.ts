import { useEffect, useState } from 'react';
import { agendaItemFromHash, ROUTES, routeFromHash, type RouteId } from './routes';

/** The current page from the URL hash; keys 1-6 switch pages (facilitators drive by keyboard). */
export function useRoute(): RouteId {
  const [route, setRoute] = useState<RouteId>(() => routeFromHash(window.location.hash));
  useEffect(() => {
    const onHash = (): void => setRoute(routeFromHash(window.location.hash));
    const onKey = (e: KeyboardEvent): void => {
      const target = e.target as HTMLElement | null;
      if (e.altKey || e.ctrlKey || e.metaKey || target?.closest('input, textarea, select, [contenteditable]')) return;
      const r = ROUTES.find((x) => x.key === e.key);
      if (r) window.location.hash = `#/${r.id}`;
    };
    window.addEventListener('hashchange', onHash);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('keydown', onKey);
    };
  }, []);
  return route;
}

/** The agenda item whose view the URL shows (`#/agenda/item/<id>`), or null. */
export function useAgendaItemId(): number | null {
  const [id, setId] = useState<number | null>(() => agendaItemFromHash(window.location.hash));
  useEffect(() => {
    const onHash = (): void => setId(agendaItemFromHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return id;
}
