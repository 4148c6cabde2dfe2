import { formatMinorUnits, parseDecimalAmount, parseMinorUnits } from './minor-units.parser';
import { MoneyError } from './money.error';

describe(parseMinorUnits.name, () => {
  it('parses digits with leading zeros into a bigint', () => {
    expect(parseMinorUnits('001234')).toBe(1234n);
    expect(parseMinorUnits('0')).toBe(0n);
    expect(parseMinorUnits('999999999999')).toBe(999_999_999_999n);
  });

  it.each([
    ['12.5', 'amount: "12.5" must contain digits 0-9 only'],
    ['-1', 'amount: "-1" is negative'],
    ['', 'amount: is empty'],
    ['1000000000000', 'amount: "1000000000000" has 13 digits, at most 12 are allowed'],
    [' 12', 'digits 0-9 only'],
    ['1e3', 'digits 0-9 only'],
    ['+5', 'digits 0-9 only'],
  ])('rejects %p', (value, message) => {
    expect(() => parseMinorUnits(value)).toThrow(MoneyError);
    expect(() => parseMinorUnits(value)).toThrow(message);
  });

  it('names the field and honours a custom digit limit', () => {
    expect(() => parseMinorUnits('123', { field: 'DE 4', maxDigits: 2 })).toThrow('DE 4: "123" has 3 digits, at most 2');
  });
});

describe(parseDecimalAmount.name, () => {
  it('converts major units by the currency exponent', () => {
    expect(parseDecimalAmount('12.34', 'EUR')).toBe(1234n);
    expect(parseDecimalAmount('12.3', 'EUR')).toBe(1230n);
    expect(parseDecimalAmount('12', 'EUR')).toBe(1200n);
    expect(parseDecimalAmount('1500', 'JPY')).toBe(1500n);
    expect(parseDecimalAmount('1.005', 'KWD')).toBe(1005n);
  });

  it('rejects more decimals than the currency has instead of rounding', () => {
    expect(() => parseDecimalAmount('12.345', 'EUR')).toThrow('amount: "12.345" has 3 decimal places, EUR allows 2');
    expect(() => parseDecimalAmount('1.5', 'JPY')).toThrow('JPY allows 0');
    expect(() => parseDecimalAmount('-1.00', 'EUR')).toThrow('not a non-negative decimal amount');
  });
});

describe(formatMinorUnits.name, () => {
  it('zero-pads to the ISO 8583 DE 4 width', () => {
    expect(formatMinorUnits(1234n)).toBe('000000001234');
    expect(formatMinorUnits(5n, 6)).toBe('000005');
  });

  it('refuses negative or too wide amounts', () => {
    expect(() => formatMinorUnits(-1n)).toThrow('amount: is negative');
    expect(() => formatMinorUnits(1_000_000_000_000n)).toThrow('has 13 digits, the field holds at most 12');
  });
});
