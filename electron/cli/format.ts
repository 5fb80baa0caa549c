// Flag readers and text shapes that more than one verb uses, so they read and print alike.
import { SOURCE_SYSTEMS, type SourceSystem } from '../../shared/domain/canonical';
import { formatMoney, PLAIN_STYLE, type NumberStyle } from '../../shared/domain/numberFormat';
import { callApi, usage, type Io } from './core';

/** `--source erp` or a SOURCE argument as one of the source systems; anything else is a usage error. */
export function sourceOption(value: unknown): SourceSystem {
  const source = String(value ?? '').toUpperCase();
  if (!SOURCE_SYSTEMS.includes(source as SourceSystem))
    throw usage(`the source must be one of ${SOURCE_SYSTEMS.join(', ')}`);
  return source as SourceSystem;
}

/** Counts by name on one line: "items 12, orders 40". */
export function formatCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
}

/**
 * The one number format as the CLI prints it: 'en' separators (never the machine's locale, so
 * output is the same everywhere) and the cycle's currency on money, as the app shows it.
 */
export async function cycleNumberStyle(io: Io, v: Record<string, unknown>, cycleId?: number): Promise<NumberStyle> {
  const overview = await callApi(io, v, 'cycle.overview', { cycleId });
  return { ...PLAIN_STYLE, currency: overview?.cycle.currency ?? null };
}

/** A sum of money in the style's currency: "€12,345"; cents only on small sums that have them. */
export const money = (x: number, style: NumberStyle): string => formatMoney(x, style);
