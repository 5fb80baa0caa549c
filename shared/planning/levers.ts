// Scenario levers (DOMAIN.md, "Scenarios"): what a scenario changes on top of the cycle's
// baseline snapshot set. Stored as JSON in scenarios.levers, validated here on every way in (UI,
// HTTP, CLI), and applied by applyLevers.ts. Period ranges are inclusive; null means the whole
// horizon. Keys (family, region, resource, lane, orders) are checked against the snapshot set
// when the scenario is computed, since only the engine knows them.
import { z } from 'zod';
import { isPeriod } from '../domain/period';

const Period = z.string().refine(isPeriod, 'an ISO week such as 2026-W49');
const Key = z.string().trim().min(1).max(120);
const OptionalKey = Key.nullable().default(null);
const range = { from: Period.nullable().default(null), to: Period.nullable().default(null) };

export const DemandLift = z.object({
  kind: z.literal('demand_lift'),
  /** Forecast change in percent: 10 lifts the forecast by 10%, -20 cuts it by a fifth. */
  percent: z.number().min(-100).max(1000),
  family: OptionalKey,
  /** The region of the item-location's site (ERP locations). */
  region: OptionalKey,
  ...range,
});

export const CapacityChange = z.object({
  kind: z.literal('capacity'),
  resource: Key,
  /** Overtime is paid for the hours the load uses; an extra shift is paid in full. */
  how: z.enum(['overtime', 'extra_shift']),
  hoursPerPeriod: z.number().positive().max(10_000),
  costPerHour: z.number().min(0).max(100_000),
  ...range,
});

export const Expedite = z
  .object({
    kind: z.literal('expedite'),
    /** The open order lines shipping on this lane move to the faster mode... */
    lane: OptionalKey,
    /** ...or those of these orders (on that lane, when both are given). */
    orders: z.array(Key).max(1000).default([]),
    mode: z.enum(['air', 'road', 'rail', 'sea']).default('air'),
    /** How much earlier the faster mode delivers than the planned shipment's ETA. */
    daysFaster: z.number().int().min(1).max(90),
    costPerUnit: z.number().min(0).max(1_000_000),
  })
  .refine((e) => e.lane !== null || e.orders.length > 0, { message: 'a lane or at least one order', path: ['lane'] });

export const SafetyStockPolicy = z
  .object({
    kind: z.literal('safety_stock'),
    /** scale: value is a percent change of today's safety stock; weeks_of_cover: value is weeks of demand. */
    policy: z.enum(['scale', 'weeks_of_cover']),
    value: z.number().min(-100).max(1000),
    family: OptionalKey,
    abc: z.enum(['A', 'B', 'C']).nullable().default(null),
    location: OptionalKey,
  })
  .refine((s) => s.policy === 'scale' || (s.value >= 0 && s.value <= 52), {
    message: 'weeks of cover between 0 and 52',
    path: ['value'],
  });

export const Prebuild = z
  .object({
    kind: z.literal('prebuild'),
    resource: Key,
    family: OptionalKey,
    /** The production planned in from..to is made periodsEarlier periods earlier (share of it, percent). */
    from: Period,
    to: Period,
    periodsEarlier: z.number().int().min(1).max(26),
    share: z.number().min(0).max(100).default(100),
  })
  .refine((p) => p.from <= p.to, { message: 'from must not be after to', path: ['to'] });

export const Lever = z
  .discriminatedUnion('kind', [DemandLift, CapacityChange, Expedite, SafetyStockPolicy, Prebuild])
  .refine((l) => !('from' in l) || l.from === null || l.to === null || l.from <= l.to, {
    message: 'from must not be after to',
    path: ['to'],
  });
export const Levers = z.array(Lever).max(50);

export type LeverT = z.output<typeof Lever>;
export type LeverInput = z.input<typeof Lever>;
export type LeverKind = LeverT['kind'];
export const LEVER_KINDS = ['demand_lift', 'capacity', 'expedite', 'safety_stock', 'prebuild'] as const;

export const LEVER_LABELS: Record<LeverKind, string> = {
  demand_lift: 'Demand lift',
  capacity: 'Capacity change',
  expedite: 'Expedite',
  safety_stock: 'Safety stock policy',
  prebuild: 'Pre-build',
};

const pct = (x: number): string => `${x > 0 ? '+' : ''}${x}%`;
const span = (from: string | null, to: string | null): string =>
  from === null && to === null ? 'whole horizon' : `${from ?? 'start'}..${to ?? 'end'}`;
const scope = (parts: (string | null)[]): string => parts.filter((p) => p !== null).join(', ') || 'all items';

/** One line a person reads: what the lever does, where and when. */
export function describeLever(l: LeverT): string {
  switch (l.kind) {
    case 'demand_lift':
      return `Demand ${pct(l.percent)} for ${scope([l.family && `family ${l.family}`, l.region && `region ${l.region}`])}, ${span(l.from, l.to)}`;
    case 'capacity':
      return `${l.how === 'overtime' ? 'Overtime' : 'Extra shift'} +${l.hoursPerPeriod} h/period on ${l.resource} at ${l.costPerHour}/h, ${span(l.from, l.to)}`;
    case 'expedite':
      return `Expedite ${l.lane ? `lane ${l.lane}` : `${l.orders.length} order(s)`} by ${l.mode}, ${l.daysFaster} day(s) faster at ${l.costPerUnit}/unit`;
    case 'safety_stock':
      return `Safety stock ${l.policy === 'scale' ? pct(l.value) : `= ${l.value} week(s) of cover`} for ${scope([l.family && `family ${l.family}`, l.abc && `class ${l.abc}`, l.location && `at ${l.location}`])}`;
    case 'prebuild':
      return `Pre-build ${l.share}% of ${l.resource}${l.family ? ` (${l.family})` : ''} production of ${l.from}..${l.to}, ${l.periodsEarlier} period(s) earlier`;
  }
}
