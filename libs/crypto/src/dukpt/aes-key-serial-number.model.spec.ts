import { AesKeySerialNumber } from './aes-key-serial-number.model';

describe(AesKeySerialNumber.name, () => {
  it('reads the initial key id, the BDK id and the 32-bit counter', () => {
    const sut = AesKeySerialNumber.parse('1234567890123456fffe2000');
    expect(sut.initialKeyId.toString('hex').toUpperCase()).toBe('1234567890123456');
    expect(sut.bdkId).toBe('12345678');
    expect(sut.counter).toBe(0xfffe2000);
    expect(sut.withCounter(1).toHex()).toBe('123456789012345600000001');
    expect(AesKeySerialNumber.ofInitialKeyId(sut.initialKeyId).toHex()).toBe('123456789012345600000000');
  });

  it('knows the counters a device uses: 1 or more, at most 16 one-bits', () => {
    const sut = AesKeySerialNumber.parse('123456789012345600000000');
    expect(sut.hasValidCounter).toBe(false);
    expect(sut.withCounter(0xffff0000).hasValidCounter).toBe(true);
    expect(sut.withCounter(0x1ffff).hasValidCounter).toBe(false);
  });

  it('steps like an X9.24-3 device, skipping counters with more than 16 one-bits, until exhausted', () => {
    const sut = AesKeySerialNumber.parse('123456789012345600000000');
    expect(sut.next().counter).toBe(1);
    expect(sut.withCounter(0x1fffe).next().counter).toBe(0x20000);
    expect(sut.withCounter(0xfffe2000).next().counter).toBe(0xfffe4000);
    expect(sut.withCounter(0xfffe8000).next().counter).toBe(0xffff0000);
    expect(() => sut.withCounter(0xffff0000).next()).toThrow('ksn: transaction counter exhausted, the device needs a new initial key');
  });

  it('rejects malformed KSNs by field name', () => {
    expect(() => AesKeySerialNumber.parse('FFFF9876543210E00001', 'pinKsn')).toThrow('pinKsn: must be 24 hex digits (12 bytes), has 20');
    expect(() => AesKeySerialNumber.parse('12345678901234560000000G')).toThrow('ksn: must be hexadecimal with an even number of digits');
    expect(() => AesKeySerialNumber.parse('123456789012345600000000').withCounter(2 ** 32)).toThrow('ksn: counter must be 0-4294967295');
  });
});
