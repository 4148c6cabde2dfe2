import { Iso8583Codec } from '../codec/iso8583.codec';
import { Iso8583FormatError } from '../iso8583-format.error';
import { readJposBin, readJposXml } from '../testing/jpos-fixture.util';
import { purchaseRequest1993, TEST_ICC } from '../testing/sample-messages.util';

/**
 * jPOS's ISO93BPackager test. ISO93.xml puts the letters "EFGH" into DE 56, a BCD numeric field:
 * jPOS packs every character as (char - '0'), 21 for 'E', overflowing the nibble, and writes
 * 56 78, which jPOS itself reads back as "5678". No decoder can recover the letters from those
 * bytes, so this spec refuses letters in DE 56 and the fixture is compared with DE 56 as jPOS
 * reads it: "5678". Every other field matches ISO93.xml exactly, in both directions.
 */
describe('iso93binary spec against jPOS test messages', () => {
  const sut = Iso8583Codec.forSpec('iso93binary');
  const xml = readJposXml('ISO93.xml');
  const asJposReadsIt = { ...xml, fields: { ...xml.fields, 56: '5678' } };
  const bin = readJposBin('ISO93BPackager.bin');

  it('encodes ISO93.xml byte for byte as jPOS ISO93BPackager does (ISO93BPackager.bin)', () => {
    expect(sut.encode(asJposReadsIt).toString('hex')).toBe(bin.toString('hex'));
  });

  it('decodes ISO93BPackager.bin into every field value of ISO93.xml', () => {
    expect(sut.decode(bin)).toEqual(asJposReadsIt);
  });

  it('rejects letters in DE 56 instead of packing them into BCD nibbles as jPOS does', () => {
    expect(() => sut.encode(xml)).toThrow(Iso8583FormatError);
    expect(() => sut.encode(xml)).toThrow(/field 56 .*not numeric/);
  });
});

describe('iso93binary spec on a 1993 chip purchase', () => {
  const sut = Iso8583Codec.forSpec('iso93binary');

  it('round-trips a 1200 financial request with every value intact', () => {
    const request = purchaseRequest1993();

    expect(sut.decode(sut.encode(request))).toEqual(request);
  });

  it('packs odd fixed numerics with the pad nibble on the right, as jPOS pad=false does', () => {
    const wire = sut.encode({ mti: '1200', fields: { 19: '417', 24: '200' } });

    expect(wire.toString('hex')).toBe('1200' + '0000210000000000' + '4170' + '2000');
  });

  it('fills a short fixed numeric with zeros on the left before packing', () => {
    const wire = sut.encode({ mti: '1200', fields: { 19: '17' } });

    expect(wire.subarray(-2).toString('hex')).toBe('0170');
    expect(sut.decode(wire).fields[19]).toBe('017');
  });

  it('writes ICC data (DE 55) as raw bytes behind a 2-byte BCD length', () => {
    const wire = sut.encode({ mti: '1200', fields: { 55: TEST_ICC } });

    expect(wire.subarray(10).toString('hex').toUpperCase()).toBe(String(TEST_ICC.length / 2).padStart(4, '0') + TEST_ICC);
  });
});
