// Levers against a snapshot set: names resolved to the model's indexes (a name the snapshot set
// does not know is an error with its field), and the derived rows a scenario plans with. Every
// derivation is per row (item-location, resource, line, lane) from the baseline's row, so a
// scenario can re-derive everything and recompute only the rows that came out different.
import { AppError } from '../domain/errors';
import type { LeverT } from './levers';
import { Dict, leadPeriods, NO_INDEX, type PlanningModel } from './model';

const ANY = NO_INDEX;

export interface Resolved {
  /** The levers of each group as given: equal keys mean equal derived rows of that group. */
  keys: { itemLocations: string; capacity: string; expedite: string };
  lifts: { factor: number; family: number; region: number; from: number; to: number }[];
  capacity: { resource: number; from: number; to: number; hours: number; rate: number; shift: boolean }[];
  expedite: { lane: number; orders: Set<number> | null; days: number; costPerUnit: number }[];
  safety: { scale: boolean; value: number; family: number; abc: number; location: number }[];
  prebuild: { resource: number; family: number; from: number; to: number; earlier: number; share: number }[];
}

export const NO_LEVERS: Resolved = {
  keys: leverKeys([]),
  lifts: [],
  capacity: [],
  expedite: [],
  safety: [],
  prebuild: [],
};

function leverKeys(levers: readonly LeverT[]): Resolved['keys'] {
  const of = (kinds: string[]) => JSON.stringify(levers.filter((l) => kinds.includes(l.kind)));
  return {
    itemLocations: of(['demand_lift', 'safety_stock', 'prebuild']),
    capacity: of(['capacity']),
    expedite: of(['expedite']),
  };
}

const ABC = { A: 0, B: 1, C: 2 } as const;

/** The levers with names turned into indexes; throws an AppError naming the lever's field. */
export function resolveLevers(m: PlanningModel, levers: readonly LeverT[]): Resolved {
  const out: Resolved = {
    keys: leverKeys(levers),
    lifts: [],
    capacity: [],
    expedite: [],
    safety: [],
    prebuild: [],
  };
  levers.forEach((l, n) => {
    const key = (dict: Dict, value: string | null, field: string, what: string): number => {
      if (value === null) return ANY;
      const i = dict.get(value);
      if (i === NO_INDEX) {
        const known = dict.values.slice(0, 8).join(', ');
        throw new AppError('invalid_input', `Lever ${n + 1}: no ${what} "${value}" in this cycle's snapshot set.`, {
          where: { field: `levers.${n}.${field}`, value },
          hint: dict.size ? `Known: ${known}${dict.size > 8 ? ', ...' : ''}.` : `The snapshot set has no ${what}s.`,
        });
      }
      return i;
    };
    const period = (label: string | null, field: 'from' | 'to'): number => {
      if (label === null) return field === 'from' ? 0 : m.periods - 1;
      const t = m.horizon.indexOf(label);
      if (t < 0) {
        throw new AppError(
          'invalid_input',
          `Lever ${n + 1}: period ${label} is outside the cycle's horizon ${m.horizon[0]}..${m.horizon[m.periods - 1]}.`,
          {
            where: { field: `levers.${n}.${field}`, value: label },
            hint: 'Every scenario of a cycle shares its horizon; pick a period inside it.',
          },
        );
      }
      return t;
    };
    switch (l.kind) {
      case 'demand_lift':
        out.lifts.push({
          factor: 1 + l.percent / 100,
          family: key(m.families, l.family, 'family', 'family'),
          region: key(m.regions, l.region, 'region', 'region'),
          from: period(l.from, 'from'),
          to: period(l.to, 'to'),
        });
        break;
      case 'capacity':
        out.capacity.push({
          resource: key(m.resources, l.resource, 'resource', 'resource'),
          from: period(l.from, 'from'),
          to: period(l.to, 'to'),
          hours: l.hoursPerPeriod,
          rate: l.costPerHour,
          shift: l.how === 'extra_shift',
        });
        break;
      case 'expedite': {
        const orders = l.orders.length ? new Set(l.orders.map((o) => key(m.orders, o, 'orders', 'order'))) : null;
        out.expedite.push({
          lane: key(m.lanes, l.lane, 'lane', 'lane'),
          orders,
          days: l.daysFaster,
          costPerUnit: l.costPerUnit,
        });
        break;
      }
      case 'safety_stock':
        out.safety.push({
          scale: l.policy === 'scale',
          value: l.value,
          family: key(m.families, l.family, 'family', 'family'),
          abc: l.abc === null ? ANY : ABC[l.abc],
          location: key(m.locations, l.location, 'location', 'location'),
        });
        break;
      case 'prebuild':
        out.prebuild.push({
          resource: key(m.resources, l.resource, 'resource', 'resource'),
          family: key(m.families, l.family, 'family', 'family'),
          from: period(l.from, 'from'),
          to: period(l.to, 'to'),
          earlier: l.periodsEarlier,
          share: l.share / 100,
        });
        break;
    }
  });
  return out;
}

const matches = (want: number, have: number): boolean => want === ANY || want === have;

type Lift = Resolved['lifts'][number];
type Safety = Resolved['safety'][number];
type Prebuild = Resolved['prebuild'][number];

const familyOf = (b: PlanningModel, sku: number): number => (b.item.known[sku] ? b.item.family[sku]! : NO_INDEX);

/** Whether a lever names item-location i (its family, region, class, location, resource). */
export const liftApplies = (b: PlanningModel, l: Lift, i: number): boolean =>
  matches(l.family, familyOf(b, b.il.sku[i]!)) && matches(l.region, b.location.region[b.il.location[i]!]!);
export const safetyApplies = (b: PlanningModel, l: Safety, i: number): boolean => {
  const sku = b.il.sku[i]!;
  return (
    matches(l.family, familyOf(b, sku)) && matches(l.abc, b.item.abc[sku]!) && matches(l.location, b.il.location[i]!)
  );
};
export const prebuildApplies = (b: PlanningModel, l: Prebuild, i: number, makers: Int32Array): boolean => {
  if (!matches(l.family, familyOf(b, b.il.sku[i]!))) return false;
  for (const k of makers) if (b.routing.resource[k] === l.resource) return true;
  return false;
};

/** Forecast row of item-location i with the demand lifts that name it. */
export function deriveForecast(b: PlanningModel, v: Resolved, i: number, out: Float64Array): void {
  const P = b.periods;
  out.set(b.il.forecast.subarray(i * P, i * P + P));
  for (const l of v.lifts) {
    if (!liftApplies(b, l, i)) continue;
    for (let t = l.from; t <= l.to; t++) out[t]! *= l.factor;
  }
}

/**
 * Safety stock of item-location i under the policy levers that name it (in order: a scale
 * multiplies, weeks of cover replaces with that many periods of the scenario's average forecast).
 */
export function deriveSafetyStock(b: PlanningModel, v: Resolved, i: number, forecastRow: Float64Array): number {
  let ss = b.il.safetyStock[i]!;
  for (const l of v.safety) {
    if (!safetyApplies(b, l, i)) continue;
    if (l.scale) ss *= 1 + l.value / 100;
    else {
      let sum = 0;
      for (let t = 0; t < forecastRow.length; t++) sum += forecastRow[t]!;
      ss = (l.value * sum) / Math.max(1, forecastRow.length);
    }
  }
  return Math.max(0, ss);
}

/**
 * Receipts of item-location i when its safety stock moves by `delta`: the planner replenishes the
 * difference to arrive after the replenishment lead time, or cancels planned receipts from then on
 * when the policy lowers it. A lead time past the horizon changes nothing inside it.
 */
export function deriveReceipts(b: PlanningModel, i: number, delta: number, out: Float64Array): void {
  const P = b.periods;
  out.set(b.il.receipts.subarray(i * P, i * P + P));
  const t0 = leadPeriods(b, i);
  if (delta === 0 || t0 >= P) return;
  if (delta > 0) {
    out[t0]! += delta;
    return;
  }
  let release = -delta;
  for (let t = t0; t < P && release > 0; t++) {
    const cut = Math.min(out[t]!, release);
    out[t]! -= cut;
    release -= cut;
  }
}

/** Production row of item-location i with the pre-builds on a resource that makes it. */
export function deriveProduction(
  b: PlanningModel,
  v: Resolved,
  i: number,
  makers: Int32Array,
  out: Float64Array,
): void {
  const P = b.periods;
  out.set(b.il.production.subarray(i * P, i * P + P));
  for (const l of v.prebuild) {
    if (!prebuildApplies(b, l, i, makers)) continue;
    // Ascending: what lands in an earlier period of the range is not moved twice.
    for (let t = l.from; t <= l.to; t++) {
      const moved = out[t]! * l.share;
      out[t]! -= moved;
      out[Math.max(0, t - l.earlier)]! += moved;
    }
  }
}

/** Capacity row of resource r with the overtime and extra shifts on it. */
export function deriveCapacity(b: PlanningModel, v: Resolved, r: number, out: Float64Array): void {
  const P = b.periods;
  out.set(b.resource.capacity.subarray(r * P, r * P + P));
  for (const l of v.capacity) if (l.resource === r) for (let t = l.from; t <= l.to; t++) out[t]! += l.hours;
}

/** The expedite lever that moves order line i to a faster mode (the first that names it), or null. */
export function expediteOf(b: PlanningModel, v: Resolved, i: number): Resolved['expedite'][number] | null {
  if (v.expedite.length === 0) return null;
  const L = b.line;
  // Only open lines with a planned shipment can move; delivered or unshipped lines cannot.
  if (L.status[i] !== 0 || Number.isNaN(L.etaDay[i]!)) return null;
  for (const l of v.expedite) {
    if ((l.orders === null || l.orders.has(L.order[i]!)) && matches(l.lane, L.lane[i]!)) return l;
  }
  return null;
}
