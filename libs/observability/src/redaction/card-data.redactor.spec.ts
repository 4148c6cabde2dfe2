import { redactCardData } from './card-data.redactor';
import { maskedPan, PUBLIC_TEST_PANS } from './public-test-pans.fixture';

describe(redactCardData.name, () => {
  const sut = redactCardData;

  it.each(PUBLIC_TEST_PANS)('masks the Luhn-valid PAN %s to its first 6 and last 4 digits', (pan) => {
    expect(sut(`declined card ${pan} at terminal T1`)).toBe(`declined card ${maskedPan(pan)} at terminal T1`);
  });

  it('masks a PAN written in groups, keeping the separators', () => {
    expect(sut('card 4242 4242 4242 4242 ok')).toBe('card 4242 42** **** 4242 ok');
    expect(sut('amex 3782-822463-10005')).toBe('amex 3782-82****-*0005');
  });

  it('masks a PAN followed by other numbers or glued to letters', () => {
    expect(sut('4242424242424242 1000 EUR')).toBe('424242******4242 1000 EUR');
    expect(sut('pan=5555555555554444&x=1')).toBe('pan=555555******4444&x=1');
    expect(sut('test_5555555555554444')).toBe('test_555555******4444');
  });

  it('finds a PAN embedded in a longer digit string (PAN glued to expiry, raw ISO 8583 field dump)', () => {
    const out = sut('0200165555555555554444000000001000');
    expect(out).toMatch(/^020016\*+/);
    expect(out).not.toMatch(/5{7}/);
  });

  it('replaces track 2 data entirely, in ASCII and in packed (D separator) form', () => {
    expect(sut('t2 ;4761739001010010=25122011143804400000? end')).toBe('t2 [REDACTED] end');
    expect(sut('field35 4761739001010010D25122011143804400000F')).toBe('field35 [REDACTED]');
  });

  it('replaces track 1 data entirely', () => {
    expect(sut('%B4242424242424242^DOE/JOHN^2512101000000000000?')).toBe('[REDACTED]');
  });

  it('leaves digit runs that are not PANs alone', () => {
    const text = 'rrn 123456789012 stan 000123 amount 1999 order 4242424242424241 ts 1718000000001';
    expect(sut(text)).toBe(text);
  });
});
