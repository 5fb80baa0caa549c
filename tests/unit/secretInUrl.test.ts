// Secrets never in SQLite: a credential in a URL's query (?access_token=, ?password=) is refused
// where a source, an HTTP target or the hub is set, without quoting the URL back.
import { describe, expect, it } from 'vitest';
import type { HttpTargetConfigT } from '../../shared/calls/sync';
import type { SourceConnection } from '../../shared/calls/sources';
import { AppError } from '../../shared/domain/errors';
import { secretParamIn } from '../../electron/secrets/secretInUrl';
import { checkConnection } from '../../electron/services/sources';
import { checkHubUrl } from '../../electron/sync/hubConnection';
import { checkTargetConfig } from '../../electron/sync/targets';

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

const TOKEN = 's3cr3t-t0ken';

describe('a secret in a URL', () => {
  it('is found in the query by credential names only', () => {
    expect(secretParamIn(`https://erp/api/items?access_token=${TOKEN}`)).toBe('access_token');
    expect(secretParamIn(`https://erp/api/items?$top=10&API_KEY=${TOKEN}`)).toBe('API_KEY');
    expect(secretParamIn(`postgres://planroom@erp-db/erp?sslmode=require&password=${TOKEN}`)).toBe('password');
    expect(secretParamIn('https://erp/odata/Items?$filter=Modified gt 2026-01-01&key=items&$select=Id')).toBeNull();
    expect(secretParamIn('postgres://planroom@erp-db:5432/erp')).toBeNull();
    expect(secretParamIn('not a url')).toBeNull();
  });

  it("is refused for a source's feed and database, naming the field, never the secret", () => {
    const http: SourceConnection = {
      kind: 'http',
      odata: false,
      auth: { kind: 'none' },
      timeoutSeconds: 30,
      retries: 2,
      maxPageMb: 64,
      tables: { items: { url: `https://erp/api/items?token=${TOKEN}`, rowsPath: '', paging: { kind: 'none' } } },
    };
    const e = refusal(() => checkConnection(http));
    expect(e.message).toContain('token parameter');
    expect(e.where).toEqual({ field: 'tables.items.url', value: '(a URL with a secret, not shown)' });
    expect(JSON.stringify(e.toShape())).not.toContain(TOKEN);
    const pg: SourceConnection = {
      kind: 'postgres',
      url: `postgres://planroom@erp-db/erp?password=${TOKEN}`,
      tls: 'require',
      statementTimeoutSeconds: 60,
      queries: { items: 'SELECT 1' },
    };
    const p = refusal(() => checkConnection(pg));
    expect(p.hint).toContain('planroom source secret');
    expect(JSON.stringify(p.toShape())).not.toContain(TOKEN);
  });

  it('is refused for an HTTP write-back target and for the hub', () => {
    const target = {
      kind: 'http',
      id: 'erp',
      url: `https://erp/api/decisions?api_key=${TOKEN}`,
      method: 'POST',
      auth: 'none',
      headers: {},
      templates: { decision_event: '{"title": {{decision.title}}}' },
      timeoutMs: 10_000,
    } as HttpTargetConfigT;
    expect(JSON.stringify(refusal(() => checkTargetConfig(target)).toShape())).not.toContain(TOKEN);
    const hub = refusal(() => checkHubUrl(`postgres://planroom@hub/planroom?password=${TOKEN}`));
    expect(hub.hint).toContain('PLANROOM_HUB_PASSWORD');
    expect(JSON.stringify(hub.toShape())).not.toContain(TOKEN);
    expect(checkHubUrl('postgres://planroom@hub:5432/planroom')).toBe('postgres://planroom@hub:5432/planroom');
  });
});
