// Which PostgreSQL result types a pull reads, by the type OID a result column carries
// (RowDescription's dataTypeID), and what each is called when one is refused. Built-in types have
// fixed OIDs; extension types (citext), enums and domains get theirs when created, so each
// connection reads the database's own catalogue once (TYPE_CATALOGUE_SQL) before the query runs.

/** How a column's text is turned into a pulled cell (pgCells.ts). */
export type CellKind = 'int' | 'numeric' | 'float' | 'text' | 'date' | 'timestamp' | 'timestamptz' | 'bool';

/** A type as the catalogue describes it. */
export interface PgType {
  oid: number;
  /** As PostgreSQL writes it: "jsonb", "integer[]", "timestamp without time zone". */
  name: string;
  /** pg_type.typtype: b base, d domain, e enum, r range, m multirange. */
  typtype: string;
  /** A domain's underlying type; 0 otherwise. */
  baseOid: number;
  /** pg_type.typname: "citext". */
  typname: string;
}

/** The built-in types read, by OID (src/include/catalog/pg_type.dat), with their names. */
const BUILT_IN: ReadonlyMap<number, { name: string; kind: CellKind }> = new Map([
  [16, { name: 'boolean', kind: 'bool' }],
  [19, { name: 'name', kind: 'text' }],
  [20, { name: 'bigint', kind: 'int' }],
  [21, { name: 'smallint', kind: 'int' }],
  [23, { name: 'integer', kind: 'int' }],
  [25, { name: 'text', kind: 'text' }],
  [700, { name: 'real', kind: 'float' }],
  [701, { name: 'double precision', kind: 'float' }],
  [1042, { name: 'character', kind: 'text' }],
  [1043, { name: 'character varying', kind: 'text' }],
  [1082, { name: 'date', kind: 'date' }],
  [1114, { name: 'timestamp without time zone', kind: 'timestamp' }],
  [1184, { name: 'timestamp with time zone', kind: 'timestamptz' }],
  [1700, { name: 'numeric', kind: 'numeric' }],
  [2950, { name: 'uuid', kind: 'text' }],
]);

/** Names of common built-in types refused, for when the catalogue could not say. */
const REFUSED_NAMES: ReadonlyMap<number, string> = new Map([
  [17, 'bytea'],
  [18, '"char"'],
  [26, 'oid'],
  [114, 'json'],
  [142, 'xml'],
  [790, 'money'],
  [1083, 'time without time zone'],
  [1186, 'interval'],
  [1266, 'time with time zone'],
  [3802, 'jsonb'],
]);

/**
 * The catalogue's types a result column can have: not the row types of tables (one per table, a
 * large database has thousands) nor arrays of them; those are refused under their OID.
 */
export const TYPE_CATALOGUE_SQL = `SELECT t.oid::int AS oid, format_type(t.oid, NULL) AS name, t.typtype::text AS typtype,
  t.typbasetype::int AS "baseOid", t.typname::text AS typname
FROM pg_catalog.pg_type t
WHERE t.typtype <> 'c' AND t.typtype <> 'p'
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type e WHERE e.oid = t.typelem AND e.typtype = 'c')`;

export class TypeCatalogue {
  private readonly byOid: Map<number, PgType>;

  constructor(types: readonly PgType[] = []) {
    this.byOid = new Map(types.map((t) => [t.oid, t]));
  }

  /** How a column of this type is read, or null when it is not (json, bytea, arrays...). */
  kindOf(oid: number): CellKind | null {
    // A domain over a domain over text is text: follow the chain, guarding against a loop.
    for (let depth = 0; depth < 32; depth++) {
      const builtIn = BUILT_IN.get(oid);
      if (builtIn) return builtIn.kind;
      const t = this.byOid.get(oid);
      if (!t) return null;
      if (t.typtype === 'e' || t.typname === 'citext') return 'text';
      if (t.typtype !== 'd' || t.baseOid === 0) return null;
      oid = t.baseOid;
    }
    return null;
  }

  /** The type's name as PostgreSQL writes it, for an error. */
  nameOf(oid: number): string {
    return this.byOid.get(oid)?.name ?? BUILT_IN.get(oid)?.name ?? REFUSED_NAMES.get(oid) ?? `type OID ${oid}`;
  }
}
