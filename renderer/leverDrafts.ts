// Levers while they are edited: a new one of each kind with sensible first values from the
// cycle's keys, the one-line description (or why it is not valid yet), and where an API error
// about `levers.N.field` belongs.
import type { ApiOutput } from '../shared/api';
import type { AppErrorShape } from '../shared/domain/errors';
import { describeLever, Lever, type LeverKind, type LeverT } from '../shared/planning/levers';

type Keys = ApiOutput<'scenario.keys'>;

export function newLever(kind: LeverKind, keys: Keys | null, periods: string[]): LeverT {
  const resource = keys?.resources[0] ?? '';
  switch (kind) {
    case 'demand_lift':
      return { kind, percent: 10, family: null, region: null, from: null, to: null };
    case 'capacity':
      return { kind, resource, how: 'overtime', hoursPerPeriod: 40, costPerHour: 60, from: null, to: null };
    case 'expedite':
      return { kind, lane: keys?.lanes[0] ?? null, orders: [], mode: 'air', daysFaster: 3, costPerUnit: 5 };
    case 'safety_stock':
      return { kind, policy: 'scale', value: 10, family: null, abc: null, location: null };
    case 'prebuild':
      return {
        kind,
        resource,
        family: null,
        from: periods[2] ?? periods[0] ?? '',
        to: periods[3] ?? periods[0] ?? '',
        periodsEarlier: 1,
        share: 100,
      };
  }
}

/** What the lever does in words, or what is still wrong with it. */
export function leverLine(l: LeverT): { ok: boolean; text: string } {
  const r = Lever.safeParse(l);
  if (r.success) return { ok: true, text: describeLever(r.data) };
  const issue = r.error.issues[0]!;
  const where = issue.path.join('.');
  return { ok: false, text: `Not valid yet: ${where ? `${where}: ` : ''}${issue.message}` };
}

/** An error the server found in lever N (field path `levers.N.field`), or null. */
export function leverErrorAt(error: AppErrorShape | null): { index: number; field: string | null } | null {
  const paths = [error?.where?.field, ...(error?.details ?? []).map((d) => d.where?.field)];
  for (const p of paths) {
    const m = p ? /^levers\.(\d+)(?:\.(.+))?$/.exec(p) : null;
    if (m) return { index: Number(m[1]), field: m[2] ?? null };
  }
  return null;
}
