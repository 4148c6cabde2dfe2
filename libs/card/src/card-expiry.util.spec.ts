import { formatExpiryYymm, isCardExpired, parseExpiryYymm } from './card-expiry.util';

describe(isCardExpired.name, () => {
  it('treats the card as valid through the last day of its expiry month', () => {
    expect(isCardExpired('3003', new Date('2030-03-31T23:59:59Z'))).toBe(false);
    expect(isCardExpired('3003', new Date('2030-04-01T00:00:00Z'))).toBe(true);
    expect(isCardExpired('3003', new Date('2029-12-15T00:00:00Z'))).toBe(false);
    expect(isCardExpired('2412', new Date('2025-01-01T00:00:00Z'))).toBe(true);
    expect(isCardExpired({ year: 2030, month: 3 }, new Date('2031-01-01T00:00:00Z'))).toBe(true);
  });

  it('rejects malformed expiry dates with the field name', () => {
    expect(() => isCardExpired('3013', new Date())).toThrow('expiry: month must be 01-12, is 13');
    expect(() => parseExpiryYymm('303', 'DE 14')).toThrow('DE 14: must be four digits YYMM');
  });

  it('round-trips YYMM', () => {
    expect(parseExpiryYymm('3003')).toEqual({ year: 2030, month: 3 });
    expect(formatExpiryYymm({ year: 2030, month: 3 })).toBe('3003');
    expect(formatExpiryYymm({ year: 2005, month: 11 })).toBe('0511');
  });
});
