// The "lever" figure: change one lever of a scenario and have its updated outcome (the comparison
// column) ready, beside a full recompute of the same plan with its outcome, in the same run. The
// scenario state is cached as the engine worker keeps it; each change is timed from the new lever
// list to the outcome with deltas.
import type { LeverInput } from '../../shared/planning/levers';
import { Levers } from '../../shared/planning/levers';
import type { PlanningModel } from '../../shared/planning/model';
import { outcome } from '../../shared/planning/outcome';
import { DEFAULT_SETTINGS, type KpiDefinitionT } from '../../shared/planning/settings';
import { PlanState } from '../../shared/planning/state';

export interface LeverFigures {
  /** Per lever kind: median ms of a change, and the item-locations it recomputed. */
  changes: { lever: string; ms: number; itemLocations: number; lines: number }[];
  fullMs: number;
  /** Whether the incremental result equals a full recompute of the same levers. */
  agree: boolean;
}

const RUNS = 5;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function benchLevers(model: PlanningModel, definitions: KpiDefinitionT[]): LeverFigures {
  const settings = DEFAULT_SETTINGS;
  const baseline = new PlanState(model, settings, definitions);
  const base = outcome(baseline, baseline);
  const tight = baseline.capacity[0]?.resource ?? model.resources.values[0]!;
  const lane = congestedLane(model);
  const family = model.families.values[0]!;
  const start = (lift: number, hours: number, days: number): LeverInput[] => [
    { kind: 'demand_lift', percent: lift, family },
    { kind: 'capacity', resource: tight, how: 'overtime', hoursPerPeriod: hours, costPerHour: 45 },
    { kind: 'expedite', lane, mode: 'air', daysFaster: days, costPerUnit: 2 },
  ];
  const scenario = new PlanState(model, settings, definitions, { from: baseline });
  scenario.update(Levers.parse(start(10, 40, 3)));
  // Each change moves one lever and back again, so every run starts from the same state.
  const changes: [string, LeverInput[], LeverInput[]][] = [
    [`demand lift on family ${family}`, start(15, 40, 3), start(10, 40, 3)],
    [`overtime on ${tight}`, start(10, 80, 3), start(10, 40, 3)],
    [`expedite lane ${lane}`, start(10, 40, 5), start(10, 40, 3)],
  ];
  const out: LeverFigures['changes'] = [];
  for (const [lever, there, back] of changes) {
    const times: number[] = [];
    let stats = { itemLocations: 0, lines: 0 };
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      stats = scenario.update(Levers.parse(there));
      outcome(scenario, baseline, base.figures);
      times.push(performance.now() - t);
      scenario.update(Levers.parse(back));
    }
    out.push({ lever, ms: median(times), itemLocations: stats.itemLocations, lines: stats.lines });
  }
  // The peer: the same scenario recomputed in full (every row), with its outcome.
  const full: number[] = [];
  let fresh = scenario;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fresh = new PlanState(scenario.model, settings, definitions);
    outcome(fresh, baseline, base.figures);
    full.push(performance.now() - t);
  }
  const keys = (s: PlanState) => s.exceptions().map((e) => `${e.key}=${e.valueAtRisk}`).join('\n');
  return { changes: out, fullMs: median(full), agree: keys(fresh) === keys(scenario) };
}

/** The lane with the most weeks booked over capacity (the demo's congested lane). */
function congestedLane(m: PlanningModel): string {
  let best = 0;
  let most = -1;
  for (let l = 0; l < m.lane.count; l++) {
    let over = 0;
    for (let t = 0; t < m.periods; t++) {
      const c = l * m.periods + t;
      if (m.lane.bookedLoads[c]! > m.lane.capacityLoads[c]!) over++;
    }
    if (over > most) [best, most] = [l, over];
  }
  return m.lanes.values[best]!;
}
