// The app's pages, in navigation order. Hash routing: works over file:// and HTTP alike.
export const ROUTES = [
  { id: 'agenda', label: 'Agenda', key: '1' },
  { id: 'exceptions', label: 'Exceptions', key: '2' },
  { id: 'scenarios', label: 'Scenarios', key: '3' },
  { id: 'decisions', label: 'Decisions', key: '4' },
  { id: 'data', label: 'Data', key: '5' },
  { id: 'sync', label: 'Sync', key: '6' },
] as const;

export type RouteId = (typeof ROUTES)[number]['id'];

export function routeFromHash(hash: string): RouteId {
  const id = hash.replace(/^#\/?/, '');
  return ROUTES.find((r) => r.id === id)?.id ?? 'agenda';
}

/** The room view (#/room): a window of its own for the projector, not a page of the nav. */
export const isRoomHash = (hash: string): boolean => /^#\/?room(?:$|[/?])/.test(hash);
