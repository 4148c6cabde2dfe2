import type { Iso8583Message } from '@payments/iso8583';

import { TerminalLocalTime } from './terminal-local-time';

const NOW = new Date('2026-11-21T18:30:06Z');
/** Built at 18:30:05 UTC: 00:30:05 the next day in Bishkek, 19:30:05 in Berlin. */
const request = (mti: string, merchantId = 'SHOP-A-001      '): Iso8583Message => ({
  mti,
  fields: { 3: '000000', 4: '000000001234', 7: '1121183005', 11: '000042', 42: merchantId },
});

describe(TerminalLocalTime.name, () => {
  const sut = new TerminalLocalTime('Asia/Bishkek', { 'SHOP-B-001': 'Europe/Berlin' });

  it.each(['0100', '0200', '0220', '0400', '0420'])("gives a %s DE 12/13 in the acquirer's zone", (mti) => {
    expect(sut.stamp(request(mti), NOW).fields).toMatchObject({ 7: '1121183005', 12: '003005', 13: '1122' });
  });

  it('uses the zone configured for the merchant (DE 42, trimmed) over the acquirer zone', () => {
    expect(sut.stamp(request('0200', 'SHOP-B-001     '), NOW).fields).toMatchObject({ 12: '193005', 13: '1121' });
    expect(sut.timeZoneOf('SHOP-B-001')).toBe('Europe/Berlin');
    expect(sut.timeZoneOf(undefined)).toBe('Asia/Bishkek');
  });

  it('leaves network management and reconciliation messages, and a request without DE 7, as they are', () => {
    const echo: Iso8583Message = { mti: '0800', fields: { 7: '1121183005', 11: '000001', 70: '301' } };
    const totals = request('0500');
    const undated: Iso8583Message = { mti: '0200', fields: { 11: '000001' } };

    expect([sut.stamp(echo, NOW), sut.stamp(totals, NOW), sut.stamp(undated, NOW)]).toEqual([echo, totals, undated]);
  });

  it('does not change the request it was given', () => {
    const original = request('0200');

    sut.stamp(original, NOW);

    expect(original.fields[12]).toBeUndefined();
  });

  it('refuses an unknown zone at construction (boot), naming it', () => {
    expect(() => new TerminalLocalTime('UTC', { 'SHOP-1': 'Europe/Bishkek' })).toThrow('unknown time zone "Europe/Bishkek"');
  });
});
