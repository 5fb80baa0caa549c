// Property tests of the planning engine: random small companies go through buildModel + recompute
// and through the plain reference implementation (planningReference.ts); demand, PAB, load, line
// statuses, exceptions and KPIs must agree.
//
// Quantities are whole units and money is in quarters, so both sides compute exact sums: the
// engine keeps its grids in Float32Array, which is exact for such values (and not for decimals,
// see planningCases.test.ts "known disagreements"). Statuses and supply kinds are the documented
// ones only, for the same reason.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../shared/planning/build';
import { recompute } from '../../shared/planning/engine';
import { LINE_STATUS } from '../../shared/planning/projection';
import type { KpiDefinitionT, PlanningSettingsT } from '../../shared/planning/settings';
import { engineView } from './planningEngineView';
import { companies, definitionsArb, settingsArb, type Company } from './planningArbitraries';
import { referencePlan, type ExceptionView, type PlanView } from './planningReference';

/** Within the engine's 2-digit rounding of money, and float noise of sums in another order. */
const near = (a: number, b: number, abs: number): boolean =>
  Math.abs(a - b) <= abs + 1e-9 * Math.max(Math.abs(a), Math.abs(b));
const nearOrNull = (a: number | null, b: number | null, abs: number): boolean =>
  a === null || b === null ? a === b : near(a, b, abs);

/** Every difference between the engine and the reference, as text (empty when they agree). */
function differences(engine: PlanView, ref: PlanView, engineExceptionCount: number): string[] {
  const out: string[] = [];
  const grids = ['demand', 'pab', 'constrainedPab', 'load', 'feasible'] as const;
  for (const g of grids) {
    // An item-location one side lists and the other does not has nothing in it.
    for (const key of new Set([...engine[g].keys(), ...ref[g].keys()])) {
      const a = engine[g].get(key);
      const b = ref[g].get(key);
      const n = Math.max(a?.length ?? 0, b?.length ?? 0);
      for (let t = 0; t < n; t++) {
        const x = a?.[t] ?? (g === 'feasible' ? 1 : 0);
        const y = b?.[t] ?? (g === 'feasible' ? 1 : 0);
        if (!near(x, y, 1e-9)) out.push(`${g} ${key} t=${t}: engine ${x}, reference ${y}`);
      }
    }
  }
  for (const key of new Set([...engine.lines.keys(), ...ref.lines.keys()])) {
    const a = engine.lines.get(key);
    const b = ref.lines.get(key);
    if (a?.status !== b?.status || a?.reason !== b?.reason) {
      out.push(`line ${key}: engine ${a?.status} ${a?.reason}, reference ${b?.status} ${b?.reason}`);
    }
  }
  if (engineExceptionCount !== engine.exceptions.size) out.push('engine raised two exceptions with one key');
  for (const key of new Set([...engine.exceptions.keys(), ...ref.exceptions.keys()])) {
    const a = engine.exceptions.get(key);
    const b = ref.exceptions.get(key);
    if (!a || !b) {
      out.push(`exception ${key}: ${a ? 'only the engine' : 'only the reference'} raises it`);
      continue;
    }
    const fields: (keyof ExceptionView)[] = ['type', 'periodFrom', 'periodTo', 'peakPeriod'];
    for (const f of fields) if (a[f] !== b[f]) out.push(`exception ${key} ${f}: engine ${a[f]}, reference ${b[f]}`);
    if (!near(a.valueAtRisk, b.valueAtRisk, 0.0051)) {
      out.push(`exception ${key} valueAtRisk: engine ${a.valueAtRisk}, reference ${b.valueAtRisk}`);
    }
    if (!nearOrNull(a.peakValue, b.peakValue, 0.0051)) {
      out.push(`exception ${key} peakValue: engine ${a.peakValue}, reference ${b.peakValue}`);
    }
  }
  for (const key of new Set([...engine.kpis.keys(), ...ref.kpis.keys()])) {
    const a = engine.kpis.get(key);
    const b = ref.kpis.get(key);
    if (!a || !b) {
      out.push(`kpi ${key}: ${a ? 'only the engine' : 'only the reference'} has it`);
      continue;
    }
    for (const metric of new Set([...Object.keys(a.metrics), ...Object.keys(b.metrics)])) {
      const x = a.metrics[metric];
      const y = b.metrics[metric];
      if (x === undefined || y === undefined || !nearOrNull(x, y, 1e-9)) {
        out.push(`kpi ${key} ${metric}: engine ${x}, reference ${y}`);
      }
    }
    if (!near(a.basis, b.basis, 1e-9)) out.push(`kpi ${key} basis: engine ${a.basis}, reference ${b.basis}`);
    if (!near(a.atStake, b.atStake, 1e-9)) out.push(`kpi ${key} atStake: engine ${a.atStake}, reference ${b.atStake}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Random small companies.

function compare(company: Company, settings: PlanningSettingsT, definitions: KpiDefinitionT[]) {
  const model = buildModel(company.frame, company.rows);
  const result = recompute(model, settings, definitions);
  const engine = engineView(model, result);
  const ref = referencePlan(company.frame, company.rows, settings, definitions);
  return { engine, ref, diff: differences(engine, ref, result.exceptions.length) };
}

describe('planning engine against the reference implementation', () => {
  it('agrees on demand, PAB, load, line statuses, exceptions and KPIs', () => {
    fc.assert(
      fc.property(companies, settingsArb, definitionsArb, (company, settings, definitions) => {
        expect(compare(company, settings, definitions).diff).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('reaches every line status and exception type, so the property above is not vacuous', () => {
    const statuses = new Set<string>();
    const types = new Set<string>();
    const reasons = new Set<string>();
    const samples = fc.sample(fc.tuple(companies, settingsArb, definitionsArb), { numRuns: 200, seed: 7 });
    for (const [company, settings, definitions] of samples) {
      const { engine } = compare(company, settings, definitions);
      for (const l of engine.lines.values()) {
        statuses.add(l.status);
        if (l.reason) reasons.add(l.reason.startsWith('OVERLOAD') ? 'OVERLOAD' : l.reason);
      }
      for (const e of engine.exceptions.values()) types.add(e.type);
    }
    expect([...statuses].sort()).toEqual([...LINE_STATUS].sort());
    expect([...types].sort()).toEqual(
      [
        'below_safety_stock',
        'capacity_shortfall',
        'demand_shift',
        'kpi_breach',
        'logistics_cost_guardrail',
        'otif_risk',
      ].sort(),
    );
    for (const r of ['STOCK_SHORT', 'OVERLOAD', 'LATE_ETA', 'LANE_OVER_CAPACITY', 'TMS_HOLD', 'SHORT_PICK']) {
      expect(reasons).toContain(r);
    }
  });

  it('keeps exception keys across settings: a recompute with other settings renames nothing', () => {
    fc.assert(
      fc.property(companies, settingsArb, settingsArb, definitionsArb, (company, a, b, definitions) => {
        const model = buildModel(company.frame, company.rows);
        const first = new Map(recompute(model, a, definitions).exceptions.map((e) => [e.key, e.type]));
        const second = recompute(model, b, definitions).exceptions;
        // A key names its type and subject: the same key always means the same type.
        for (const e of second) if (first.has(e.key)) expect(first.get(e.key)).toBe(e.type);
        for (const e of second) expect(e.key.startsWith(`${e.type}:`)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});
