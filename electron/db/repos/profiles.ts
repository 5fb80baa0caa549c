// Mapping profiles: the stored profile of a source, else the one that ships for it. Saving
// validates the shape and the rules (shared/domain/profile.ts) and logs every version.
import type { ApiOutput } from '../../../shared/api';
import type { SourceSystem } from '../../../shared/domain/canonical';
import { DEFAULT_PROFILES } from '../../../shared/domain/defaultProfiles';
import { AppError } from '../../../shared/domain/errors';
import { parseOrThrow } from '../../../shared/domain/validate';
import { checkProfile, SourceProfile } from '../../../shared/domain/profile';
import { nowIso, type ReadDb, type WriteDb } from '../types';
import { writeTx } from '../writeTx';

/** A source's profile as the contract serves it (profile.get); customized is false for the default. */
export type StoredProfile = ApiOutput<'profile.get'>;

export function getProfile(db: ReadDb, source: SourceSystem): StoredProfile {
  const row = db
    .prepare('SELECT profile, updated_by, updated_at FROM mapping_profiles WHERE source_id = ?')
    .get(source) as { profile: string; updated_by: string; updated_at: string } | undefined;
  if (!row) return { profile: DEFAULT_PROFILES[source], customized: false, updatedBy: null, updatedAt: null };
  return {
    profile: SourceProfile.parse(JSON.parse(row.profile)),
    customized: true,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

/**
 * A profile from JSON or an object, or an error naming the first wrong field. `shapeOnly` skips
 * the rules beyond the shape (every required column mapped...): a draft being mapped is looked at
 * before it is complete.
 */
export function validateProfile(source: SourceSystem, input: unknown, shapeOnly = false): SourceProfile {
  const profile = parseOrThrow(SourceProfile, input, `The ${source} profile is`, {
    hint: 'Compare with `planroom profile show` for the shape.',
  });
  if (profile.source !== source) {
    throw new AppError('invalid_input', `The profile is for ${profile.source}, not ${source}.`, {
      where: { field: 'source' },
    });
  }
  const problem = shapeOnly ? undefined : checkProfile(profile)[0];
  if (problem) {
    throw new AppError('invalid_input', `The ${source} profile is not valid: ${problem.message}.`, {
      where: { field: problem.path },
    });
  }
  return profile;
}

export function saveProfile(db: WriteDb, source: SourceSystem, input: unknown, by: string): StoredProfile {
  const profile = validateProfile(source, input);
  const json = JSON.stringify(profile);
  const at = nowIso();
  writeTx(db, 'profile', () => {
    db.prepare(
      `INSERT INTO mapping_profiles (source_id, profile, updated_by, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (source_id) DO UPDATE SET profile = excluded.profile, updated_by = excluded.updated_by,
         updated_at = excluded.updated_at`,
    ).run(source, json, by, at);
    db.prepare('INSERT INTO mapping_profile_log (source_id, profile, changed_by, changed_at) VALUES (?, ?, ?, ?)').run(
      source,
      json,
      by,
      at,
    );
  });
  return { profile, customized: true, updatedBy: by, updatedAt: at };
}

/** Back to the profile that ships; logged with an empty profile. */
export function resetProfile(db: WriteDb, source: SourceSystem, by: string): StoredProfile {
  writeTx(db, 'profile', () => {
    db.prepare('DELETE FROM mapping_profiles WHERE source_id = ?').run(source);
    db.prepare(
      "INSERT INTO mapping_profile_log (source_id, profile, changed_by, changed_at, note) VALUES (?, NULL, ?, ?, 'reset to default')",
    ).run(source, by, nowIso());
  });
  return getProfile(db, source);
}
