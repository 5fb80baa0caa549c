// Source connection services (issue 18): the status of every connection, setting and removing
// one, its secret (handed to the secret store of this mode, never written to SQLite, never
// returned), test connection, and a pull now.
import type { ApiInput, ApiOutput } from '../../shared/api';
import type { SourceConnection, SourceConnectionStatus } from '../../shared/calls/sources';
import type { SourceSystem } from '../../shared/domain/canonical';
import { AppError, cutInput } from '../../shared/domain/errors';
import { shownName } from '../../shared/domain/displayName';
import { checkFolder } from '../fs/checkFolder';
import {
  deleteConnection,
  getConnection,
  listConnections,
  saveConnection,
  type SourceConnectionRow,
} from '../db/repos/sourceConnections';
import type { ReadDb, WriteDb } from '../db/types';
import { checkSchedule, nextRunOf, scheduleTimeZone } from '../pulls/cronSchedule';
import { refuseSecretInUrl } from '../secrets/secretInUrl';
import { envNameOf, type SecretName, type SecretStore } from '../secrets/secretStore';

export const sourceSecretName = (source: SourceSystem): SecretName => `source:${source}`;

function secretSet(secrets: SecretStore, name: SecretName): boolean {
  try {
    return secrets.get(name) !== undefined;
  } catch {
    return false; // a file with loose permissions: the pull says why
  }
}

export function connectionStatus(
  db: ReadDb,
  row: SourceConnectionRow,
  secrets: SecretStore,
  running: ReadonlySet<SourceSystem>,
  now = new Date(),
): SourceConnectionStatus {
  const name = sourceSecretName(row.source);
  const next = row.schedule ? nextRunOf(row.schedule, scheduleTimeZone(db), now) : null;
  return {
    source: row.source,
    connection: row.connection,
    schedule: row.schedule,
    secret: {
      set: secretSet(secrets, name),
      fromEnvironment: secrets.fromEnvironment(name),
      environmentVariable: envNameOf(name),
      where: secrets.whereFor(name),
    },
    lastPull: row.lastPull,
    nextPullAt: next ? next.toISOString() : null,
    running: running.has(row.source),
  };
}

/** The connection of `source`, or a not_found that says how to set one. */
export function connectionOf(db: ReadDb, source: SourceSystem): SourceConnectionRow {
  const row = getConnection(db, source);
  if (!row) {
    throw new AppError('not_found', `${source} has no connection set.`, {
      where: { field: 'source', value: source },
      hint: `Set one on the Data page ("Pull from"), or with planroom source set ${source}.`,
    });
  }
  return row;
}

/** What a shape cannot say: a folder that exists, no secret in a header, a table to read. */
export function checkConnection(c: SourceConnection): void {
  if (c.kind === 'folder') {
    checkFolder(c.dir, {
      field: 'dir',
      fileHint: 'Choose the folder the source system exports into, not a file in it.',
      failure: (dir, e) =>
        new AppError('invalid_input', `The folder ${shownName(dir, 200)} cannot be read.`, {
          where: { field: 'dir', value: shownName(dir, 200) },
          hint: `Give the user running Planroom read permission on it (or reconnect the share it is on). ${cutInput(e instanceof Error ? e.message : String(e), 200)}`,
        }),
    });
    return;
  }
  const tables = c.kind === 'http' ? c.tables : c.queries;
  if (Object.keys(tables).length === 0) {
    throw new AppError(
      'invalid_input',
      `Name at least one table to read (${c.kind === 'http' ? 'a URL' : 'a query'}).`,
      {
        where: { field: c.kind === 'http' ? 'tables' : 'queries' },
        hint: 'Each table the mapping profile maps needs one; the profile says which tables the source feeds.',
      },
    );
  }
  // A token or password in a URL's query would be kept in SQLite with the settings.
  const setSecret =
    "set the source's secret (planroom source secret SOURCE, or the Data page): it is kept out of the database.";
  if (c.kind === 'postgres') refuseSecretInUrl(c.url, 'url', `Remove it from the URL and ${setSecret}`);
  else {
    const hint = `Remove it from the URL, choose bearer, basic or API-key (header) auth and ${setSecret}`;
    for (const [table, t] of Object.entries(c.tables)) refuseSecretInUrl(t.url, `tables.${table}.url`, hint);
  }
  if (c.kind === 'http') {
    const carried = c.auth.kind === 'api-key' ? c.auth.header.toLowerCase() : null;
    for (const h of Object.keys(c.headers ?? {})) {
      if (h.toLowerCase() === 'authorization' || h.toLowerCase() === carried || /cookie/i.test(h)) {
        throw new AppError('invalid_input', `The header ${cutInput(h, 100)} would carry a secret in the settings.`, {
          where: { field: 'headers', value: cutInput(h, 100) },
          hint: 'Choose bearer, basic or API-key auth and set the secret instead: it is kept out of the database.',
        });
      }
    }
  }
}

export function listSourceConnections(
  db: ReadDb,
  secrets: SecretStore,
  running: ReadonlySet<SourceSystem>,
): SourceConnectionStatus[] {
  return listConnections(db).map((r) => connectionStatus(db, r, secrets, running));
}

export function setSourceConnection(
  db: WriteDb,
  secrets: SecretStore,
  running: ReadonlySet<SourceSystem>,
  input: ApiInput<'source.set'>,
): SourceConnectionStatus {
  checkConnection(input.connection);
  checkSchedule(input.schedule);
  saveConnection(db, input.source, input.connection, input.schedule);
  return connectionStatus(db, connectionOf(db, input.source), secrets, running);
}

export function removeSourceConnection(
  db: WriteDb,
  secrets: SecretStore,
  source: SourceSystem,
): ApiOutput<'source.remove'> {
  const removed = deleteConnection(db, source);
  // Also when there was none: nothing of it should stay behind.
  secrets.remove(sourceSecretName(source));
  return { removed };
}

/** Only a connection that takes one (HTTP with auth, PostgreSQL) keeps a secret. */
export function setSourceSecret(
  db: ReadDb,
  secrets: SecretStore,
  running: ReadonlySet<SourceSystem>,
  input: ApiInput<'source.setSecret'>,
): SourceConnectionStatus {
  const row = connectionOf(db, input.source);
  const c = row.connection;
  if (c.kind === 'folder' || (c.kind === 'http' && c.auth.kind === 'none')) {
    throw new AppError('invalid_input', `The ${input.source} connection takes no secret.`, {
      where: { field: 'source', value: input.source },
      hint: c.kind === 'folder' ? 'A folder needs no secret.' : 'Choose bearer, basic or API-key auth for it first.',
    });
  }
  secrets.set(sourceSecretName(input.source), input.secret);
  return connectionStatus(db, row, secrets, running);
}

export function removeSourceSecret(
  db: ReadDb,
  secrets: SecretStore,
  running: ReadonlySet<SourceSystem>,
  source: SourceSystem,
): SourceConnectionStatus {
  secrets.remove(sourceSecretName(source));
  return connectionStatus(db, connectionOf(db, source), secrets, running);
}
