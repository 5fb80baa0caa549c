// Branded database handles (after Signal's ReadDb/WriteDb): a function that takes a WriteDb
// says in its signature that it writes. Both are the same better-sqlite3 connection at runtime.
import type Database from 'better-sqlite3';

declare const readBrand: unique symbol;
declare const writeBrand: unique symbol;

export type ReadDb = Database.Database & { readonly [readBrand]: true };
export type WriteDb = ReadDb & { readonly [writeBrand]: true };

/** ISO-8601 UTC timestamp for created_at columns. */
export const nowIso = (): string => new Date().toISOString();
