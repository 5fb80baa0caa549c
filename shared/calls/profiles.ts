// Mapping profiles: how a source's exports are read into the canonical tables.
// Part of the API contract (shared/api.ts merges every group into the one map).
import { z } from 'zod';
import { CANONICAL_TABLES, type CanonicalTableName } from '../domain/canonical';
import { SourceProfile } from '../domain/profile';
import { Person, Source, WRITES, call } from './common';

export const StoredProfile = z.object({
  profile: SourceProfile,
  customized: z.boolean(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});

const TableName = z.enum(CANONICAL_TABLES.map((t) => t.name) as [CanonicalTableName, ...CanonicalTableName[]]);

/** The canonical schema (shared/domain/canonical.ts canonicalSchema()) as the API serves it. */
export const SchemaTable = z.object({
  name: TableName,
  owner: Source,
  meaning: z.string(),
  key: z.array(z.string()),
  columns: z.array(
    z.object({
      name: z.string(),
      type: z.enum(['text', 'int', 'real', 'date', 'period', 'bool']),
      required: z.boolean(),
      min: z.number().nullable(),
      allowed: z.array(z.string()).nullable(),
      meaning: z.string(),
      key: z.boolean(),
    }),
  ),
});

export const profileCalls = {
  'profile.schema': call(
    z.object({ table: TableName.optional() }),
    z.array(SchemaTable),
    'The canonical tables a profile maps onto: every column with type, required, allowed values and meaning',
  ),
  'profile.get': call(z.object({ source: Source }), StoredProfile, "A source's mapping profile (stored, else default)"),
  'profile.save': call(
    z.object({ source: Source, profile: z.unknown(), by: Person }),
    StoredProfile,
    "Validate and store a source's mapping profile (logged)",
    WRITES,
  ),
  'profile.reset': call(
    z.object({ source: Source, by: Person }),
    StoredProfile,
    'Go back to the mapping profile that ships for the source (logged)',
    WRITES,
  ),
} as const;
