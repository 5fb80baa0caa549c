// "Test connection" (issue 18 item 4): the first rows of each table the profile maps, read from
// the connection, and what was found. Not built yet: the helper building it replaces this file.
import type { ApiOutput } from '../../shared/api';
import type { SourceConnection } from '../../shared/calls/sources';
import type { SourceSystem } from '../../shared/domain/canonical';
import type { ReadDb } from '../db/types';
import type { SecretStore } from '../secrets/secretStore';

export function testSource(
  db: ReadDb,
  source: SourceSystem,
  connection: SourceConnection,
  secrets: SecretStore,
): Promise<ApiOutput<'source.test'>> {
  void db;
  void connection;
  void secrets;
  return Promise.resolve({ source, ok: false, tables: [] });
}
