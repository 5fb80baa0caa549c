// Query parameters set on a feed's URL, and the URL as messages show it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paramOf, shownUrl, withParams } from '../../electron/pulls/httpUrl';
import { odataDateTimeOffset, odataFirstUrl, odataSelect } from '../../electron/pulls/odataQuery';
import { AppError } from '../../shared/domain/errors';
import type { HttpTable } from '../../shared/calls/sources';
import type { FileMapping } from '../../shared/domain/profile';

describe('withParams', () => {
  it('adds, replaces and keeps OData names with their $', () => {
    expect(withParams('https://erp/odata/Items', [['$top', '10']])).toBe('https://erp/odata/Items?$top=10');
    expect(withParams('https://erp/api?company=7&offset=100', [['offset', '200']])).toBe(
      'https://erp/api?company=7&offset=200',
    );
    expect(withParams('https://erp/api?a=1#frag', [['b', 'x y,z']])).toBe('https://erp/api?a=1&b=x%20y%2Cz');
  });

  it('sets what paramOf reads back, whatever the value', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('$filter', 'cursor', 'offset'), (v, name) => {
        const url = withParams('https://erp/api?cursor=old&keep=1', [[name, v]]);
        expect(paramOf(url, name)).toBe(v);
        expect(paramOf(url, 'keep')).toBe('1');
        expect(new URL(url).searchParams.get(name)).toBe(v);
      }),
    );
  });
});

describe('shownUrl', () => {
  it('masks credential-like query values and escapes controls', () => {
    expect(shownUrl('https://erp/api/items?api_key=abc123&company=7')).toBe(
      'https://erp/api/items?api_key=***&company=7',
    );
    expect(shownUrl('https://erp/api?access_token=t&sig=s&x=1')).toBe('https://erp/api?access_token=***&sig=***&x=1');
    expect(shownUrl('https://erp/a\nb')).toBe('https://erp/a\\nb');
    expect(shownUrl(`https://erp/${'x'.repeat(1000)}`).length).toBeLessThanOrEqual(300);
  });
});

describe('OData query options', () => {
  const mapping = {
    file: 'items*.csv',
    table: 'items',
    columns: { sku: 'Material', description: 'Description' },
    derived: { family: { template: '{Group}-{Sub Group}' } },
  } as unknown as FileMapping;
  const table: HttpTable = {
    url: 'https://erp/odata/Items',
    rowsPath: 'value',
    paging: { kind: 'odata' },
    modifiedSince: 'ChangedAt',
  };

  it('selects the fields the mapping reads, its derived columns included', () => {
    expect(odataSelect(mapping)).toBe('Material,Description,Group,Sub Group');
  });

  it('filters on the modified field with a DateTimeOffset literal only when a pull time is given', () => {
    const full = new URL(odataFirstUrl(table, mapping, null));
    expect(full.searchParams.get('$filter')).toBeNull();
    const since = new URL(odataFirstUrl(table, mapping, '2026-12-01T10:00:00+02:00'));
    expect(since.searchParams.get('$filter')).toBe('ChangedAt gt 2026-12-01T08:00:00.000Z');
    expect(odataFirstUrl({ ...table, modifiedSince: undefined }, mapping, '2026-12-01T10:00:00Z')).not.toContain(
      '$filter',
    );
  });

  it("joins the URL's own $filter", () => {
    const own = { ...table, url: "https://erp/odata/Items?$filter=Company eq '7'" };
    const url = new URL(odataFirstUrl(own, mapping, '2026-12-01T00:00:00Z'));
    expect(url.searchParams.get('$filter')).toBe("(Company eq '7') and ChangedAt gt 2026-12-01T00:00:00.000Z");
    expect(url.searchParams.getAll('$filter')).toHaveLength(1);
  });

  it('refuses a pull time that is not a date-time', () => {
    expect(() => odataDateTimeOffset('yesterday')).toThrow(AppError);
    expect(() => odataDateTimeOffset('2026-13-45T00:00:00Z')).toThrow(/not a date-time/);
  });
});
