// Flag readers and text shapes that more than one verb uses, so they read and print alike.
import { SOURCE_SYSTEMS, type SourceSystem } from '../../shared/domain/canonical';
import { usage } from './core';

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
