// The request headers of a feed and the scrubbing of its secret from quoted answers.
import { describe, expect, it } from 'vitest';
import type { HttpSource } from '../../shared/calls/sources';
import type { AppError } from '../../shared/domain/errors';
import { feedAuth } from '../../electron/pulls/httpAuth';

const base: HttpSource = {
  kind: 'http',
  odata: false,
  auth: { kind: 'none' },
  timeoutSeconds: 30,
  retries: 0,
  maxPageMb: 8,
  tables: {},
};
const FROM = 'GET https://erp/api/items';

describe('feedAuth', () => {
  it('asks for JSON, and for OData v4 with numbers as strings', () => {
    expect(feedAuth(base, undefined, FROM).headers).toEqual({ Accept: 'application/json' });
    expect(feedAuth({ ...base, odata: true }, undefined, FROM).headers).toMatchObject({
      Accept: 'application/json;odata.metadata=minimal;IEEE754Compatible=true',
      'OData-Version': '4.0',
    });
  });

  it('sends the secret as bearer, basic or an API key, over a header of the settings of the same name', () => {
    const headers = { 'x-tenant': '7', authorization: 'Bearer stale', 'X-API-KEY': 'stale' };
    expect(feedAuth({ ...base, auth: { kind: 'bearer' }, headers }, 's3', FROM).headers).toEqual({
      Accept: 'application/json',
      'x-tenant': '7',
      'X-API-KEY': 'stale',
      Authorization: 'Bearer s3',
    });
    const basic = feedAuth({ ...base, auth: { kind: 'basic', username: 'plan' } }, 'pw', FROM).headers;
    expect(basic.Authorization).toBe(`Basic ${Buffer.from('plan:pw').toString('base64')}`);
    const key = feedAuth({ ...base, auth: { kind: 'api-key', header: 'X-Api-Key' }, headers }, 'k1', FROM).headers;
    expect(key).toEqual({
      Accept: 'application/json',
      'x-tenant': '7',
      authorization: 'Bearer stale',
      'X-Api-Key': 'k1',
    });
  });

  it('refuses to ask without the secret its auth needs', () => {
    expect(() => feedAuth({ ...base, auth: { kind: 'api-key', header: 'X-Key' } }, '', FROM)).toThrow(
      'No API key is set for this connection (api-key auth); nothing was asked.',
    );
  });

  it("names the pulled source's own variable and command in the hint", () => {
    let hint: string | undefined;
    try {
      feedAuth({ ...base, auth: { kind: 'bearer' } }, undefined, FROM, 'CRM');
    } catch (e) {
      hint = (e as AppError).hint;
    }
    expect(hint).toBe(
      "Type the token in CRM's connection on the Data page, or run planroom source secret CRM, or set PLANROOM_SOURCE_CRM_SECRET.",
    );
  });

  it('takes the secret out of quoted text in each form it is sent', () => {
    const secret = 'p@ss w/rd';
    const { scrub } = feedAuth({ ...base, auth: { kind: 'basic', username: 'plan' } }, secret, FROM);
    const b64 = Buffer.from(`plan:${secret}`).toString('base64');
    expect(scrub(`echo: ${secret} ${encodeURIComponent(secret)} Basic ${b64}`)).toBe('echo: *** *** Basic ***');
  });
});
