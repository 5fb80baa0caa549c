// The connection reading API calls use. In WAL mode it reads the last committed state while the
// writing connection holds a transaction open (an import takes seconds to minutes), so no reader
// sees a half-written snapshot. A database in memory (tests) has only its one connection.
import Database from 'better-sqlite3';
import { busyTimeoutMs } from './busy';
import type { ReadDb, WriteDb } from './types';

export function openReadConnection(db: WriteDb): ReadDb {
  if (db.memory) return db;
  const read = new Database(db.name, { readonly: true, fileMustExist: true });
  read.pragma(`busy_timeout = ${busyTimeoutMs()}`);
  return read as ReadDb;
}
