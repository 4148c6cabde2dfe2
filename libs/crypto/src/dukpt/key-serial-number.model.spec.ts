import { KeySerialNumber } from './key-serial-number.model';

describe(KeySerialNumber.name, () => {
  it('reads and replaces the 21-bit counter, keeping the device id', () => {
    const sut = KeySerialNumber.parse('ffff9876543210e00013');
    expect(sut.counter).toBe(0x13);
    expect(sut.toHex()).toBe('FFFF9876543210E00013');
    expect(sut.withCounter(0x1fffff).toHex()).toBe('FFFF9876543210FFFFFF');
    expect(sut.initial().toHex()).toBe('FFFF9876543210E00000');
  });

  it('steps like a device: +1, skipping counters with more than ten one-bits', () => {
    const sut = KeySerialNumber.parse('FFFF9876543210E00000');
    expect(sut.next().counter).toBe(1);
    expect(sut.withCounter(0b1111111111).next().counter).toBe(0b10000000000);
    // 0x0FFC00 + 1 would have 11 one-bits; the device adds the lowest one-bit until it has <= 10.
    expect(sut.withCounter(0x0ffc00).next().counter).toBe(0x100000);
    expect(() => sut.withCounter(0x1ff800).next()).toThrow('ksn: transaction counter exhausted');
  });

  it('rejects malformed KSNs by field name', () => {
    expect(() => KeySerialNumber.parse('FFFF9876543210E0000')).toThrow('ksn: must be hexadecimal with an even number of digits');
    expect(() => KeySerialNumber.parse('FFFF9876543210E000', 'block.ksn')).toThrow('block.ksn: must be 20 hex digits (10 bytes), has 18');
    expect(() => KeySerialNumber.parse('FFFF9876543210E00000').withCounter(-1)).toThrow('ksn: counter must be 0-2097151');
  });
});
