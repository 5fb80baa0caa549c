// Scenarios end to end on the demo company: levers validated against the snapshot set, outcomes
// computed in the engine worker (incrementally once its state is cached), compared beside the
// baseline, stored, and a choice recorded as a decision with its outbox entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoApi, type DemoApi } from '../helpers/demoApi';
import { tempDir } from '../helpers/tmp';

describe('scenarios on the demo company', () => {
  const dir = tempDir('planroom-scen-', 'all');
  let api: DemoApi;
  let db: DemoApi['db'];
  let call: DemoApi['call'];
  let fail: DemoApi['fail'];
  let tight: string;

  beforeAll(async () => {
    api = await openDemoApi(dir);
    ({ db, call, fail } = api);
    const page = await call('exception.list', { type: 'capacity_shortfall', limit: 10 });
    tight = page.rows[0]!.resource!;
  });
  afterAll(() => api.close());

  it('lists what levers can name, and the horizon every scenario shares', async () => {
    const keys = await call('scenario.keys', { itemQuery: 'SKU' });
    expect(keys.families.length).toBeGreaterThan(1);
    expect(keys.regions.length).toBeGreaterThan(0);
    expect(keys.resources).toContain(tight);
    expect(keys.lanes.length).toBeGreaterThan(0);
    expect(keys.items.length).toBeGreaterThan(0);
    const list = await call('scenario.list', {});
    expect(list.horizon.periods).toBeGreaterThan(0);
    expect(list.scenarios).toEqual([]);
  });

  it('creates scenarios, compares them with deltas in money, and updates one incrementally', async () => {
    const overtime = await call('scenario.create', {
      name: 'Overtime P1',
      owner: 'COO',
      assumptions: 'Union agrees to overtime',
      levers: [{ kind: 'capacity', resource: tight, how: 'overtime', hoursPerPeriod: 200, costPerHour: 45 }],
      by: 'tester',
    });
    expect(overtime.leverText[0]).toMatch(/Overtime \+200 h\/period/);
    const lift = await call('scenario.create', {
      name: 'Promo',
      owner: 'Sales',
      levers: [{ kind: 'demand_lift', percent: 20 }],
      by: 'tester',
    });
    const cmp = await call('scenario.compare', { ids: [overtime.id, lift.id] });
    const [o, l] = cmp.scenarios.map((s) => s.outcome);
    // More capacity: fewer overload hours, no lower service, the capacity exception resolved, at a cost.
    expect(o!.deltas.overload_hours).toBeLessThan(0);
    expect(o!.deltas.projected_otif).toBeGreaterThanOrEqual(0);
    expect(o!.figures.capacity_cost).toBeGreaterThan(0);
    expect(o!.resolved.some((e) => e.key === `capacity_shortfall:${tight}`)).toBe(true);
    // A demand lift raises revenue and lowers inventory.
    expect(l!.deltas.revenue).toBeGreaterThan(0);
    expect(l!.deltas.inventory_value).toBeLessThan(0);
    expect(cmp.baseline.deltas.revenue).toBe(0);
    // The baseline is the stored cycle's: the same exception count.
    const page = await call('exception.list', { limit: 1 });
    expect(cmp.baseline.figures.exceptions).toBe(page.total);

    // A lever change recomputes only what it touches, from the cached state.
    await call('scenario.update', {
      id: lift.id,
      levers: [{ kind: 'demand_lift', percent: 10, family: 'Outdoor' }],
      by: 'tester',
    });
    const again = await call('scenario.compare', { ids: [lift.id] });
    expect(again.scenarios[0]!.outcome.incremental).toBe(true);
    expect(again.scenarios[0]!.outcome.deltas.revenue).toBeLessThan(l!.deltas.revenue!);
    expect(again.scenarios[0]!.outcome.deltas.revenue).toBeGreaterThan(0);
  });

  it('refuses bad levers with the field, and keeps the scenario as it was', async () => {
    const [s] = (await call('scenario.list', {})).scenarios;
    let e = await fail('scenario.update', {
      id: s!.id,
      levers: [{ kind: 'capacity', resource: 'NOPE', how: 'overtime', hoursPerPeriod: 10, costPerHour: 1 }],
      by: 'tester',
    });
    expect(e.message).toMatch(/no resource "NOPE"/);
    expect(e.where?.field).toBe('levers.0.resource');
    e = await fail('scenario.update', {
      id: s!.id,
      levers: [{ kind: 'demand_lift', percent: 10, from: '2040-W01' }],
      by: 'tester',
    });
    expect(e.message).toMatch(/outside the cycle's horizon/);
    e = await fail('scenario.update', { id: s!.id, levers: [{ kind: 'demand_lift', percent: -300 }], by: 'tester' });
    expect(e.where?.field).toBe('levers.0.percent');
    e = await fail('scenario.create', { name: s!.name, owner: 'x', by: 'tester' });
    expect(e.code).toBe('conflict');
    const after = (await call('scenario.list', {})).scenarios[0]!;
    expect(after.levers).toEqual(s!.levers);
  });

  it('duplicates, renames and deletes', async () => {
    const [s] = (await call('scenario.list', {})).scenarios;
    const copy = await call('scenario.duplicate', { id: s!.id, by: 'tester' });
    expect(copy.name).toBe(`${s!.name} (copy)`);
    expect(copy.levers).toEqual(s!.levers);
    const renamed = await call('scenario.update', { id: copy.id, name: 'Overtime variant', by: 'tester' });
    expect(renamed.name).toBe('Overtime variant');
    expect(renamed.updatedBy).toBe('tester');
    await call('scenario.delete', { id: copy.id, by: 'tester' });
    expect((await call('scenario.list', {})).scenarios.map((x) => x.name)).not.toContain('Overtime variant');
  });

  it('projects an item, a resource and a lane under each scenario', async () => {
    const list = (await call('scenario.list', {})).scenarios;
    const ids = list.map((s) => s.id);
    const r = await call('scenario.projection', { ids, subject: { kind: 'resource', resource: tight } });
    expect(r.series.map((s) => s.name)).toEqual(['Baseline', ...list.map((s) => s.name)]);
    const [base, overtime] = r.series;
    expect(overtime!.values.capacity![0]).toBe(base!.values.capacity![0]! + 200);
    const keys = await call('scenario.keys', {});
    const lane = await call('scenario.projection', { ids, subject: { kind: 'lane', lane: keys.lanes[0]! } });
    expect(lane.series[0]!.values.booked).toHaveLength(r.periods.length);
    const item = keys.items[0]!;
    const it2 = await call('scenario.projection', { ids, subject: { kind: 'item', ...item } });
    expect(Object.keys(it2.series[0]!.values)).toEqual(['demand', 'pab', 'constrained_pab', 'safety_stock']);
  });

  it('choosing a scenario records a decision with its expectations, exceptions and outbox entry', async () => {
    const s = (await call('scenario.list', {})).scenarios.find((x) => x.name === 'Overtime P1')!;
    const r = await call('scenario.choose', { id: s.id, by: 'CEO', rationale: 'Cheapest way back to 95% OTIF' });
    expect(r.decision.title).toBe('Adopt scenario "Overtime P1"');
    expect(r.decision.kpiId).toBe('service_level');
    expect(r.exceptionKeys).toContain(`capacity_shortfall:${tight}`);
    expect(r.expectations.find((e) => e.figure === 'capacity_cost')!.expected).toBeGreaterThan(0);
    const row = db.prepare('SELECT * FROM decisions WHERE id = ?').get(r.decision.id) as { scenario_id: number };
    expect(row.scenario_id).toBe(s.id);
    const links = db.prepare('SELECT count(*) AS n FROM decision_exceptions WHERE decision_id = ?').get(r.decision.id);
    expect(links).toEqual({ n: r.exceptionKeys.length });
    const outbox = db
      .prepare('SELECT kind FROM outbox WHERE idempotency_key LIKE ?')
      .get(`decision_event:${r.decision.uid}:%`);
    expect(outbox).toEqual({ kind: 'decision_event' });
    const listed = (await call('scenario.list', {})).scenarios.find((x) => x.id === s.id)!;
    expect(listed.chosen?.uid).toBe(r.decision.uid);
    // A chosen scenario is the decision's record: not changed, deleted or chosen again.
    expect((await fail('scenario.update', { id: s.id, name: 'x', by: 't' })).code).toBe('conflict');
    expect((await fail('scenario.delete', { id: s.id, by: 't' })).code).toBe('conflict');
    expect((await fail('scenario.choose', { id: s.id, by: 't' })).code).toBe('conflict');
  });
});
