import { encryptPinBlockFormat0, hexToBytes, TEST_ZONE_PIN_KEY } from '@payments/crypto';
import { type Iso8583Message, ZONE_PIN_FORMAT0_SECURITY_CONTROL } from '@payments/iso8583';

import { PinVerifier } from './acquirer-host.pin';

const PAN = '4761739001010119';
const ZPK = hexToBytes(TEST_ZONE_PIN_KEY, 'zpk');
const blockFor = (pin: string, pan = PAN): string => encryptPinBlockFormat0(ZPK, pin, pan).toString('hex').toUpperCase();

function request(fields: Record<number, string>, mti = '0200'): Iso8583Message {
  return { mti, fields: { 3: '000000', 4: '000000001000', 53: ZONE_PIN_FORMAT0_SECURITY_CONTROL, ...fields } };
}
const withPin = (pin: string, extra: Record<number, string> = {}): Iso8583Message => request({ 2: PAN, 52: blockFor(pin), ...extra });

describe(PinVerifier.name, () => {
  let verifier: PinVerifier;
  beforeEach(() => {
    verifier = new PinVerifier();
  });

  it('lets a request with the right PIN (1234 by default) through to the next rules', () => {
    expect(verifier.rule(withPin('1234'))).toBeUndefined();
  });

  it('reads the PAN from track 2 (DE 35) when DE 2 is absent', () => {
    const track2 = `${PAN}=29121011000012300000`;
    expect(verifier.rule(request({ 35: track2, 52: blockFor('1234') }))).toBeUndefined();
    expect(verifier.rule(request({ 35: track2, 52: blockFor('9999') }))).toEqual({ kind: 'decline', responseCode: '55' });
  });

  it('declines a wrong PIN with 55, and a PIN set per card replaces the default', () => {
    expect(verifier.rule(withPin('4321'))).toEqual({ kind: 'decline', responseCode: '55' });
    verifier.setPin(PAN, '4321');
    expect(verifier.rule(withPin('4321'))).toBeUndefined();
    expect(verifier.rule(withPin('1234'))).toEqual({ kind: 'decline', responseCode: '55' });
  });

  it('answers 75 after three wrong PINs for the same card, even to the right PIN, until reset', () => {
    for (let i = 0; i < 3; i++) expect(verifier.rule(withPin('0000'))).toEqual({ kind: 'decline', responseCode: '55' });
    expect(verifier.rule(withPin('1234'))).toEqual({ kind: 'decline', responseCode: '75' });
    expect(verifier.rule(request({ 2: '4111111111111111', 52: blockFor('1234', '4111111111111111') }))).toBeUndefined();
    verifier.reset();
    expect(verifier.rule(withPin('1234'))).toBeUndefined();
  });

  it('a right PIN clears the wrong tries before the limit', () => {
    verifier.rule(withPin('0000'));
    verifier.rule(withPin('0000'));
    expect(verifier.rule(withPin('1234'))).toBeUndefined();
    verifier.rule(withPin('0000'));
    expect(verifier.rule(withPin('1234'))).toBeUndefined();
  });

  it('answers 30 (format error) to a PIN without the DE 53 it expects, or without a PAN', () => {
    const { 53: _control, ...withoutControl } = withPin('1234').fields;
    expect(verifier.rule({ mti: '0200', fields: withoutControl })).toEqual({ kind: 'decline', responseCode: '30' });
    expect(verifier.rule(withPin('1234', { 53: '2001010200000000' }))).toEqual({ kind: 'decline', responseCode: '30' });
    expect(verifier.rule(request({ 52: blockFor('1234') }))).toEqual({ kind: 'decline', responseCode: '30' });
  });

  it('answers 81 (cryptographic error in PIN) to a block that is not under its zone PIN key', () => {
    const other = encryptPinBlockFormat0(hexToBytes('00112233445566778899AABBCCDDEEFF', 'k'), '1234', PAN).toString('hex');
    expect(verifier.rule(withPin('1234', { 52: other }))).toEqual({ kind: 'decline', responseCode: '81' });
  });

  it('leaves requests without DE 52 and reversals alone', () => {
    expect(verifier.rule(request({ 2: PAN }))).toBeUndefined();
    expect(verifier.rule({ ...withPin('0000'), mti: '0400' })).toBeUndefined();
  });
});
