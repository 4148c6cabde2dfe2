import { maskedPhone, normalisePhoneNumber, phoneLast4, type E164 } from './phone-number';

describe('normalisePhoneNumber', () => {
  it.each([
    ['+420 777 123 456', '+420777123456'],
    ['00420777123456', '+420777123456'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+1 (415) 555-2671', '+14155552671'],
    ['+49.30.901820', '+4930901820'],
    ['+44 (0)20 7946 0958', '+442079460958'],
  ])('writes %s as %s', (input, e164) => {
    expect(normalisePhoneNumber(input)).toEqual({ valid: true, e164 });
  });

  it.each([
    ['777123456', 'must be international: + (or 00) and the country code'],
    ['0420777123456', 'must be international: + (or 00) and the country code'],
    ['+0777123456', 'must be international: + (or 00) and the country code'],
    ['+420 777 12a 456', "is not a valid number of its country's numbering plan"],
    ['+1234567890123456', "is not a valid number of its country's numbering plan"],
    ['+420 123', "is not a valid number of its country's numbering plan"],
    ['+999 123 456 789', "is not a valid number of its country's numbering plan"],
    ['+'.padEnd(40, '1'), 'is longer than 32 characters'],
  ])('refuses %s: %s', (input, reason) => {
    expect(normalisePhoneNumber(input)).toEqual({ valid: false, reason });
  });

  it('gives the same number for every way of writing it (one change account per payer)', () => {
    const forms = ['+442079460958', '+44 20 7946 0958', '0044 20 7946 0958', '+44 (0)20 7946 0958', '+44-20-7946-0958'];
    expect(new Set(forms.map((f) => JSON.stringify(normalisePhoneNumber(f))))).toEqual(new Set([JSON.stringify({ valid: true, e164: '+442079460958' })]));
  });

  it('masks all but the last four digits', () => {
    expect(maskedPhone('+420777123456' as E164)).toBe('***3456');
    expect(phoneLast4('+420777123456' as E164)).toBe('3456');
  });
});
