// The demo company's master data and the parameters every file is drawn from. Plausible, not
// uniform noise: seasonal families, a few key SKUs, a capacity-tight plant (P1), a congested
// lane, an ERP/WMS stock mismatch on some rows, an optimistic CRM forecast for one family.
import { addPeriods, periodRange, type Period } from '../../shared/domain/period';
import { hashUnit } from '../../shared/domain/random';

export const DEMO_SIZES = ['S', 'M', 'L', 'XL'] as const;
export type DemoSize = (typeof DEMO_SIZES)[number];

interface SizeSpec {
  skus: number;
  weeks: number;
  history: number;
  orderLines: number;
  resourcesPerPlant: number;
  customers: number;
}

// BENCHMARKS.md: S 480 item-locations x 26 weeks, M 5k x 52, L 50k x 52, XL 200k x 104.
export const SIZE_SPECS: Record<DemoSize, SizeSpec> = {
  S: { skus: 120, weeks: 26, history: 26, orderLines: 5_000, resourcesPerPlant: 3, customers: 40 },
  M: { skus: 1_250, weeks: 52, history: 52, orderLines: 50_000, resourcesPerPlant: 10, customers: 400 },
  L: { skus: 12_500, weeks: 52, history: 52, orderLines: 250_000, resourcesPerPlant: 100, customers: 2_000 },
  XL: { skus: 50_000, weeks: 104, history: 52, orderLines: 1_000_000, resourcesPerPlant: 200, customers: 5_000 },
};

export const FAMILIES = [
  'Outdoor',
  'Kitchen',
  'Garden',
  'Tools',
  'Lighting',
  'Storage',
  'Textiles',
  'Electronics',
] as const;
/** The family whose CRM forecast runs far above pipeline and actuals. */
export const OPTIMISTIC_FAMILY = 'Outdoor';
export const OPTIMISM = 1.45;

export interface Site {
  id: string;
  name: string;
  type: 'plant' | 'dc';
  region: string;
}

export const SITES: readonly Site[] = [
  { id: 'P1', name: 'Plant North', type: 'plant', region: 'North' },
  { id: 'P2', name: 'Plant South', type: 'plant', region: 'South' },
  { id: 'D1', name: 'DC West', type: 'dc', region: 'West' },
  { id: 'D2', name: 'DC East', type: 'dc', region: 'East' },
];
export const REGIONS = ['North', 'South', 'West', 'East'] as const;

export interface Lane {
  id: string;
  origin: string;
  region: string;
  mode: 'road' | 'air';
  transitDays: number;
  costPerLoad: number;
}

/** The lane that is booked beyond its capacity in the busy weeks. */
export const CONGESTED_LANE = 'D2-EAST-R';

// Road lanes from every site to every region, plus air express from the DCs.
export const LANES: readonly Lane[] = [
  ...SITES.flatMap((s) =>
    REGIONS.map((r) => ({
      id: `${s.id}-${r.toUpperCase()}-R`,
      origin: s.id,
      region: r,
      mode: 'road' as const,
      transitDays: s.region === r ? 1 : 3,
      costPerLoad: s.region === r ? 450 : 1200,
    })),
  ),
  ...['D1', 'D2'].flatMap((o) =>
    REGIONS.map((r) => ({
      id: `${o}-${r.toUpperCase()}-A`,
      origin: o,
      region: r,
      mode: 'air' as const,
      transitDays: 1,
      costPerLoad: 5200,
    })),
  ),
];

export interface Item {
  index: number;
  sku: string;
  family: string;
  familyIndex: number;
  unitCost: number;
  unitPrice: number;
  abc: 'A' | 'B' | 'C';
  isKey: boolean;
  /** Plant that produces it and the work centre it runs on. */
  plant: string;
  resource: string;
  hoursPerUnit: number;
  /** Mean weekly demand per site, before seasonality. */
  baseDemand: number;
}

export interface Company {
  size: DemoSize;
  seed: number;
  spec: SizeSpec;
  items: Item[];
  resources: { id: string; plant: string }[];
  customers: { id: string; name: string; region: string }[];
  /** First planning period (the meeting's week) and the periods around it. */
  startPeriod: Period;
  horizon: Period[];
  history: Period[];
  meetingAt: string;
  extractedAt: Record<'ERP' | 'TMS' | 'WMS' | 'CRM', string>;
}

// Fixed calendar: a deterministic company does not move with the wall clock.
export const DEMO_MEETING_AT = '2026-12-01T09:00:00.000Z';
export const DEMO_START_PERIOD = '2026-W49';

export function buildCompany(size: DemoSize, seed: number): Company {
  const spec = SIZE_SPECS[size];
  const plants = SITES.filter((s) => s.type === 'plant').map((s) => s.id);
  const resources = plants.flatMap((plant) =>
    Array.from({ length: spec.resourcesPerPlant }, (_, i) => ({
      id: `WC-${plant}-${String(i + 1).padStart(3, '0')}`,
      plant,
    })),
  );
  const raw = Array.from({ length: spec.skus }, (_, i) => {
    const familyIndex = i % FAMILIES.length;
    const unitCost = round2(4 + 180 * hashUnit(seed, 1, i) ** 2);
    const baseDemand = Math.max(2, Math.round(8 + 220 * hashUnit(seed, 2, i) ** 3));
    // The first half of the families is made in P1 (the tight plant), the rest in P2.
    const plant = familyIndex < FAMILIES.length / 2 ? 'P1' : 'P2';
    const own = resources.filter((r) => r.plant === plant);
    return {
      index: i,
      sku: `SKU-${String(i + 1).padStart(5, '0')}`,
      family: FAMILIES[familyIndex] as string,
      familyIndex,
      unitCost,
      unitPrice: round2(unitCost * (1.25 + 0.6 * hashUnit(seed, 3, i))),
      plant,
      resource: own[Math.floor(hashUnit(seed, 4, i) * own.length)]!.id,
      hoursPerUnit: round3(0.01 + 0.08 * hashUnit(seed, 5, i)),
      baseDemand,
    };
  });
  // ABC by yearly value: top 20% A, next 30% B.
  const byValue = [...raw].sort((a, b) => b.baseDemand * b.unitPrice - a.baseDemand * a.unitPrice);
  const rank = new Map(byValue.map((it, r) => [it.index, r]));
  const items: Item[] = raw.map((it) => {
    const r = rank.get(it.index)! / raw.length;
    const abc = r < 0.2 ? 'A' : r < 0.5 ? 'B' : 'C';
    return { ...it, abc, isKey: r < 0.2 && hashUnit(seed, 6, it.index) < 0.15 };
  });
  const customers = Array.from({ length: spec.customers }, (_, i) => ({
    id: `C${String(i + 1).padStart(5, '0')}`,
    name: `Customer ${i + 1}`,
    region: REGIONS[Math.floor(hashUnit(seed, 7, i) * REGIONS.length)] as string,
  }));
  const startPeriod = DEMO_START_PERIOD;
  return {
    size,
    seed,
    spec,
    items,
    resources,
    customers,
    startPeriod,
    horizon: periodRange(startPeriod, spec.weeks),
    history: periodRange(addPeriods(startPeriod, -spec.history), spec.history),
    meetingAt: DEMO_MEETING_AT,
    extractedAt: {
      ERP: '2026-11-30T22:00:00.000Z',
      TMS: '2026-11-30T22:30:00.000Z',
      WMS: '2026-11-30T23:00:00.000Z',
      // CRM's export is three days old at the meeting: the stale source of the demo.
      CRM: '2026-11-27T18:00:00.000Z',
    },
  };
}

/** Seasonal factor of a family in week-of-year w (phase differs by family). */
export function season(familyIndex: number, weekOfYear: number): number {
  return 1 + 0.35 * Math.sin((2 * Math.PI * (weekOfYear + familyIndex * 6.5)) / 52);
}

export function weekOfYear(period: Period): number {
  return Number(period.slice(6));
}

/** The demand that really materialises for an item at a site in a period (before noise). */
export function trueDemand(c: Company, item: Item, siteIndex: number, period: Period): number {
  const siteShare = [0.2, 0.2, 0.35, 0.25][siteIndex]!;
  return item.baseDemand * 4 * siteShare * season(item.familyIndex, weekOfYear(period));
}

/** Item-locations whose demand moved recently (demand_shift). */
export const isShifted = (c: Company, item: Item, siteIndex: number): boolean =>
  hashUnit(c.seed, 20, item.index, siteIndex) < 0.04;

/** Item-locations that start the horizon short of stock (below_safety_stock). */
export const isShort = (c: Company, item: Item, siteIndex: number): boolean =>
  siteIndex >= 2 && hashUnit(c.seed, 21, item.index, siteIndex) < (item.isKey ? 0.3 : 0.05);

export const round2 = (x: number): number => Math.round(x * 100) / 100;
export const round3 = (x: number): number => Math.round(x * 1000) / 1000;
