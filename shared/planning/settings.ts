// The engine's settings and the KPI definitions, as zod schemas: where DOMAIN.md says "a setting,
// not a fork", the value lives here, is stored in SQLite and is edited in the UI.
import { z } from 'zod';

export const CONSUMPTION_RULES = ['max', 'forecast', 'orders', 'sum'] as const;

export const PlanningSettings = z.object({
  /** demand(t) from forecast and open committed orders: the larger (DOMAIN.md), or one, or both. */
  consumption: z.enum(CONSUMPTION_RULES).default('max'),
  /** logistics_cost_guardrail: freight above this share of the order margin. */
  freightGuardrail: z.number().min(0).max(1).default(0.08),
  /** demand_shift: relative move that counts, inside the replenishment lead time. */
  demandShiftThreshold: z.number().min(0).max(10).default(0.3),
  /** demand_shift: moves smaller than this many units are noise. */
  demandShiftMinQty: z.number().min(0).default(5),
  /** Past periods forecast accuracy looks at. */
  accuracyPeriods: z.number().int().min(1).max(26).default(13),
  /** Past periods plan adherence looks at. */
  adherencePeriods: z.number().int().min(1).max(26).default(8),
});
export type PlanningSettingsT = z.output<typeof PlanningSettings>;
export const DEFAULT_SETTINGS: PlanningSettingsT = PlanningSettings.parse({});

export const KPI_IDS = [
  'forecast_accuracy',
  'service_level',
  'inventory_turnover',
  'plan_adherence',
  'logistics_deviations',
] as const;
export type KpiId = (typeof KPI_IDS)[number];

/** The figures each KPI computes; triggers name one of them. */
export const KPI_METRICS: Record<KpiId, readonly string[]> = {
  forecast_accuracy: ['accuracy', 'bias', 'abs_bias'],
  service_level: ['otif', 'fill_rate', 'projected_otif'],
  inventory_turnover: ['turns'],
  plan_adherence: ['adherence'],
  logistics_deviations: ['deviation_rate', 'freight_cost'],
};

export const Trigger = z.object({
  metric: z.string(),
  op: z.enum(['<', '<=', '>', '>=']),
  value: z.number().finite(),
});
export type TriggerT = z.output<typeof Trigger>;

export const KpiDefinition = z
  .object({
    id: z.enum(KPI_IDS),
    name: z.string().trim().min(1).max(80),
    definition: z.string(),
    ownerRole: z.string().trim().min(1, 'an owner role').max(80),
    triggers: z.array(Trigger).min(1, 'at least one trigger').max(6),
    playbook: z.string().trim().min(1, 'a playbook: the first action proposed').max(2000),
  })
  .superRefine((k, ctx) => {
    const metrics = KPI_METRICS[k.id];
    k.triggers.forEach((t, i) => {
      if (!metrics.includes(t.metric)) {
        ctx.addIssue({
          code: 'custom',
          path: ['triggers', i, 'metric'],
          message: `${k.id} has the figures ${metrics.join(', ')}, not "${t.metric}"`,
        });
      }
    });
  });
export type KpiDefinitionT = z.output<typeof KpiDefinition>;

export function breached(value: number | null, t: TriggerT): boolean {
  if (value === null || !Number.isFinite(value)) return false;
  switch (t.op) {
    case '<':
      return value < t.value;
    case '<=':
      return value <= t.value;
    case '>':
      return value > t.value;
    case '>=':
      return value >= t.value;
  }
}
