// Scenarios: levers on the baseline, their outcomes side by side, and choosing one.
// Part of the API contract (shared/api.ts merges every group into the one map).
import { z } from 'zod';
import { EXCEPTION_TYPES } from '../planning/exceptions';
import { Lever } from '../planning/levers';
import { KPI_IDS } from '../planning/settings';
import { Person, WRITES, call } from './common';
import { Priority } from './decisions';

export const Figures = z.record(z.string(), z.number().nullable());

/** An exception a scenario resolves or adds, in brief. */
export const ExceptionBrief = z.object({
  key: z.string(),
  type: z.enum(EXCEPTION_TYPES),
  subject: z.string(),
  valueAtRisk: z.number(),
});

export const ScenarioOutcome = z.object({
  /** FIGURES (shared/planning/figures.ts) by id. */
  figures: Figures,
  /** figures - the baseline's. */
  deltas: Figures,
  exceptionsByType: z.record(z.string(), z.number().int()),
  /** The largest baseline exceptions it resolves, and the largest it adds. */
  resolved: z.array(ExceptionBrief),
  added: z.array(ExceptionBrief),
  computedAt: z.string(),
  computeMs: z.number(),
  /** Whether only what the levers touch was recomputed (a cached scenario state was updated). */
  incremental: z.boolean(),
});

export const DecisionBrief = z.object({
  id: z.number().int(),
  uid: z.string(),
  title: z.string(),
  status: z.string(),
  owner: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});

export const ScenarioInfo = z.object({
  id: z.number().int(),
  cycleId: z.number().int(),
  name: z.string(),
  owner: z.string(),
  assumptions: z.string(),
  levers: z.array(Lever),
  /** Each lever in words. */
  leverText: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  /** The decision that chose it; a chosen scenario is kept as that decision's record. */
  chosen: DecisionBrief.nullable(),
});

export const ScenarioId = z.number().int().positive();

export const ScenarioName = z.string().trim().min(1, 'a name').max(80);

export const Assumptions = z.string().trim().max(4000);

export const ScenarioSubject = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('item'), sku: z.string().min(1), location: z.string().min(1) }),
  z.object({ kind: z.literal('resource'), resource: z.string().min(1) }),
  z.object({ kind: z.literal('lane'), lane: z.string().min(1) }),
]);

export const ScenarioSeries = z.object({
  scenarioId: z.number().int().nullable(),
  name: z.string(),
  /** item: demand, pab, constrained_pab, safety_stock; resource: load, capacity; lane: booked, capacity. */
  values: z.record(z.string(), z.array(z.number())),
});

export const scenarioCalls = {
  'scenario.list': call(
    z.object({ cycleId: z.number().int().positive().optional() }),
    z.object({
      cycleId: z.number().int(),
      /** The horizon every scenario of the cycle shares. */
      horizon: z.object({ from: z.string(), to: z.string(), periods: z.number().int() }),
      scenarios: z.array(ScenarioInfo),
    }),
    "The cycle's scenarios with their levers and owner",
  ),
  'scenario.keys': call(
    z.object({ cycleId: z.number().int().positive().optional(), itemQuery: z.string().max(80).optional() }),
    z.object({
      families: z.array(z.string()),
      regions: z.array(z.string()),
      locations: z.array(z.string()),
      resources: z.array(z.string()),
      lanes: z.array(z.string()),
      /** Item-locations whose sku starts with itemQuery (at most 50). */
      items: z.array(z.object({ sku: z.string(), location: z.string() })),
    }),
    "What levers can name in the cycle's snapshot set: families, regions, resources, lanes, items",
  ),
  'scenario.create': call(
    z.object({
      cycleId: z.number().int().positive().optional(),
      name: ScenarioName,
      owner: Person,
      assumptions: Assumptions.default(''),
      levers: z.array(z.unknown()).default([]),
      by: Person,
    }),
    ScenarioInfo,
    'A new scenario on the cycle: the baseline plus levers, with a named owner',
    WRITES,
  ),
  'scenario.update': call(
    z.object({
      id: ScenarioId,
      name: ScenarioName.optional(),
      owner: Person.optional(),
      assumptions: Assumptions.optional(),
      /** The whole lever list (validated against the snapshot set). */
      levers: z.array(z.unknown()).optional(),
      by: Person,
    }),
    ScenarioInfo,
    'Rename a scenario, change its owner, assumptions or levers (not once chosen)',
    WRITES,
  ),
  'scenario.duplicate': call(
    z.object({ id: ScenarioId, name: ScenarioName.optional(), by: Person }),
    ScenarioInfo,
    'A copy of a scenario with its levers, to try a variation',
    WRITES,
  ),
  'scenario.delete': call(
    z.object({ id: ScenarioId, by: Person }),
    z.object({ deleted: z.number().int() }),
    'Delete a scenario (not once a decision chose it)',
    WRITES,
  ),
  'scenario.compare': call(
    z.object({ cycleId: z.number().int().positive().optional(), ids: z.array(ScenarioId).min(1).max(4) }),
    z.object({
      cycleId: z.number().int(),
      baseline: ScenarioOutcome,
      scenarios: z.array(z.object({ scenario: ScenarioInfo, outcome: ScenarioOutcome })),
    }),
    'Outcomes of 1 to 4 scenarios beside the baseline, with deltas, in money',
  ),
  'scenario.projection': call(
    z.object({
      cycleId: z.number().int().positive().optional(),
      ids: z.array(ScenarioId).max(4),
      subject: ScenarioSubject,
    }),
    z.object({ periods: z.array(z.string()), series: z.array(ScenarioSeries) }),
    'The projection of one item-location, resource or lane under the baseline and each scenario',
  ),
  'scenario.choose': call(
    z.object({
      id: ScenarioId,
      by: Person,
      title: z.string().trim().min(1).max(200).optional(),
      rationale: z.string().trim().max(4000).optional(),
      owner: Person.optional(),
      /** As typed: an ISO date, `fri`, `+2w`, `end of month` (shared/domain/dueDate.ts). */
      due: z.string().trim().max(40).optional(),
      /** Where the decision goes in the cycle's order (default: the bottom). */
      priority: Priority.optional(),
      /** The KPI the decision aims to move (default: service level). */
      kpiId: z.enum(KPI_IDS).optional(),
    }),
    z.object({
      decision: DecisionBrief.extend({
        priorityRank: z.number().int(),
        kpiId: z.string().nullable(),
        expectedValue: z.number().nullable(),
        dueDate: z.string().nullable(),
        scenarioId: z.number().int(),
        exceptionKey: z.string().nullable(),
      }),
      /** Expected figures (scenario) beside the baseline. */
      expectations: z.array(
        z.object({ figure: z.string(), baseline: z.number().nullable(), expected: z.number().nullable() }),
      ),
      /** Baseline exceptions the scenario answers (resolves), linked to the decision. */
      exceptionKeys: z.array(z.string()),
    }),
    'Choose a scenario: records a decision in the log with its expected KPI values and the exceptions it answers',
    WRITES,
  ),
} as const;
