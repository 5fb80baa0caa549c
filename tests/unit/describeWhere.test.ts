import { describe, expect, it } from 'vitest';
import { describeWhere } from '../../shared/domain/errors';

describe('describeWhere', () => {
  it('names a file as a file, and where a pull read as it is', () => {
    expect(describeWhere({ file: 'items.csv', row: 12, column: 'qty' })).toBe('file items.csv, row 12, column qty');
    expect(describeWhere({ file: 'GET https://erp.example.com/odata/Items', row: 3 })).toBe(
      'GET https://erp.example.com/odata/Items, row 3',
    );
    expect(describeWhere({ file: 'query for items on db:5432/erp', column: 'Material' })).toBe(
      'query for items on db:5432/erp, column Material',
    );
  });
});
