import { buildCardRequest, type HostReference } from './host-request.builder';

const REF: HostReference = {
  stan: '000001',
  rrn: '634000000100',
  amountMinor: 1250n,
  currencyNumeric: '978',
  terminalId: 'TERM0001',
  merchantId: 'SHOP00000000001',
};
const AT = new Date('2026-12-07T12:00:00Z');
const TRACK2 = '4242424242424242=30122011000000000000';

describe('buildCardRequest DE 22', () => {
  it.each([
    ['chip', '051'],
    ['contactless', '071'],
    ['magstripe', '901'],
  ] as const)('is %s entry with PIN entry capability 1 (%s), the same with or without an online PIN', (entryMode, de22) => {
    const withoutPin = buildCardRequest('0200', '000000', REF, { track2: TRACK2, entryMode }, AT);
    const withPin = buildCardRequest(
      '0200',
      '000000',
      REF,
      { track2: TRACK2, entryMode, zonePin: { pinBlock: '0123456789ABCDEF', securityControl: '2001010100000000' } },
      AT,
    );

    expect(withoutPin.fields[22]).toBe(de22);
    expect(withPin.fields[22]).toBe(de22);
    expect(withoutPin.fields[52]).toBeUndefined();
    expect(withPin.fields[52]).toBe('0123456789ABCDEF');
    expect(withPin.fields[53]).toBe('2001010100000000');
  });
});
