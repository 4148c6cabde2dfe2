import { Iso8583Codec } from '../codec/iso8583.codec';
import { readJposBin, readJposXml } from '../testing/jpos-fixture.util';
import { purchaseRequest1993, TEST_ICC, TEST_PIN_BLOCK } from '../testing/sample-messages.util';

// jPOS's ISO93APackager test: the message of ISO93.xml packed by the 1993 ASCII packager.
describe('iso93ascii spec against jPOS test messages', () => {
  const sut = Iso8583Codec.forSpec('iso93ascii');

  it('encodes ISO93.xml byte for byte as jPOS does (ISO93APackager.bin)', () => {
    expect(sut.encode(readJposXml('ISO93.xml')).toString('hex')).toBe(readJposBin('ISO93APackager.bin').toString('hex'));
  });

  it('decodes ISO93APackager.bin into every field value of ISO93.xml', () => {
    expect(sut.decode(readJposBin('ISO93APackager.bin'))).toEqual(readJposXml('ISO93.xml'));
  });
});

describe('iso93ascii spec on a 1993 chip purchase', () => {
  const sut = Iso8583Codec.forSpec('iso93ascii');
  const request = purchaseRequest1993();
  const wire = sut.encode(request);
  const text = wire.toString('latin1');

  it('round-trips a 1200 financial request with every value intact', () => {
    expect(sut.decode(wire)).toEqual(request);
  });

  it('writes the 1993 layouts: n12 local date and time, an12 POS data code, LLVAR name/location', () => {
    expect(text.startsWith('1200')).toBe(true);
    expect(text).toContain('000042' + '261122114730' + '2512' + '510101511344' + '200' + '5411');
    expect(text).toContain('20' + 'TEST SHOP>BISHKEK KG' + '417');
  });

  it('writes the PIN block (DE 52) as hex text but ICC data (DE 55) as raw bytes behind an ASCII length', () => {
    const icc = Buffer.from(TEST_ICC, 'hex');

    expect(text).toContain('417' + TEST_PIN_BLOCK);
    expect(wire.subarray(wire.length - icc.length - 3).equals(Buffer.concat([Buffer.from(String(icc.length).padStart(3, '0')), icc]))).toBe(true);
  });
});
