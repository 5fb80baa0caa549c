// The demo company as tables of typed values, the same rows `planroom demo` writes to its export
// files (electron/demo/generate.ts), keyed by the default profiles' source headers: what the test
// feeds (an HTTP/OData server, a PostgreSQL database) serve, so a pull and a file import of the
// demo can be compared row for row.
import { SOURCE_SYSTEMS, type CanonicalTableName, type SourceSystem } from '../../shared/domain/canonical';
import { DEFAULT_PROFILES } from '../../shared/domain/defaultProfiles';
import { buildCompany, type DemoSize } from '../../electron/demo/company';
import { DEFAULT_DEMO_SEED } from '../../electron/demo/generate';
import { STREAMS } from '../../electron/demo/rows';

export type DemoValue = string | number | null;

export interface DemoTable {
  source: SourceSystem;
  table: CanonicalTableName;
  /** The source's field names (the default profile's headers), in the export's column order. */
  fields: string[];
  /** The rows, each value in `fields` order; a fresh iterator each call (L is millions of rows). */
  rows(): Iterable<DemoValue[]>;
}

export function demoTables(size: DemoSize, seed = DEFAULT_DEMO_SEED): DemoTable[] {
  const company = buildCompany(size, seed);
  return SOURCE_SYSTEMS.flatMap((source) =>
    DEFAULT_PROFILES[source].files.map((f) => {
      const columns = Object.keys(f.columns);
      return {
        source,
        table: f.table,
        fields: Object.values(f.columns),
        *rows() {
          for (const row of STREAMS[f.table](company)) yield columns.map((c) => row[c] ?? null);
        },
      };
    }),
  );
}

/** The demo's tables of one source system. */
export const demoTablesOf = (source: SourceSystem, size: DemoSize, seed?: number): DemoTable[] =>
  demoTables(size, seed).filter((t) => t.source === source);
