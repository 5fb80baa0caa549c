// The Data page's Pull-from form as data: a saved connection read into the form and written back
// is the same connection (every paging kind, PostgreSQL, a folder), and what it writes passes the
// contract; a header carrying the secret is refused with the service's field; the contract's field
// names land on the form's fields; each profile's mapped tables and headers; pulled or exported.
import { describe, expect, it } from 'vitest';
import { SourceConnection, type HttpSource } from '../../shared/calls/sources';
import type { CanonicalTableName } from '../../shared/domain/canonical';
import { DEFAULT_PROFILES } from '../../shared/domain/defaultProfiles';
import { connectionOf, draftOf, headerProblem } from '../../renderer/components/sources/connectionDraft';
import { formFieldOf, shownFields } from '../../renderer/components/sources/fieldErrors';
import { mappedTables } from '../../renderer/components/sources/mappedTables';
import { asOfText, isPulled } from '../../renderer/components/sources/snapshotOrigin';

const status = (connection: SourceConnection, schedule: string | null = null) => ({
  source: 'ERP' as const,
  connection,
  schedule,
  secret: { set: false, fromEnvironment: false, environmentVariable: 'PLANROOM_SOURCE_ERP_SECRET', where: 'x' },
  lastPull: null,
  nextPullAt: null,
  running: false,
});

const ERP_TABLES = mappedTables(DEFAULT_PROFILES.ERP).map((t) => t.table);

describe('the Pull-from form draft', () => {
  const http: HttpSource = {
    kind: 'http',
    odata: true,
    auth: { kind: 'api-key', header: 'X-Api-Key' },
    headers: { 'X-Api-Version': '2' },
    timeoutSeconds: 45,
    retries: 2,
    maxPageMb: 16,
    tables: {
      items: { url: 'https://erp.example/odata/Items', rowsPath: 'value', paging: { kind: 'odata', pageSize: 500 } },
      locations: { url: 'https://erp.example/api/plants', rowsPath: 'data.items', paging: { kind: 'none' } },
      customers: {
        url: 'https://erp.example/api/customers',
        rowsPath: '',
        paging: { kind: 'next-link', path: 'links.next' },
        modifiedSince: 'ChangedAt',
      },
      item_locations: {
        url: 'https://erp.example/api/il',
        rowsPath: 'rows',
        paging: { kind: 'offset', offsetParam: 'skip', limitParam: 'take', pageSize: 1000 },
      },
      resources: {
        url: 'https://erp.example/api/resources',
        rowsPath: 'rows',
        paging: { kind: 'cursor', path: 'meta.next', param: 'after' },
      },
      routings: { url: 'https://erp.example/odata/Routings', rowsPath: 'value', paging: { kind: 'odata' } },
    },
  };

  it('writes back the HTTP connection it read, every paging kind, and the contract takes it', () => {
    const d = draftOf(status(http, '0 6 * * 1-5'));
    expect(d.schedule).toBe('0 6 * * 1-5');
    const out = connectionOf(d, ERP_TABLES);
    expect(out).toEqual(http);
    expect(SourceConnection.parse(out)).toEqual(http);
  });

  it('writes back PostgreSQL and folder connections, leaving out tables with no query', () => {
    const pg: SourceConnection = {
      kind: 'postgres',
      url: 'postgres://planroom@erp-db:5432/erp',
      tls: 'verify-full',
      statementTimeoutSeconds: 60,
      queries: { items: 'SELECT 1 AS "Material"' },
    };
    const d = draftOf(status(pg));
    expect(connectionOf({ ...d, queries: { ...d.queries, locations: '  ' } }, ERP_TABLES)).toEqual(pg);
    const folder: SourceConnection = { kind: 'folder', dir: '/srv/exports/erp' };
    expect(connectionOf(draftOf(status(folder)), ERP_TABLES)).toEqual(folder);
  });

  it('keeps the other kinds as typed while one is chosen, and sends only the tables the profile maps', () => {
    const d = { ...draftOf(status(http)), kind: 'postgres' as const, pgUrl: 'postgres://u@h/db' };
    expect(connectionOf({ ...d, kind: 'http' }, ['items'] as CanonicalTableName[])).toMatchObject({
      kind: 'http',
      tables: { items: http.tables.items },
    });
    expect(Object.keys((connectionOf({ ...d, kind: 'http' }, ['items']) as HttpSource).tables)).toEqual(['items']);
  });

  it('sends an empty number as NaN (null in JSON) for the contract to refuse by its field', () => {
    const d = { ...draftOf(status(http)), timeoutSeconds: '' };
    const parsed = SourceConnection.safeParse(JSON.parse(JSON.stringify(connectionOf(d, ERP_TABLES))));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['timeoutSeconds']);
  });

  it('refuses a header that would carry the secret, with the field the service names', () => {
    const d = draftOf(status(http));
    expect(headerProblem(d)).toBeNull();
    for (const name of ['Authorization', ' authorization ', 'x-api-key', 'Cookie']) {
      expect(headerProblem({ ...d, headers: [{ name, value: 'v' }] })).toMatchObject({
        code: 'invalid_input',
        where: { field: 'headers' },
      });
    }
  });
});

describe('the form field an error names', () => {
  const err = (field: string) => ({ message: 'm', where: { field } });
  it('drops the contract prefix and gathers paging and header parts', () => {
    expect(formFieldOf(err('connection.tables.items.url'))).toBe('tables.items.url');
    expect(formFieldOf(err('connection.tables.item_locations.paging.pageSize'))).toBe('tables.item_locations.paging');
    expect(formFieldOf(err('connection.headers.X Bad'))).toBe('headers');
    expect(formFieldOf(err('schedule'))).toBe('schedule');
    expect(formFieldOf({ message: 'm' })).toBeUndefined();
  });
  it('knows which fields each kind shows', () => {
    expect(shownFields('http', ['items']).has('tables.items.paging')).toBe(true);
    expect(shownFields('http', ['items']).has('queries.items')).toBe(false);
    expect(shownFields('postgres', ['items']).has('queries.items')).toBe(true);
    expect(shownFields('folder', []).has('dir')).toBe(true);
    expect(shownFields('folder', []).has('tables')).toBe(false);
  });
});

describe("a source profile's mapped tables", () => {
  it('lists each table once with the headers a feed or query must have', () => {
    const erp = mappedTables(DEFAULT_PROFILES.ERP);
    expect(erp[0]).toMatchObject({ table: 'items', optional: false });
    expect(erp[0]!.headers).toContain('Material');
    expect(new Set(erp.map((t) => t.table)).size).toBe(erp.length);
    expect(mappedTables(DEFAULT_PROFILES.TMS).find((t) => t.table === 'lanes')?.headers).toEqual([
      'lane_id',
      'origin',
      'destination',
      'mode',
      'transit_days',
      'cost_per_load',
    ]);
  });
});

describe('pulled or exported', () => {
  it('tells a pull from a file import by the origin', () => {
    for (const o of [
      'GET https://erp.example/odata/Items',
      'https://erp.example/api',
      'query for items',
      'postgres://u@h/db',
      'http ERP',
    ]) {
      expect(isPulled(o)).toBe(true);
    }
    for (const o of ['/tmp/company/erp', 'C:\\exports\\erp', 'httpdocs/erp', 'queries/erp'])
      expect(isPulled(o)).toBe(false);
    expect(asOfText('query for items', '2026-12-01T06:00:00Z')).toBe('pulled 2026-12-01 06:00 UTC');
    expect(asOfText('/tmp/company/erp', '2026-11-30T22:00:00Z')).toBe('exported 2026-11-30 22:00 UTC');
    expect(asOfText(undefined, '2026-11-30T22:00:00Z')).toBe('2026-11-30 22:00 UTC');
  });
});
