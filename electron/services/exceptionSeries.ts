// exception.series: the weekly series an exception's chart draws. Stock and load come from the
// engine's projection of the exception's item-location or resource (the same baseline that
// raised it); an order's timeline and freight, a resource's capacity weeks and an item's
// forecasts and sales are read from the cycle's pinned snapshots. The building is pure
// (shared/planning/exceptionSeries.ts).
import type { ApiInput, ApiOutput } from '../../shared/api';
import { AppError, cutInput } from '../../shared/domain/errors';
import {
  demandRange,
  demandWeeks,
  freightShipments,
  loadWeeks,
  orderTimeline,
  stockWeeks,
} from '../../shared/planning/exceptionSeries';
import { PLANNING_SOURCES } from '../../shared/planning/model';
import { getException, type ExceptionRow } from '../db/repos/exceptions';
import { itemForecasts, itemSales, orderLines, orderShipments, resourceCapacity } from '../db/repos/seriesRows';
import { modelFrame, pinnedSnapshot, type CycleFrame } from '../engine/loadModel';
import type { SubjectRef } from '../engine/protocol';
import { cycleIdOrCurrent } from './cycles';
import { ensureComputed, inputs, type PlanningContext } from './planning';

type Output = ApiOutput<'exception.series'>;

export async function exceptionSeries(ctx: PlanningContext, input: ApiInput<'exception.series'>): Promise<Output> {
  const cycleId = cycleIdOrCurrent(ctx.read, input.cycleId);
  await ensureComputed(ctx, cycleId);
  const row = getException(ctx.read, cycleId, input.key);
  if (!row) {
    throw new AppError('not_found', `No exception with this key in the cycle.`, {
      where: { field: 'key', value: cutInput(input.key) },
      hint: 'List them with planroom exceptions, and pass one of their keys.',
    });
  }
  const plan = inputs(ctx, cycleId);
  const at = modelFrame(plan.frame);
  const base = {
    key: row.key,
    cycleId,
    asOf: {
      meeting: at.asOf,
      extracted: Object.fromEntries(PLANNING_SOURCES.map((s) => [s, at.extracted?.[s] ?? null])),
    },
  };
  const detail = JSON.parse(row.detail) as Record<string, unknown>;
  const project = async (subject: SubjectRef) => {
    const r = await ctx.engine.projection({ ...plan, scenarios: [], subject });
    return { periods: r.periods, values: r.series[0]!.values };
  };
  const snapshot = (table: string) => pinnedSnapshot(plan.frame, table);

  switch (row.type) {
    case 'below_safety_stock': {
      const { sku, location } = subjectOf(row, ['sku', 'location']);
      const p = await project({ kind: 'item', sku, location });
      const v = p.values;
      return {
        ...base,
        type: 'below_safety_stock',
        weeks: stockWeeks(p.periods, v.pab ?? [], v.safety_stock ?? [], v.demand ?? []),
      };
    }
    case 'capacity_shortfall': {
      const { resource } = subjectOf(row, ['resource']);
      const p = await project({ kind: 'resource', resource });
      const erp = snapshot('resources');
      const capacity = erp === undefined ? new Map<string, number>() : resourceCapacity(ctx.read, erp, resource);
      return { ...base, type: 'capacity_shortfall', weeks: loadWeeks(p.periods, p.values.load ?? [], capacity) };
    }
    case 'otif_risk': {
      const { lines, shipments } = orderRows(ctx, plan.frame, row);
      const risky = Array.isArray(detail.lines) ? (detail.lines as { line: number; reason: string }[]) : [];
      const atRisk = new Map(risky.map((l) => [l.line, l.reason]));
      return { ...base, type: 'otif_risk', lines: orderTimeline(lines, shipments, atRisk) };
    }
    case 'logistics_cost_guardrail': {
      const { lines, shipments } = orderRows(ctx, plan.frame, row);
      const guardrail = Number(detail.guardrail ?? 0);
      return {
        ...base,
        type: 'logistics_cost_guardrail',
        guardrail,
        guardrailShare: Number(detail.guardrailShare ?? 0),
        orderMargin: Number(detail.orderMargin ?? 0),
        shipments: freightShipments(lines, shipments, guardrail),
      };
    }
    case 'demand_shift': {
      const { sku, location } = subjectOf(row, ['sku', 'location']);
      const window = { from: row.period_from ?? plan.frame.startPeriod, to: row.period_to ?? plan.frame.startPeriod };
      const range = demandRange(plan.frame.startPeriod, plan.frame.horizon, window);
      const crm = snapshot('forecasts');
      const erp = snapshot('actual_sales');
      return {
        ...base,
        type: 'demand_shift',
        basis: detail.basis === 'actuals_vs_forecast' ? 'actuals_vs_forecast' : 'forecast_revision',
        window,
        weeks: demandWeeks(
          range.first,
          range.count,
          crm === undefined ? [] : itemForecasts(ctx.read, crm, sku, location),
          erp === undefined ? [] : itemSales(ctx.read, erp, sku, location),
          window,
        ),
      };
    }
    default:
      return {
        ...base,
        type: 'kpi_breach',
        noChart:
          'A KPI breach is one figure over its window, not a weekly series: its figures and the triggers it breaches are listed above.',
      };
  }
}

/** The exception's subject fields; a stored exception of this type always has them. */
function subjectOf<K extends 'sku' | 'location' | 'resource'>(row: ExceptionRow, keys: K[]): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const k of keys) {
    const v = row[k];
    if (v === null) throw new AppError('internal', `The exception ${row.type} has no ${k} recorded.`);
    out[k] = v;
  }
  return out;
}

function orderRows(ctx: PlanningContext, frame: CycleFrame, row: ExceptionRow) {
  const orderId = row.order_id;
  if (orderId === null) throw new AppError('internal', `The exception ${row.type} has no order recorded.`);
  const erp = pinnedSnapshot(frame, 'sales_orders');
  const tms = pinnedSnapshot(frame, 'shipments');
  return {
    lines: erp === undefined ? [] : orderLines(ctx.read, erp, orderId),
    shipments: tms === undefined ? [] : orderShipments(ctx.read, tms, orderId),
  };
}
