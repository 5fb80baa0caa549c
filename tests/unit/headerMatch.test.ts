// Header suggestions for the onboarding flow: a foreign export's headers against canonical names.
import { describe, expect, it } from 'vitest';
import { headerScore, suggestHeaders, words } from '../../shared/domain/headerMatch';

describe('header suggestions', () => {
  it('splits names into words at case changes and punctuation', () => {
    expect(words('OrderQty')).toEqual(['order', 'qty']);
    expect(words('committed_date')).toEqual(['committed', 'date']);
    expect(words('Sold-To')).toEqual(['sold', 'to']);
  });

  it("suggests an SAP-style sales order export's headers for the canonical columns", () => {
    const headers = ['Sales Order', 'Item', 'Sold-To', 'Material', 'Plant', 'Order Qty', 'Requested Date'];
    expect(suggestHeaders('location', headers)[0]).toBe('Plant');
    expect(suggestHeaders('qty', headers)[0]).toBe('Order Qty');
    expect(suggestHeaders('customer', headers)[0]).toBe('Sold-To');
    expect(suggestHeaders('requested_date', headers)[0]).toBe('Requested Date');
    expect(suggestHeaders('order_id', headers)[0]).toBe('Sales Order');
    expect(suggestHeaders('sku', headers)).toContain('Material');
  });

  it('knows common German ERP terms', () => {
    const headers = ['Artikel', 'Werk', 'Menge', 'KW'];
    expect(suggestHeaders('sku', headers)).toEqual(['Artikel']);
    expect(suggestHeaders('location', headers)).toEqual(['Werk']);
    expect(suggestHeaders('qty', headers)).toEqual(['Menge']);
    expect(suggestHeaders('period', headers)).toEqual(['KW']);
  });

  it('suggests nothing rather than a poor guess, and scores an exact name highest', () => {
    expect(suggestHeaders('freight_cost', ['Customer', 'Plant'])).toEqual([]);
    expect(headerScore('on_hand', 'on_hand')).toBe(1);
    expect(headerScore('on_hand', 'On Hand')).toBe(1);
    expect(suggestHeaders('qty', ['A', 'B', 'C', 'Qty', 'Quantity', 'Qty2', 'Menge'], 2)).toHaveLength(2);
  });
});
