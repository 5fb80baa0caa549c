// The canonical tables a source's mapping profile maps, in the profile's order, with the source
// headers each must supply: a pulled table needs a URL or a query for each, and its JSON fields or
// result columns are matched against those headers exactly as a file's header is.
import type { CanonicalTableName } from '../../../shared/domain/canonical';
import { headersOf } from '../../../shared/domain/mappingHeaders';
import type { SourceProfile } from '../../../shared/domain/profile';

export interface MappedTable {
  table: CanonicalTableName;
  /** The profile's source headers for it (columns and what derived columns read). */
  headers: string[];
  /** The profile marks it optional: the source may not feed it. */
  optional: boolean;
}

export function mappedTables(profile: SourceProfile): MappedTable[] {
  const out = new Map<CanonicalTableName, MappedTable>();
  for (const f of profile.files) {
    const had = out.get(f.table);
    // Two files feeding one table (pick all, or two patterns): one feed, every header it needs.
    const headers = [...new Set([...(had?.headers ?? []), ...headersOf(f)])];
    out.set(f.table, { table: f.table, headers, optional: (had?.optional ?? true) && f.optional === true });
  }
  return [...out.values()];
}
