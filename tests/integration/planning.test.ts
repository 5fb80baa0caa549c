// The planning engine end to end on the demo company: loaded from SQLite in the worker,
// stored, served through the API contract; review status survives recomputes and cycles.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXCEPTION_KPI } from '../../shared/planning/decisionAim';
import { openDatabase } from '../../electron/db/open';
import type { WriteDb } from '../../electron/db/types';
import { EngineHost } from '../../electron/engine/engineHost';
import { loadDemoCompany } from '../../electron/services/demoCompany';
import { createHandlers } from '../../electron/services/handlers';
import { createCycle } from '../../electron/services/cycles';
import type { ApiInput, ApiName, ApiOutput } from '../../shared/api';
import { dispatch } from '../../shared/dispatch';
import { EXCEPTION_TYPES } from '../../shared/planning/exceptions';
import { KPI_IDS } from '../../shared/planning/settings';
import { tempDir } from '../helpers/tmp';

describe('planning engine on the demo company', () => {
  const dir = tempDir('planroom-test-', 'all');
  let db: WriteDb;
  let engine: EngineHost;
  let call: <K extends ApiName>(name: K, input: ApiInput<K>) => Promise<ApiOutput<K>>;

  beforeAll(async () => {
    const path = join(dir, 'p.db');
    db = openDatabase(path);
    await loadDemoCompany(db);
    engine = new EngineHost(path);
    const handlers = createHandlers({ db, dbPath: path, version: 'test', engine });
    call = async (name, input) => {
      const r = await dispatch(handlers, name, input);
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
      return r.data as never;
    };
  });
  afterAll(async () => {
    await engine.close();
    db.close();
  });

  it('raises every exception type, ranked by value at risk', async () => {
    const page = await call('exception.list', { limit: 1000 });
    expect(page.total).toBeGreaterThan(50);
    expect(new Set(page.rows.map((r) => r.type))).toEqual(new Set(EXCEPTION_TYPES));
    const values = page.rows.map((r) => r.valueAtRisk);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(page.computation.exceptions).toBe(page.total);
    const otif = page.rows.find((r) => r.type === 'otif_risk')!;
    expect(otif.key).toBe(`otif_risk:${otif.orderId}`);
    expect((otif.detail.lines as { reason: string }[])[0]!.reason).toMatch(/^[A-Z_]+$/);
    const cap = page.rows.find((r) => r.type === 'capacity_shortfall')!;
    expect(cap.resource).toMatch(/^WC-P1-/);
    expect(cap.detail.peakUtilization).toBeGreaterThan(1);
    // The optimistic CRM family breaches forecast accuracy, with its playbook.
    const breach = page.rows.find((r) => r.key === 'kpi_breach:forecast_accuracy:family:Outdoor')!;
    expect(breach.detail.triggers).toContain('abs_bias > 0.1');
    expect(breach.detail.playbook).toMatch(/forecast/);
  });

  it('filters, pages and rolls up', async () => {
    const all = await call('exception.list', { type: 'otif_risk', limit: 1000 });
    const first = await call('exception.list', { type: 'otif_risk', limit: 10 });
    const second = await call('exception.list', { type: 'otif_risk', limit: 10, offset: 10 });
    expect(first.total).toBe(all.total);
    expect([...first.rows, ...second.rows].map((r) => r.key)).toEqual(all.rows.slice(0, 20).map((r) => r.key));
    const byLane = await call('exception.rollup', { by: 'lane', type: 'otif_risk' });
    expect(byLane.groups[0]!.group).toBe('D2-EAST-R'); // the congested lane
    const count = byLane.groups.reduce((n: number, g) => n + g.count, 0);
    expect(count).toBe(all.rows.filter((r) => r.lane).length);
    const byFamily = await call('exception.rollup', { by: 'family' });
    expect(byFamily.groups.length).toBeGreaterThan(4);
    expect(byFamily.groups[0]!.valueAtRisk).toBeGreaterThanOrEqual(byFamily.groups[1]!.valueAtRisk);
  });

  it("filters by owner role: each exception answers to its KPI's owner, and every one to some owner", async () => {
    const all = await call('exception.list', { limit: 1000 });
    const defs = await call('kpi.definitions', {});
    const ownerOf = new Map(defs.map((d) => [d.id, d.ownerRole]));
    for (const r of all.rows) {
      const kpi = r.kpiId ?? EXCEPTION_KPI[r.type];
      expect(r.ownerRole, r.key).toBe(ownerOf.get(kpi as never));
    }
    const roles = [...new Set(defs.map((d) => d.ownerRole))];
    let sum = 0;
    for (const role of roles) {
      const page = await call('exception.list', { ownerRole: role, limit: 1000 });
      expect(page.rows.every((r) => r.ownerRole === role)).toBe(true);
      sum += page.total;
    }
    expect(sum).toBe(all.total);
    expect((await call('exception.list', { ownerRole: 'Nobody', limit: 10 })).total).toBe(0);
    const rollup = await call('exception.rollup', { by: 'family', ownerRole: roles[0] });
    expect(rollup.groups.length).toBeGreaterThan(0);
  });

  it('keeps review status and notes across recomputes, and logs them', async () => {
    const top = (await call('exception.list', { type: 'below_safety_stock', limit: 1 })).rows[0]!;
    await call('exception.review', { key: top.key, status: 'actioned', note: 'Transfer from D2', by: 'Ana' });
    await call('planning.saveSettings', { settings: { demandShiftThreshold: 0.5 }, by: 'Ana' });
    const again = await call('exception.get', { key: top.key });
    expect(again).toMatchObject({
      reviewStatus: 'actioned',
      note: 'Transfer from D2',
      reviewedBy: 'Ana',
      resolvedAt: null,
    });
    expect(again.reviews).toEqual([expect.objectContaining({ status: 'actioned', by: 'Ana' })]);
    // The higher threshold resolves some demand shifts; they are kept, marked resolved.
    const shifts = await call('exception.list', { type: 'demand_shift', includeResolved: true, limit: 1000 });
    expect(shifts.rows.some((r) => r.resolvedAt !== null)).toBe(true);
    await call('planning.saveSettings', { settings: { demandShiftThreshold: 0.3 }, by: 'Ana' });
    const back = await call('exception.list', { type: 'demand_shift', limit: 1000 });
    expect(back.total).toBe(shifts.total);
  });

  it('refuses invalid settings and triggers with a clear error, changing nothing', async () => {
    const before = await call('kpi.definitions', {});
    const bad = await dispatch(createHandlers({ db, dbPath: '', version: 't', engine }), 'kpi.saveDefinition', {
      id: 'service_level',
      triggers: [{ metric: 'turns', op: '<', value: 3 }],
      by: 'Ana',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', where: { field: 'triggers.0.metric' } } });
    expect(bad.ok ? '' : bad.error.message).toMatch(/otif, fill_rate, projected_otif/);
    expect(await call('kpi.definitions', {})).toEqual(before);
  });

  it('a breached trigger raises kpi_breach with its playbook; KPIs show the trend', async () => {
    await call('kpi.saveDefinition', {
      id: 'plan_adherence',
      ownerRole: 'Plant manager',
      triggers: [{ metric: 'adherence', op: '<', value: 0.99 }],
      playbook: 'Walk the line with the shift leads.',
      by: 'Ana',
    });
    const total = await call('exception.get', { key: 'kpi_breach:plan_adherence:total:all' });
    expect(total.detail).toMatchObject({ ownerRole: 'Plant manager', playbook: 'Walk the line with the shift leads.' });
    const kpis = await call('kpi.list', { dimension: 'total' });
    expect(kpis.rows.map((r) => r.kpiId)).toEqual([...KPI_IDS]);
    expect(kpis.previousCycle).toBeNull();
    // A second cycle on the same snapshots and day: the trend compares with the first, equal.
    await createCycle(db, { name: 'Next', meetingAt: '2026-12-01T15:00:00Z', startPeriod: '2026-W49', horizon: 26 });
    const next = await call('kpi.list', { dimension: 'total' });
    expect(next.previousCycle).toMatch(/S&OP/);
    for (const r of next.rows) expect(r.previous).toEqual(r.metrics);
    const carried = await call('exception.get', { key: 'kpi_breach:forecast_accuracy:family:Outdoor' });
    expect(carried.firstSeen.name).toBe(next.previousCycle);
  });
});
