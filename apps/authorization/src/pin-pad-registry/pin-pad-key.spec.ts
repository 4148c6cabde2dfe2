import { pinPadKeyOf } from './pin-pad-key';
import { checkRegistration } from './pin-pad-registration.rules';
import { parsePinPadSeed } from './pin-pad-seed.config';

describe('which PIN pad a KSN comes from', () => {
  it('reads a TDES KSN (X9.24-1): the initial KSN is the KSN with its 21 counter bits cleared', () => {
    expect(pinPadKeyOf('bdk-1', 'ffff9876543210e00001')).toEqual({
      scheme: 'tdes',
      initialKsn: 'FFFF9876543210E00000',
      counter: 1,
      deviceKey: 'bdk-1:FFFF9876543210E00000',
      counterInUse: true,
      counterUsedPercent: 0,
    });
    // Bit 20 of the counter sits in byte 7 under the device id's last three bits.
    expect(pinPadKeyOf('bdk-1', 'FFFF9876543210F00000')).toMatchObject({ initialKsn: 'FFFF9876543210E00000', counter: 0x100000, counterUsedPercent: 50 });
  });

  it('reads an AES KSN (X9.24-3): 8 bytes of initial key id, a 32-bit counter', () => {
    expect(pinPadKeyOf('aes-bdk', '123456789012345600000007')).toMatchObject({
      scheme: 'aes',
      initialKsn: '123456789012345600000000',
      counter: 7,
      counterInUse: true,
    });
  });

  it('tells the counters no X9.24 device uses for a transaction: zero, too many one-bits', () => {
    expect(pinPadKeyOf('b', 'FFFF9876543210E00000').counterInUse).toBe(false);
    expect(pinPadKeyOf('b', 'FFFF9876543210E007FF').counterInUse).toBe(false); // eleven one-bits
    expect(pinPadKeyOf('b', '123456789012345600000000').counterInUse).toBe(false);
  });

  it('refuses a KSN of another length by name', () => {
    expect(() => pinPadKeyOf('b', 'FFFF98', 'card.ksn')).toThrow('card.ksn');
  });
});

describe('PIN pad registration rules', () => {
  const ok = { serialNumber: 'PP-0042', bdkId: 'ansi-test-bdk', initialKsn: 'ffff9876543210e00000', terminalId: 'DEMO0001' };

  it('normalizes the initial KSN and tells the scheme', () => {
    expect(checkRegistration(ok)).toEqual({ ok: true, scheme: 'tdes', initialKsn: 'FFFF9876543210E00000' });
    expect(checkRegistration({ ...ok, initialKsn: '123456789012345600000000' })).toEqual({ ok: true, scheme: 'aes', initialKsn: '123456789012345600000000' });
  });

  it.each([
    [{ serialNumber: 'PP 42' }, 'serialNumber: 1-64 letters'],
    [{ bdkId: '' }, 'bdkId: 1-64 letters'],
    [{ terminalId: 'TOO-LONG-ID' }, 'terminalId: 1-8 letters or digits'],
    [{ shopId: 'a b' }, 'shopId: 1-64 letters'],
    [{ initialKsn: 'FFFF9876543210E00003' }, 'initialKsn: the KSN loaded with the initial key has counter 0, this one has 3'],
    [{ initialKsn: 'FFFF98' }, 'initialKsn'],
  ])('refuses %j: %s', (change, message) => {
    const checked = checkRegistration({ ...ok, ...change });
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.problem).toContain(message);
  });

  it('reads the seed variable, and names the bad entry', () => {
    expect(parsePinPadSeed(' PP-1:ansi-test-bdk:FFFF9876543210E00000:DEMO0001 , ')).toEqual([
      { serialNumber: 'PP-1', bdkId: 'ansi-test-bdk', initialKsn: 'FFFF9876543210E00000', terminalId: 'DEMO0001' },
    ]);
    expect(parsePinPadSeed('')).toEqual([]);
    expect(() => parsePinPadSeed('PP-1:b:FFFF9876543210E00000:T1,PP-2:b:FFFF9876543210E00000')).toThrow(
      'AUTHORIZATION_PIN_PADS_SEED[1]: expected serial:bdkId:initialKsn:terminalId',
    );
    expect(() => parsePinPadSeed('PP-1:b:FFFF9876543210E00001:T1')).toThrow(
      'AUTHORIZATION_PIN_PADS_SEED[0]: initialKsn: the KSN loaded with the initial key has counter 0',
    );
  });
});
