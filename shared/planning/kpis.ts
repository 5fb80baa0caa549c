// The five KPIs of DOMAIN.md, by their natural dimensions and in total, and the kpi_breach
// exceptions their triggers raise. Each value also carries what its deviation is worth in money
// (atStake), which ranks a breach among the other exceptions.
import { exception, type RaisedException, round } from './exceptions';
import { kpiWindows, noDataReasons, type KpiWindow } from './kpiWindow';
import { isKnownIl, isKnownLine, lineMargin, lineValue, NO_INDEX, unitMargin, type PlanningModel } from './model';
import { LS, type Projection } from './projection';
import { breached, DEFAULT_SETTINGS, type KpiDefinitionT, type KpiId, type PlanningSettingsT } from './settings';

export const KPI_DIMENSIONS = ['total', 'family', 'resource', 'lane'] as const;
export type KpiDimension = (typeof KPI_DIMENSIONS)[number];

export interface KpiValue {
  kpiId: KpiId;
  dimension: KpiDimension;
  group: string;
  metrics: Record<string, number | null>;
  /** What the figure is computed over (units, lines, hours...), so an empty group shows as such. */
  basis: number;
  /** Money the deviation is worth: mis-forecast margin, late order value, excess stock... */
  atStake: number;
  /** The triggers of its KPI it breaches, as "otif < 0.95". */
  breached: string[];
  /** What the figures are computed over, as of which source (DOMAIN.md "As of"). */
  window: KpiWindow;
  /** For each figure that is null: why it has no data (never shown as 0, never a breach). */
  noData: Record<string, string>;
}

/** Sums by group index plus a total, for one accumulator at a time. */
class Sums {
  readonly byGroup: Float64Array;
  total = 0;
  constructor(groups: number) {
    this.byGroup = new Float64Array(groups);
  }
  add(group: number, x: number): void {
    if (group !== NO_INDEX) this.byGroup[group]! += x;
    this.total += x;
  }
  get(group: number): number {
    return group === NO_INDEX ? this.total : this.byGroup[group]!;
  }
  copy(): Sums {
    const c = new Sums(0);
    (c as { byGroup: Float64Array }).byGroup = this.byGroup.slice();
    c.total = this.total;
    return c;
  }
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

type Figures = Omit<KpiValue, 'kpiId' | 'dimension' | 'group' | 'breached' | 'window' | 'noData'>;

/** Windows and no-data reasons of a model, once per model and settings. */
const windowCache = new WeakMap<object, Map<PlanningSettingsT, ReturnType<typeof windowsOf>>>();
function windowsOf(m: PlanningModel, s: PlanningSettingsT) {
  const windows = kpiWindows(m, s);
  return { windows, reasons: noDataReasons(m, windows) };
}
function cachedWindows(m: PlanningModel, s: PlanningSettingsT) {
  let bySettings = windowCache.get(m.asOf);
  if (!bySettings) windowCache.set(m.asOf, (bySettings = new Map()));
  let w = bySettings.get(s);
  if (!w) bySettings.set(s, (w = windowsOf(m, s)));
  return w;
}

/** Rows for the total (group -1) and each group, in dictionary order, with window and reasons. */
function perGroup(
  m: PlanningModel,
  s: PlanningSettingsT,
  kpiId: KpiId,
  dimension: Exclude<KpiDimension, 'total'>,
  names: readonly string[],
  make: (g: number) => Figures,
): KpiValue[] {
  const { windows, reasons } = cachedWindows(m, s);
  const window = windows[kpiId];
  const why = reasons[kpiId];
  const row = (dim: KpiDimension, group: string, f: Figures): KpiValue => {
    const noData: Record<string, string> = {};
    for (const [metric, x] of Object.entries(f.metrics)) if (x === null) noData[metric] = why[metric] ?? 'no data';
    return { kpiId, dimension: dim, group, ...f, breached: [], window, noData };
  };
  const rows: KpiValue[] = [row('total', 'all', make(NO_INDEX))];
  names.forEach((name, g) => rows.push(row(dimension, name, make(g))));
  return rows;
}

/** 1 - WMAPE and bias by family over the last accuracyPeriods. */
export function forecastAccuracy(m: PlanningModel, s: PlanningSettingsT): KpiValue[] {
  const F = m.families.size;
  const [err, actual, forecast, stake] = [new Sums(F), new Sums(F), new Sums(F), new Sums(F)];
  const H = m.historyPeriods;
  const window = Math.min(s.accuracyPeriods, H);
  for (let il = 0; il < m.il.count; il++) {
    const sku = m.il.sku[il]!;
    if (!m.item.known[sku]) continue;
    const fam = m.item.family[sku]!;
    const margin = isKnownIl(m, il) ? Math.max(0, unitMargin(m, sku)) : 0;
    for (let h = 0, c = il * H; h < window; h++, c++) {
      const f = m.il.forecastHistory[c]!;
      if (Number.isNaN(f)) continue;
      const a = m.il.actualSales[c]!;
      err.add(fam, Math.abs(a - f));
      actual.add(fam, a);
      forecast.add(fam, f);
      stake.add(fam, Math.abs(a - f) * margin);
    }
  }
  // Without an ERP (actuals) or a CRM (forecasts) source there is nothing to compare.
  const none = m.asOf.extracted.ERP === null || m.asOf.extracted.CRM === null;
  return perGroup(m, s, 'forecast_accuracy', 'family', m.families.values, (g) => {
    if (none) return { metrics: { accuracy: null, bias: null, abs_bias: null }, basis: 0, atStake: 0 };
    const bias = ratio(forecast.get(g) - actual.get(g), actual.get(g));
    const wmape = ratio(err.get(g), actual.get(g));
    return {
      metrics: { accuracy: wmape === null ? null : 1 - wmape, bias, abs_bias: bias === null ? null : Math.abs(bias) },
      basis: actual.get(g),
      atStake: stake.get(g),
    };
  });
}

/** The service level's counters of one dimension, each by group and in total. */
class ServiceSums {
  readonly due: Sums;
  readonly otif: Sums;
  readonly qty: Sums;
  readonly filled: Sums;
  readonly judged: Sums;
  readonly ok: Sums;
  readonly late: Sums;
  constructor(groups: number) {
    [this.due, this.otif, this.qty, this.filled, this.judged, this.ok, this.late] = Array.from(
      { length: 7 },
      () => new Sums(groups),
    ) as [Sums, Sums, Sums, Sums, Sums, Sums, Sums];
  }
  /** Counts one order line in group g (NO_INDEX: in the total only). */
  add(
    g: number,
    due: boolean,
    qty: number,
    filled: boolean,
    onTime: boolean,
    lateValue: number,
    judged: boolean,
    ok: boolean,
  ): void {
    if (due) {
      this.due.add(g, 1);
      this.qty.add(g, qty);
      if (filled) this.filled.add(g, qty);
      if (onTime) this.otif.add(g, 1);
      else this.late.add(g, lateValue);
    }
    if (judged) {
      this.judged.add(g, 1);
      if (ok) this.ok.add(g, 1);
    }
  }
  /** A line judged differently: only the projected counters move (whole counts: exact). */
  moveJudged(g: number, was: number, is: number): void {
    this.judged.add(g, (is !== LS.none ? 1 : 0) - (was !== LS.none ? 1 : 0));
    this.ok.add(g, (is === LS.ok ? 1 : 0) - (was === LS.ok ? 1 : 0));
  }
  copy(): ServiceSums {
    const c = new ServiceSums(0);
    for (const k of ['due', 'otif', 'qty', 'filled', 'judged', 'ok', 'late'] as const) {
      (c as unknown as Record<string, Sums>)[k] = this[k].copy();
    }
    return c;
  }
  value(g: number): Figures {
    return {
      metrics: {
        otif: ratio(this.otif.get(g), this.due.get(g)),
        fill_rate: ratio(this.filled.get(g), this.qty.get(g)),
        projected_otif: ratio(this.ok.get(g), this.judged.get(g)),
      },
      // Lines due or judged: a projected_otif trigger fires before anything is due.
      basis: this.due.get(g) + this.judged.get(g),
      atStake: this.late.get(g),
    };
  }
}

/**
 * The service level's counters by family and by lane. A plan state keeps them and moves a line
 * from its old verdict to its new one instead of counting every line again.
 */
export class ServiceCounters {
  private constructor(
    private readonly fam: ServiceSums,
    private readonly lane: ServiceSums,
  ) {}

  /**
   * OTIF and fill rate of the lines committed before the TMS extraction (the TMS data cannot say
   * what was delivered after it; none without a TMS source); projected OTIF of the open ones.
   */
  static of(m: PlanningModel, p: Projection): ServiceCounters {
    const c = new ServiceCounters(new ServiceSums(m.families.size), new ServiceSums(m.lanes.size));
    const L = m.line;
    const before = m.asOf.deliveredBeforeDay; // NaN without TMS: no line is due
    for (let i = 0; i < L.count; i++) {
      if (L.status[i] === 3) continue; // cancelled
      const due = L.committedDay[i]! < before;
      const delivered = L.deliveredDay[i]!;
      const filled = !Number.isNaN(delivered);
      const onTime = filled && delivered <= L.committedDay[i]!;
      const judged = p.lineStatus[i] !== LS.none;
      if (!due && !judged) continue;
      const ok = p.lineStatus[i] === LS.ok;
      const late = lineValue(m, i);
      c.fam.add(familyOfLine(m, i), due, L.qty[i]!, filled, onTime, late, judged, ok);
      c.lane.add(L.lane[i]!, due, L.qty[i]!, filled, onTime, late, judged, ok);
    }
    return c;
  }

  copy(): ServiceCounters {
    return new ServiceCounters(this.fam.copy(), this.lane.copy());
  }

  /** Line i, judged `was` before, is judged `is` now. */
  move(m: PlanningModel, i: number, was: number, is: number): void {
    if (was === is || m.line.status[i] === 3) return;
    this.fam.moveJudged(familyOfLine(m, i), was, is);
    this.lane.moveJudged(m.line.lane[i]!, was, is);
  }

  values(m: PlanningModel, s: PlanningSettingsT = DEFAULT_SETTINGS): KpiValue[] {
    return [
      ...perGroup(m, s, 'service_level', 'family', m.families.values, (g) => this.fam.value(g)),
      ...perGroup(m, s, 'service_level', 'lane', m.lanes.values, (g) => this.lane.value(g)).slice(1),
    ];
  }
}

const familyOfLine = (m: PlanningModel, i: number): number => {
  const sku = m.line.sku[i]!;
  return m.item.known[sku] ? m.item.family[sku]! : NO_INDEX;
};

/**
 * Per item-location, what inventory turnover and the scenario money figures add up: projected
 * cost of goods sold (annualized), average projected inventory value, and the demand the
 * constrained plan serves in the horizon at price and at cost. A plan state keeps these per row
 * and refreshes only the rows a lever changed.
 */
export interface IlSums {
  cogs: Float64Array;
  inventory: Float64Array;
  revenue: Float64Array;
  servedCost: Float64Array;
}

export function createIlSums(n: number): IlSums {
  return {
    cogs: new Float64Array(n),
    inventory: new Float64Array(n),
    revenue: new Float64Array(n),
    servedCost: new Float64Array(n),
  };
}

export function copyIlSums(s: IlSums): IlSums {
  return {
    cogs: s.cogs.slice(),
    inventory: s.inventory.slice(),
    revenue: s.revenue.slice(),
    servedCost: s.servedCost.slice(),
  };
}

/** Refreshes row il of the sums (0 for an item or site the masters do not know: no cost to value it at). */
export function ilSums(m: PlanningModel, p: Projection, il: number, out: IlSums): void {
  const sku = m.il.sku[il]!;
  const P = m.periods;
  if (!isKnownIl(m, il)) {
    out.cogs[il] = out.inventory[il] = out.revenue[il] = out.servedCost[il] = 0;
    return;
  }
  const cost = m.item.unitCost[sku]!;
  let demand = 0;
  let stock = Math.max(0, m.il.available[il]!);
  for (let t = 0, c = il * P; t < P; t++, c++) {
    demand += p.demand[c]!;
    stock += Math.max(0, p.pab[c]!);
  }
  out.cogs[il] = ((demand * cost) / P) * 52;
  out.inventory[il] = (stock / (P + 1)) * cost;
  // Served: demand less the backlog the capacity-constrained plan leaves at the horizon's end.
  const served = Math.max(0, demand - Math.max(0, -p.constrainedPab[il * P + P - 1]!));
  out.revenue[il] = served * m.item.unitPrice[sku]!;
  out.servedCost[il] = served * cost;
}

/** Projected cost of goods sold, annualized, over the average projected inventory value. */
export function inventoryTurnover(
  m: PlanningModel,
  sums: IlSums,
  defs: readonly KpiDefinitionT[],
  s: PlanningSettingsT = DEFAULT_SETTINGS,
): KpiValue[] {
  const F = m.families.size;
  const [cogs, inventory] = [new Sums(F), new Sums(F)];
  for (let il = 0; il < m.il.count; il++) {
    const sku = m.il.sku[il]!;
    if (!m.item.known[sku]) continue;
    cogs.add(m.item.family[sku]!, sums.cogs[il]!);
    inventory.add(m.item.family[sku]!, sums.inventory[il]!);
  }
  const def = defs.find((d) => d.id === 'inventory_turnover');
  const target = def?.triggers.find((t) => t.metric === 'turns')?.value ?? 6;
  return perGroup(m, s, 'inventory_turnover', 'family', m.families.values, (g) => ({
    metrics: { turns: ratio(cogs.get(g), inventory.get(g)) },
    basis: inventory.get(g),
    // Inventory value above what the target turns would need.
    atStake: Math.max(0, inventory.get(g) - (target > 0 ? cogs.get(g) / target : 0)),
  }));
}

/** sum min(actual, plan) / sum plan by resource over the last adherencePeriods. */
export function planAdherence(m: PlanningModel, s: PlanningSettingsT): KpiValue[] {
  const R = m.resources.size;
  const [plan, met, stake] = [new Sums(R), new Sums(R), new Sums(R)];
  const H = m.historyPeriods;
  const window = Math.min(s.adherencePeriods, H);
  for (let k = 0; k < m.routing.count; k++) {
    const il = m.routing.il[k]!;
    if (il === NO_INDEX) continue;
    const r = m.routing.resource[k]!;
    const margin = Math.max(0, unitMargin(m, m.routing.sku[k]!));
    for (let h = 0; h < window; h++) {
      const planned = m.il.productionPlanHistory[il * H + h]!;
      if (planned <= 0) continue;
      const made = Math.min(m.routing.actualHistory[k * H + h]!, planned);
      plan.add(r, planned);
      met.add(r, made);
      stake.add(r, (planned - made) * margin);
    }
  }
  return perGroup(m, s, 'plan_adherence', 'resource', m.resources.values, (g) => ({
    metrics: { adherence: ratio(met.get(g), plan.get(g)) },
    basis: plan.get(g),
    atStake: stake.get(g),
  }));
}

/** Share of shipments late, re-routed or over the freight guardrail, and freight cost, by lane. */
export function logisticsDeviations(m: PlanningModel, s: PlanningSettingsT): KpiValue[] {
  const Ln = m.lanes.size;
  const [count, deviated, stake, freight] = [new Sums(Ln), new Sums(Ln), new Sums(Ln), new Sums(Ln)];
  const S = m.shipment;
  const L = m.line;
  for (let k = 0; k < S.count; k++) {
    if (S.status[k] === 4) continue; // cancelled
    const lane = S.lane[k]!;
    const i = S.line[k]!;
    let deviation = S.status[k] === 3; // rerouted
    if (i !== NO_INDEX) {
      const due = L.committedDay[i]!;
      if (S.etaDay[k]! > due || S.deliveredDay[k]! > due) deviation = true;
      // The guardrail needs the line's margin: a sku or site the masters do not know has none.
      if (isKnownLine(m, i) && S.freight[k]! > s.freightGuardrail * Math.max(0, lineMargin(m, i))) deviation = true;
    }
    count.add(lane, 1);
    freight.add(lane, S.freight[k]!);
    if (deviation) {
      deviated.add(lane, 1);
      stake.add(lane, S.freight[k]!);
    }
  }
  const noTms = m.asOf.extracted.TMS === null;
  return perGroup(m, s, 'logistics_deviations', 'lane', m.lanes.values, (g) => ({
    // Freight cost of the lane (money, not a share): the projection's cost per lane; no data
    // without a TMS source, never 0.
    metrics: {
      deviation_rate: ratio(deviated.get(g), count.get(g)),
      freight_cost: noTms ? null : freight.get(g),
    },
    basis: count.get(g),
    atStake: stake.get(g),
  }));
}

/** The values with the triggers of their KPI each breaches. */
export function withBreaches(values: KpiValue[], definitions: readonly KpiDefinitionT[]): KpiValue[] {
  const defs = new Map(definitions.map((d) => [d.id, d]));
  for (const v of values) v.breached = breachedTriggers(v, defs.get(v.kpiId));
  return values;
}

/** The triggers a KPI value breaches (empty groups breach nothing). */
function breachedTriggers(v: KpiValue, def: KpiDefinitionT | undefined): string[] {
  if (!def || v.basis <= 0) return [];
  return def.triggers
    .filter((t) => breached(v.metrics[t.metric] ?? null, t))
    .map((t) => `${t.metric} ${t.op} ${t.value}`);
}

/** A kpi_breach exception for every KPI value (total or group) whose trigger is breached. */
export function kpiBreaches(values: readonly KpiValue[], definitions: readonly KpiDefinitionT[]): RaisedException[] {
  const defs = new Map(definitions.map((d) => [d.id, d]));
  const out: RaisedException[] = [];
  for (const v of values) {
    const def = defs.get(v.kpiId);
    if (!def || v.breached.length === 0) continue;
    out.push(
      exception({
        key: `kpi_breach:${v.kpiId}:${v.dimension}:${v.group}`,
        type: 'kpi_breach',
        family: v.dimension === 'family' ? v.group : null,
        resource: v.dimension === 'resource' ? v.group : null,
        lane: v.dimension === 'lane' ? v.group : null,
        kpiId: v.kpiId,
        valueAtRisk: round(v.atStake),
        detail: {
          kpi: def.name,
          dimension: v.dimension,
          group: v.group,
          metrics: Object.fromEntries(Object.entries(v.metrics).map(([k, x]) => [k, x === null ? null : round(x, 4)])),
          triggers: v.breached,
          ownerRole: def.ownerRole,
          playbook: def.playbook,
        },
      }),
    );
  }
  return out;
}
