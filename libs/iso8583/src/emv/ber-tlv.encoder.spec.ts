import { CHIP_PURCHASE_ICC, CHIP_PURCHASE_ICC_HEX, ISSUER_SCRIPT_RESPONSE_HEX } from '../testing/icc-data.util';
import { catchFormatError } from '../testing/format-error.util';
import { decodeBerTlv } from './ber-tlv.decoder';
import { encodeBerTlv } from './ber-tlv.encoder';
import type { TlvInput } from './ber-tlv.model';

describe(encodeBerTlv.name, () => {
  const sut = encodeBerTlv;

  it('writes a chip purchase block byte for byte', () => {
    expect(sut(CHIP_PURCHASE_ICC)).toBe(CHIP_PURCHASE_ICC_HEX);
  });

  it.each([CHIP_PURCHASE_ICC_HEX, ISSUER_SCRIPT_RESPONSE_HEX])('gives back the exact bytes it decoded (%#)', (hex) => {
    expect(sut(decodeBerTlv(hex))).toBe(hex);
  });

  it.each([
    [127, '9F4B7F'],
    [128, '9F4B8180'],
    [255, '9F4B81FF'],
    [256, '9F4B820100'],
    [65_535, '9F4B82FFFF'],
  ])('writes a %d-byte value with the shortest length form (%s)', (length, header) => {
    expect(sut([{ tag: '9F4B', value: '00'.repeat(length) }]).slice(0, header.length)).toBe(header);
  });

  it('builds a constructed template from its children and recomputes the lengths', () => {
    const [arpc, script] = decodeBerTlv(ISSUER_SCRIPT_RESPONSE_HEX);
    const secondCommand = { tag: '86', value: '8418000000' };

    const encoded = sut([arpc, { ...script, children: [...(script.children ?? []), secondCommand] }]);

    expect(decodeBerTlv(encoded)[1].length).toBe(script.length + 7);
    expect(decodeBerTlv(encoded)[1].children?.[2]).toEqual({ tag: '86', length: 5, value: '8418000000' });
  });

  it('accepts lowercase hex and writes uppercase', () => {
    expect(sut([{ tag: '9f27', value: 'a0' }])).toBe('9F2701A0');
  });

  describe('a bad data object throws Iso8583FormatError naming field 55 and its offset', () => {
    const first: TlvInput = { tag: '9F27', value: '80' };

    it.each<[string, TlvInput, RegExp]>([
      ['1-byte tag announcing more bytes', { tag: '9F', value: '00' }, /not a well-formed BER-TLV tag/],
      ['last tag byte announcing more bytes', { tag: '9F81', value: '00' }, /not a well-formed BER-TLV tag/],
      ['single-byte tag written as two', { tag: '8201', value: '00' }, /not a well-formed BER-TLV tag/],
      ['tag that is not hex', { tag: 'ZZ', value: '00' }, /not a well-formed BER-TLV tag/],
      ['value that is not hex', { tag: '9F26', value: 'C2C1XX' }, /value of tag 9F26 is not hexadecimal bytes/],
      ['value with an odd hex length', { tag: '9F26', value: 'C2C' }, /value of tag 9F26 is not hexadecimal bytes/],
      ['primitive tag with children', { tag: '9F26', children: [first] }, /tag 9F26 is primitive/],
      ['value over 65535 bytes', { tag: '9F4B', value: '00'.repeat(65_536) }, /exceeds 65535 bytes/],
    ])('%s', (_case, bad, reason) => {
      const error = catchFormatError(() => sut([first, bad]));

      expect(error.field).toBe(55);
      expect(error.offset).toBe(4);
      expect(error.message).toMatch(reason);
    });

    it('locates a bad child inside its template', () => {
      const error = catchFormatError(() => sut([first, { tag: '71', children: [first, { tag: '86', value: 'X' }] }]));

      expect(error.offset).toBe(4 + 2 + 4);
    });
  });
});
