import { Iso8583Codec } from '../codec/iso8583.codec';
import { readJposBin, readJposXml } from '../testing/jpos-fixture.util';

// The binary spec is the ASCII field table with other encodings: the proof that a new wire
// format is data, not code.
describe('iso87binary spec against jPOS test messages', () => {
  const sut = Iso8583Codec.forSpec('iso87binary');

  it.each([
    ['ISO87.xml', 'ISO87BPackager.bin'],
    ['ISO87-Field64.xml', 'ISO87B-Field64.bin'],
  ])('encodes %s byte for byte as jPOS ISO87BPackager does (%s)', (xml, bin) => {
    expect(sut.encode(readJposXml(xml)).toString('hex')).toBe(readJposBin(bin).toString('hex'));
  });

  it.each([
    ['ISO87.xml', 'ISO87BPackager.bin'],
    ['ISO87-Field64.xml', 'ISO87B-Field64.bin'],
  ])('decodes %s from jPOS bytes (%s)', (xml, bin) => {
    expect(sut.decode(readJposBin(bin))).toEqual(readJposXml(xml));
  });
});
