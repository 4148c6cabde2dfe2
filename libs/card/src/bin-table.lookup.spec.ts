import { parseBinRanges } from './bin-range.model';
import { BinTable, detectScheme } from './bin-table.lookup';

describe(BinTable.name, () => {
  it.each([
    ['4242424242424242', 'visa'],
    ['4012888888881881', 'visa'],
    ['5555555555554444', 'mastercard'],
    ['5105105105105100', 'mastercard'],
    ['2223003122003222', 'mastercard'],
    ['2720990000000007', 'mastercard'],
    ['378282246310005', 'amex'],
    ['371449635398431', 'amex'],
    ['36227206271667', 'diners'],
    ['3056930009020004', 'diners'],
    ['6011111111111117', 'discover'],
    ['3566002020360505', 'jcb'],
    ['6200000000000005', 'unionpay'],
    ['6205500000000000004', 'unionpay'],
    ['2200000000000004', 'mir'],
    ['2204999999999999', 'mir'],
    ['6759649826438453', 'maestro'],
    ['4936980000000000', 'maestro'],
    ['9999999999999999', 'unknown'],
    ['2205000000000000', 'unknown'],
  ])('detects %s as %s', (pan, scheme) => {
    expect(detectScheme(pan)).toBe(scheme);
  });

  it('detects closed-loop fleet and gift cards from configured ranges, which win over defaults', () => {
    const sut = BinTable.withDefaults(parseBinRanges('fleet:70001000-70001999, gift:4999'));
    expect(sut.detect('7000150000000005')).toBe('fleet');
    expect(sut.detect('7000200000000000')).toBe('unknown');
    expect(sut.detect('4999000000000000')).toBe('gift');
    expect(sut.detect('4242424242424242')).toBe('visa');
    expect(sut.match('7000150000000005')).toEqual({ scheme: 'fleet', from: '70001000', to: '70001999' });
  });

  it('lets the first of two equally specific ranges win', () => {
    const sut = new BinTable([
      { scheme: 'gift', from: '4' },
      { scheme: 'visa', from: '4' },
    ]);
    expect(sut.detect('4242424242424242')).toBe('gift');
  });

  it('rejects malformed ranges and input by name', () => {
    expect(() => new BinTable([{ scheme: 'visa', from: '5', to: '10' }])).toThrow('binRanges[0]: from and to must have the same number of digits');
    expect(() => new BinTable([{ scheme: 'visa', from: '9', to: '1' }])).toThrow('from must not be greater than to');
    expect(() => parseBinRanges('fleet:7000,petrol:1')).toThrow('binRanges[1].scheme: unknown card scheme "petrol"');
    expect(() => parseBinRanges('fleet=7000')).toThrow('binRanges[0]: "fleet=7000" is not scheme:from[-to]');
    expect(() => detectScheme('4242-4242')).toThrow('pan: must contain digits 0-9 only');
  });
});
