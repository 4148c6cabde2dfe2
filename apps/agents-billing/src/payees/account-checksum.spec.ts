import { checksumHolds, isMod11Valid, isMod97Valid } from './account-checksum';

describe('account checksums', () => {
  // ISO/IEC 7812-1 test PANs (public processors' test cards) and the Annex B example.
  it.each(['4242424242424242', '5555555555554444', '378282246310005', '6011111111111117', '36227206271667', '6205500000000000004', '79927398713'])(
    'luhn takes %s',
    (account) => expect(checksumHolds('luhn', account)).toBe(true),
  );

  it.each(['4242424242424241', '4111111111111112', '7992739871', '4242 4242 4242 4242', '4'])('luhn refuses %s', (account) =>
    expect(checksumHolds('luhn', account)).toBe(false),
  );

  // IBAN examples of the ISO 13616 registry and the ECBS.
  it.each(['GB82WEST12345698765432', 'DE89370400440532013000', 'FR1420041010050500013M02606', 'NO9386011117947', 'CZ6508000000192000145399'])(
    'mod97 takes the IBAN %s',
    (account) => expect(isMod97Valid(account)).toBe(true),
  );

  it.each([
    ['a wrong digit', 'GB82WEST12345698765431'],
    ['swapped digits', 'GB82WEST12345698765423'],
    ['wrong check digits', 'GB83WEST12345698765432'],
    ['lower case', 'gb82west12345698765432'],
    ['spaces', 'GB82 WEST 1234 5698 7654 32'],
    ['too short', 'GB82'],
  ])('mod97 refuses %s', (_why, account) => expect(isMod97Valid(account)).toBe(false));

  // Norwegian account numbers carry a MOD 11 check digit with weights 2..7 from the right:
  // 8601 11 17947 is the BBAN of the registry's example IBAN NO93 8601 1117 947.
  it('mod11 takes a Norwegian account number and refuses it with any other check digit', () => {
    expect(isMod11Valid('86011117947')).toBe(true);
    for (const digit of '012345689') expect(isMod11Valid(`8601111794${digit}`)).toBe(false);
  });

  it('mod11 makes a remainder of 0 a check digit 0, and a check digit of 10 impossible', () => {
    // 0·7 + 0·6 + 0·5 + 0·4 + 1·3 + 4·2 = 11 -> 11 − 0 = 11 -> 0.
    expect(isMod11Valid('0000140')).toBe(true);
    // 1·2 = 2 -> 11 − 2 = 9.
    expect(isMod11Valid('19')).toBe(true);
    // 5·2 = 10 -> 11 − 10 = 1; 6·2 = 12 -> 11 − 1 = 10: no check digit fits.
    expect(isMod11Valid('51')).toBe(true);
    for (const digit of '0123456789') expect(isMod11Valid(`6${digit}`)).toBe(false);
    expect(isMod11Valid('8601-1117947')).toBe(false);
    expect(isMod11Valid('7')).toBe(false);
  });

  it('none takes any account', () => {
    expect(checksumHolds('none', '+420777123456')).toBe(true);
  });
});
