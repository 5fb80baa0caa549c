// Mapping profiles: the stored profile of a source, else the one that ships for it. Saving
// validates the shape and the rules (shared/domain/profile.ts) and logs every version.
import type { ApiOutput } from '../../../shared/api';
import type { SourceSystem } from '../../../shared/domain/canonical';
import { DEFAULT_PROFILES } from '../../../shared/domain/defaultProfiles';
import { AppError } from '../../../shared/domain/errors';
import { checkProfile, SourceProfile, type ProfileProblem } from '../../../shared/domain/profile';
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
 * A profile from JSON or an object, or one error listing every problem found: all the fields of
 * the wrong shape, else every rule the profile breaks (checkProfile), so a person fixing a
 * profile by hand sees all of them at once. `shapeOnly` skips the rules beyond the shape (every
 * required column mapped...): a draft being mapped in the onboarding flow is looked at before it
 * is complete.
 */
export function validateProfile(source: SourceSystem, input: unknown, shapeOnly = false): SourceProfile {
  const parsed = SourceProfile.safeParse(input);
  const problems: ProfileProblem[] = parsed.success
    ? shapeOnly
      ? []
      : checkProfile(parsed.data)
    : parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  if (parsed.success && parsed.data.source !== source) {
    problems.unshift({ path: 'source', message: `the profile is for ${parsed.data.source}, not ${source}` });
  }
  if (problems.length === 0) return parsed.data!;
  const [first] = problems;
  const more = problems.length - 1;
  const what = (p: ProfileProblem) => `${p.path ? `${p.path}: ` : ''}${p.message}`;
  throw new AppError(
    'invalid_input',
    `The ${source} profile is not valid: ${what(first!)}${more > 0 ? ` — and ${more} more problem${more === 1 ? '' : 's'}` : ''}.`,
    {
      where: { field: first!.path || undefined },
      hint: 'Compare with `planroom profile show` for the shape, and `planroom profile schema` for the columns.',
      details: problems.map((p) => ({ message: p.message, where: { field: p.path || undefined } })),
    },
  );
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
