// The planning engine's results: exceptions, KPIs, their settings and recomputes.
// Part of the API contract (shared/api.ts merges every group into the one map).
import { z } from 'zod';
import { SOURCE_SYSTEMS } from '../domain/canonical';
import { EXCEPTION_TYPES } from '../planning/exceptions';
import { KPI_DIMENSIONS } from '../planning/kpis';
import { KPI_IDS, PlanningSettings, Trigger } from '../planning/settings';
import { Person, WRITES, call } from './common';

export const REVIEW_STATUSES = ['new', 'reviewed', 'actioned', 'dismissed'] as const;

export const ExceptionInfo = z.object({
  key: z.string(),
  type: z.enum(EXCEPTION_TYPES),
  sku: z.string().nullable(),
  location: z.string().nullable(),
  family: z.string().nullable(),
  resource: z.string().nullable(),
  lane: z.string().nullable(),
  orderId: z.string().nullable(),
  kpiId: z.string().nullable(),
  /** Who answers for it: the owner role of its KPI (its own, or the one its type moves). */
  ownerRole: z.string().nullable(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  peakPeriod: z.string().nullable(),
  peakValue: z.number().nullable(),
  valueAtRisk: z.number(),
  detail: z.record(z.string(), z.unknown()),
  reviewStatus: z.enum(REVIEW_STATUSES),
  note: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  /** The cycle it was first raised in: an earlier one means "open since". */
  firstSeen: z.object({ cycleId: z.number().int(), name: z.string(), meetingAt: z.string() }),
  updatedAt: z.string(),
  /** Set when the latest recompute no longer raises it. */
  resolvedAt: z.string().nullable(),
});

export const ExceptionFilter = z.object({
  cycleId: z.number().int().positive().optional(),
  type: z.enum(EXCEPTION_TYPES).optional(),
  sku: z.string().optional(),
  location: z.string().optional(),
  family: z.string().optional(),
  resource: z.string().optional(),
  lane: z.string().optional(),
  ownerRole: z.string().optional(),
  reviewStatus: z.enum(REVIEW_STATUSES).optional(),
  includeResolved: z.boolean().optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(50),
});

export const Computation = z.object({
  computedAt: z.string(),
  loadMs: z.number(),
  computeMs: z.number(),
  exceptions: z.number().int(),
});

export const KpiWindow = z.object({
  label: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  periods: z.number().int().nullable(),
  source: z.enum(SOURCE_SYSTEMS).nullable(),
  asOf: z.string().nullable(),
});

export const KpiInfo = z.object({
  kpiId: z.enum(KPI_IDS),
  name: z.string(),
  ownerRole: z.string(),
  dimension: z.enum(KPI_DIMENSIONS),
  group: z.string(),
  metrics: z.record(z.string(), z.number().nullable()),
  /** The same figures in the previous cycle, when it had this group. */
  previous: z.record(z.string(), z.number().nullable()).nullable(),
  basis: z.number(),
  atStake: z.number(),
  /** The triggers breached, as "otif < 0.95". */
  breached: z.array(z.string()),
  playbook: z.string(),
  /** What the figures are computed over, as of which source: "13 weeks 2026-W36..W48, ERP as of 2026-11-30". */
  window: KpiWindow,
  /** For each figure that is null: why it has no data ("no TMS source pinned: ..."). Never 0, never a breach. */
  noData: z.record(z.string(), z.string()),
});

export const StoredKpiDefinition = z.object({
  id: z.enum(KPI_IDS),
  name: z.string(),
  definition: z.string(),
  ownerRole: z.string(),
  triggers: z.array(Trigger),
  playbook: z.string(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
});

export const planningCalls = {
  'exception.list': call(
    ExceptionFilter,
    z.object({
      cycleId: z.number().int(),
      total: z.number().int(),
      totalValue: z.number(),
      computation: Computation,
      rows: z.array(ExceptionInfo),
    }),
    "The cycle's exceptions ranked by value at risk; filter by type, item, family, resource, lane, review status",
  ),
  'exception.rollup': call(
    ExceptionFilter.extend({ by: z.enum(['item', 'family', 'resource', 'lane']) }),
    z.object({
      total: z.number().int(),
      groups: z.array(
        z.object({
          group: z.string(),
          count: z.number().int(),
          valueAtRisk: z.number(),
          byType: z.record(z.string(), z.number()),
        }),
      ),
    }),
    'Exceptions rolled up by item, family, resource or lane: count and value at risk, largest first',
  ),
  'exception.get': call(
    z.object({ cycleId: z.number().int().positive().optional(), key: z.string().min(1) }),
    ExceptionInfo.extend({
      reviews: z.array(z.object({ status: z.string(), note: z.string().nullable(), by: z.string(), at: z.string() })),
    }),
    'One exception with its review trail',
  ),
  'exception.review': call(
    z.object({
      cycleId: z.number().int().positive().optional(),
      key: z.string().min(1),
      status: z.enum(REVIEW_STATUSES),
      note: z.string().trim().max(4000).optional(),
      by: Person,
    }),
    ExceptionInfo,
    'Set the review status and note of an exception (kept across recomputes, logged)',
    WRITES,
  ),
  'kpi.list': call(
    z.object({
      cycleId: z.number().int().positive().optional(),
      kpi: z.enum(KPI_IDS).optional(),
      dimension: z.enum(KPI_DIMENSIONS).optional(),
      /** Only the values whose trigger is breached. */
      breached: z.boolean().optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(5000).default(1000),
    }),
    z.object({
      computation: Computation,
      previousCycle: z.string().nullable(),
      total: z.number().int(),
      rows: z.array(KpiInfo),
    }),
    'The five KPIs by family, resource, lane and in total, with the previous cycle for the trend',
  ),
  'kpi.definitions': call(z.object({}), z.array(StoredKpiDefinition), 'KPI owner roles, triggers and playbooks'),
  'kpi.saveDefinition': call(
    z.object({
      id: z.enum(KPI_IDS),
      ownerRole: z.string().optional(),
      triggers: z.array(z.unknown()).optional(),
      playbook: z.string().optional(),
      by: Person,
    }),
    StoredKpiDefinition,
    "Change a KPI's owner role, triggers or playbook (validated, logged); the cycle recomputes",
    WRITES,
  ),
  'planning.settings': call(
    z.object({}),
    z.object({ settings: PlanningSettings, updatedBy: z.string().nullable(), updatedAt: z.string().nullable() }),
    "The planning engine's settings (consumption rule, thresholds)",
  ),
  'planning.saveSettings': call(
    z.object({ settings: z.record(z.string(), z.unknown()), by: Person }),
    z.object({ settings: PlanningSettings, updatedBy: z.string().nullable(), updatedAt: z.string().nullable() }),
    "Change the planning engine's settings (validated, logged); the cycle recomputes",
    WRITES,
  ),
  'engine.recompute': call(
    z.object({ cycleId: z.number().int().positive().optional() }),
    Computation,
    "Recompute the cycle's projection, exceptions and KPIs now",
    WRITES,
  ),
} as const;
