import { Iso8583Codec } from '../codec/iso8583.codec';
import { readJposBin, readJposXml } from '../testing/jpos-fixture.util';

// jPOS's ISO87APackager test: the message of ISO87.xml packed by the 1987 ASCII packager.
describe('iso87ascii spec against jPOS test messages', () => {
  const sut = Iso8583Codec.forSpec('iso87ascii');

  it.each([
    ['ISO87.xml', 'ISO87APackager.bin'],
    ['ISO87-Field64.xml', 'ISO87A-Field64.bin'],
  ])('encodes %s byte for byte as jPOS does (%s)', (xml, bin) => {
    const encoded = sut.encode(readJposXml(xml));

    expect(encoded.toString('hex')).toBe(readJposBin(bin).toString('hex'));
  });

  it.each([
    ['ISO87.xml', 'ISO87APackager.bin'],
    ['ISO87-Field64.xml', 'ISO87A-Field64.bin'],
  ])('decodes %s from jPOS bytes (%s) with every field value', (xml, bin) => {
    const decoded = sut.decode(readJposBin(bin));

    expect(decoded).toEqual(readJposXml(xml));
  });

  it('reads the secondary bitmap of ISO87APackager.bin (field 90 present, 65-89 absent)', () => {
    const decoded = sut.decode(readJposBin('ISO87APackager.bin'));

    expect(
      Object.keys(decoded.fields)
        .map(Number)
        .filter((n) => n > 64),
    ).toEqual([90]);
  });
});
