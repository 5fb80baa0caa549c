// A source connection as its form holds it: every field as typed (text for numbers, every kind's
// fields kept while another kind is chosen, so switching back loses nothing), turned into the
// contract's SourceConnection on Save. The contract (shared/calls/sources.ts) checks the values;
// only what it cannot see from the typed text (a header that would carry the secret) is refused
// here, with the same field name the service uses, so the message lands beside the same field.
import type { SourceConnectionStatusT } from '../../../shared/api';
import type { HttpPaging, HttpSource, PostgresSource, SourceConnection } from '../../../shared/calls/sources';
import type { CanonicalTableName } from '../../../shared/domain/canonical';
import type { AppErrorShape } from '../../../shared/domain/errors';

export type ConnectionKind = SourceConnection['kind'];
export type AuthKind = HttpSource['auth']['kind'];
export type PagingKind = HttpPaging['kind'];
export type Tls = PostgresSource['tls'];

export interface HttpTableDraft {
  url: string;
  rowsPath: string;
  paging: PagingKind;
  /** next-link and cursor: where the next link or cursor is in each page. */
  path: string;
  /** odata ($top, optional) and offset (required). */
  pageSize: string;
  offsetParam: string;
  limitParam: string;
  cursorParam: string;
  modifiedSince: string;
}

export interface HeaderDraft {
  name: string;
  value: string;
}

export interface ConnectionDraft {
  kind: ConnectionKind;
  dir: string;
  odata: boolean;
  auth: AuthKind;
  username: string;
  apiKeyHeader: string;
  headers: HeaderDraft[];
  timeoutSeconds: string;
  retries: string;
  maxPageMb: string;
  tables: Partial<Record<CanonicalTableName, HttpTableDraft>>;
  pgUrl: string;
  tls: Tls;
  statementTimeoutSeconds: string;
  queries: Partial<Record<CanonicalTableName, string>>;
  schedule: string;
}

export const emptyTable = (): HttpTableDraft => ({
  url: '',
  rowsPath: '',
  paging: 'none',
  path: '',
  pageSize: '',
  offsetParam: 'offset',
  limitParam: 'limit',
  cursorParam: 'cursor',
  modifiedSince: '',
});

function tableDraft(t: HttpSource['tables'][CanonicalTableName]): HttpTableDraft {
  const d = emptyTable();
  if (!t) return d;
  const p = t.paging;
  return {
    ...d,
    url: t.url,
    rowsPath: t.rowsPath,
    paging: p.kind,
    path: p.kind === 'next-link' || p.kind === 'cursor' ? p.path : '',
    pageSize: p.kind === 'odata' || p.kind === 'offset' ? String(p.pageSize ?? '') : '',
    offsetParam: p.kind === 'offset' ? p.offsetParam : d.offsetParam,
    limitParam: p.kind === 'offset' ? p.limitParam : d.limitParam,
    cursorParam: p.kind === 'cursor' ? p.param : d.cursorParam,
    modifiedSince: t.modifiedSince ?? '',
  };
}

/** The form's start: the saved connection, or a folder with HTTP and PostgreSQL defaults behind it. */
export function draftOf(status: SourceConnectionStatusT | null): ConnectionDraft {
  const c = status?.connection;
  const http = c?.kind === 'http' ? c : null;
  const pg = c?.kind === 'postgres' ? c : null;
  const tables: ConnectionDraft['tables'] = {};
  for (const [name, t] of Object.entries(http?.tables ?? {})) tables[name as CanonicalTableName] = tableDraft(t);
  return {
    kind: c?.kind ?? 'folder',
    dir: c?.kind === 'folder' ? c.dir : '',
    odata: http?.odata ?? false,
    auth: http?.auth.kind ?? 'bearer',
    username: http?.auth.kind === 'basic' ? http.auth.username : '',
    apiKeyHeader: http?.auth.kind === 'api-key' ? http.auth.header : 'X-Api-Key',
    headers: Object.entries(http?.headers ?? {}).map(([name, value]) => ({ name, value })),
    timeoutSeconds: String(http?.timeoutSeconds ?? 30),
    retries: String(http?.retries ?? 3),
    maxPageMb: String(http?.maxPageMb ?? 64),
    tables,
    pgUrl: pg?.url ?? '',
    tls: pg?.tls ?? 'require',
    statementTimeoutSeconds: String(pg?.statementTimeoutSeconds ?? 300),
    queries: { ...pg?.queries },
    schedule: status?.schedule ?? '',
  };
}

/** A typed number: the number, or NaN for the contract to refuse beside its field. */
const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));

function paging(t: HttpTableDraft): HttpPaging {
  switch (t.paging) {
    case 'none':
      return { kind: 'none' };
    case 'next-link':
      return { kind: 'next-link', path: t.path.trim() };
    case 'odata':
      return t.pageSize.trim() ? { kind: 'odata', pageSize: num(t.pageSize) } : { kind: 'odata' };
    case 'offset':
      return { kind: 'offset', offsetParam: t.offsetParam, limitParam: t.limitParam, pageSize: num(t.pageSize) };
    case 'cursor':
      return { kind: 'cursor', path: t.path.trim(), param: t.cursorParam };
  }
}

function auth(d: ConnectionDraft): HttpSource['auth'] {
  if (d.auth === 'basic') return { kind: 'basic', username: d.username };
  if (d.auth === 'api-key') return { kind: 'api-key', header: d.apiKeyHeader };
  return { kind: d.auth };
}

/** A header that would carry the secret in the settings: the same refusal the service gives. */
export function headerProblem(d: ConnectionDraft): AppErrorShape | null {
  const carried = d.auth === 'api-key' ? d.apiKeyHeader.trim().toLowerCase() : null;
  for (const h of d.headers) {
    const name = h.name.trim().toLowerCase();
    if (name === 'authorization' || name === carried || /cookie/.test(name)) {
      return {
        code: 'invalid_input',
        message: `The header ${h.name.trim()} would carry a secret in the settings.`,
        where: { field: 'headers' },
        hint: 'Choose bearer, basic or API-key auth and set the secret instead: it is kept out of the database.',
      };
    }
  }
  return null;
}

/**
 * The connection to save, for the tables the profile maps: a table whose URL (or query) is left
 * empty is not sent (an optional table may lack one; the service names a required one).
 */
export function connectionOf(d: ConnectionDraft, tables: readonly CanonicalTableName[]): SourceConnection {
  if (d.kind === 'folder') return { kind: 'folder', dir: d.dir };
  if (d.kind === 'postgres') {
    const queries: PostgresSource['queries'] = {};
    for (const t of tables) if (d.queries[t]?.trim()) queries[t] = d.queries[t];
    return {
      kind: 'postgres',
      url: d.pgUrl,
      tls: d.tls,
      statementTimeoutSeconds: num(d.statementTimeoutSeconds),
      queries,
    };
  }
  const out: HttpSource['tables'] = {};
  for (const name of tables) {
    const t = d.tables[name];
    if (!t?.url.trim()) continue;
    out[name] = {
      url: t.url.trim(),
      rowsPath: t.rowsPath,
      paging: paging(t),
      ...(t.modifiedSince.trim() ? { modifiedSince: t.modifiedSince } : {}),
    };
  }
  const headers = d.headers.filter((h) => h.name.trim() !== '');
  return {
    kind: 'http',
    odata: d.odata,
    auth: auth(d),
    ...(headers.length ? { headers: Object.fromEntries(headers.map((h) => [h.name.trim(), h.value])) } : {}),
    timeoutSeconds: num(d.timeoutSeconds),
    retries: num(d.retries),
    maxPageMb: num(d.maxPageMb),
    tables: out,
  };
}

/** The field an error names, as the form's fields are named: "connection.tables.items.url" -> "tables.items.url". */
export const fieldOf = (e: AppErrorShape | null): string | undefined => e?.where?.field?.replace(/^connection\./, '');
