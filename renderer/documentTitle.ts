import { ROUTES, type RouteId } from './routes';

/** "Exceptions · 2026-12 S&OP · Planroom": the page, then the cycle, so tabs and window lists tell them apart. */
export function documentTitle(route: RouteId, cycleName: string | null): string {
  const label = ROUTES.find((r) => r.id === route)?.label ?? 'Planroom';
  return [label, cycleName, 'Planroom'].filter((p): p is string => !!p).join(' · ');
}
