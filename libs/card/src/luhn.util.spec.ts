import { computeLuhnCheckDigit, isLuhnValid } from './luhn.util';

// Test PANs from the public processor test lists (payments-standards reference, section 4).
const VALID = [
  '4242424242424242',
  '5555555555554444',
  '378282246310005',
  '6011111111111117',
  '3566002020360505',
  '6200000000000005',
  '36227206271667',
  '6205500000000000004',
  '4012345678909',
  '79927398713',
  '6805330010086784747',
  '2223003122003222',
  '4000056655665556',
];

describe('Luhn (ISO/IEC 7812-1 Annex B)', () => {
  it.each(VALID)('accepts %s', (pan) => {
    expect(isLuhnValid(pan)).toBe(true);
  });

  it.each(['4242424242424241', '4111111111111112', '', '0', '4242 4242 4242 4242', '42424242424242a2'])('rejects %p', (pan) => {
    expect(isLuhnValid(pan)).toBe(false);
  });

  it('computes check digits', () => {
    expect(computeLuhnCheckDigit('7992739871')).toBe('3');
    expect(computeLuhnCheckDigit('411111111111111')).toBe('1');
    for (const pan of VALID) {
      expect(computeLuhnCheckDigit(pan.slice(0, -1))).toBe(pan.slice(-1));
    }
  });

  it('refuses non-digit input when computing', () => {
    expect(() => computeLuhnCheckDigit('12a')).toThrow('one or more digits');
    expect(() => computeLuhnCheckDigit('')).toThrow(RangeError);
  });
});
