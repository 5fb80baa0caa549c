// The database's own description of itself (sqlite_master, table_info, foreign_key_list), read so
// that pruning a bundle follows whatever tables a migration adds instead of a list kept by hand.
import type Database from 'better-sqlite3';

export interface ForeignKey {
  /** The child table holding the reference. */
  table: string;
  /** Its columns, in order. */
  from: string[];
  parent: string;
  /** The parent's columns (its primary key when the schema names none). */
  to: string[];
  onDelete: string;
  /** Every child column may hold NULL. */
  nullable: boolean;
}

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;
export { quote as quoteName };

export function tableNames(db: Database.Database): string[] {
  return (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[]
  ).map((r) => r.name);
}

interface ColumnInfo {
  name: string;
  notnull: number;
  pk: number;
}

const columnsOf = (db: Database.Database, table: string): ColumnInfo[] =>
  db.prepare(`PRAGMA table_info(${quote(table)})`).all() as ColumnInfo[];

export function primaryKey(db: Database.Database, table: string): string[] {
  return columnsOf(db, table)
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => c.name);
}

/** Every foreign key of every table. */
export function foreignKeys(db: Database.Database): ForeignKey[] {
  const out: ForeignKey[] = [];
  for (const table of tableNames(db)) {
    const cols = new Map(columnsOf(db, table).map((c) => [c.name, c]));
    const rows = db.prepare(`PRAGMA foreign_key_list(${quote(table)})`).all() as {
      id: number;
      seq: number;
      table: string;
      from: string;
      to: string | null;
      on_delete: string;
    }[];
    const byId = new Map<number, typeof rows>();
    for (const r of rows) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
    for (const parts of byId.values()) {
      parts.sort((a, b) => a.seq - b.seq);
      const parent = parts[0]!.table;
      const to = parts.every((p) => p.to) ? parts.map((p) => p.to!) : primaryKey(db, parent);
      out.push({
        table,
        from: parts.map((p) => p.from),
        parent,
        to,
        onDelete: parts[0]!.on_delete.toUpperCase(),
        nullable: parts.every((p) => cols.get(p.from)?.notnull === 0),
      });
    }
  }
  return out;
}

/** SQL that is true for a child row whose reference points at no parent row. */
export function danglingWhere(fk: ForeignKey): string {
  const present = fk.from.map((c) => `c.${quote(c)} IS NOT NULL`).join(' AND ');
  const match = fk.from.map((c, i) => `p.${quote(fk.to[i]!)} = c.${quote(c)}`).join(' AND ');
  return `${present} AND NOT EXISTS (SELECT 1 FROM ${quote(fk.parent)} p WHERE ${match})`;
}
