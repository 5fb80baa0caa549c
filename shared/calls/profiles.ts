// Mapping profiles: how a source's exports are read into the canonical tables.
// Part of the API contract (shared/api.ts merges every group into the one map).
import { z } from 'zod';
import { SourceProfile } from '../domain/profile';
import { Person, Source, WRITES, call } from './common';

export const StoredProfile = z.object({
  profile: SourceProfile,
  customized: z.boolean(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});

export const profileCalls = {
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
