import { CHIP_PURCHASE_ICC, CHIP_PURCHASE_ICC_HEX, ISSUER_SCRIPT_RESPONSE_HEX } from '../testing/icc-data.util';
import { catchFormatError } from '../testing/format-error.util';
import { decodeBerTlv } from './ber-tlv.decoder';

describe(decodeBerTlv.name, () => {
  const sut = decodeBerTlv;
  const iccBytes = CHIP_PURCHASE_ICC_HEX.length / 2;

  it('reads every data object of a chip purchase block in order, with 1- and 2-byte tags', () => {
    const objects = sut(CHIP_PURCHASE_ICC_HEX);

    expect(objects.map(({ tag, value }) => ({ tag, value }))).toEqual(CHIP_PURCHASE_ICC);
    expect(objects.find((o) => o.tag === '9F10')?.length).toBe(18);
    expect(objects.find((o) => o.tag === '5F2A')).toEqual({ tag: '5F2A', length: 2, value: '0417' });
  });

  it('parses a constructed issuer script template (71) into its commands', () => {
    const [arpc, script] = sut(ISSUER_SCRIPT_RESPONSE_HEX);

    expect(arpc).toEqual({ tag: '91', length: 10, value: '1A2B3C4D5E6F70813030' });
    expect(script.tag).toBe('71');
    expect(script.children).toEqual([
      { tag: '9F18', length: 4, value: '00000001' },
      { tag: '86', length: 13, value: '8424000008AABBCCDDEEFF0011' },
    ]);
  });

  it.each([
    [127, '9F4B7F'],
    [128, '9F4B8180'],
    [255, '9F4B81FF'],
    [256, '9F4B820100'],
  ])('reads a %d-byte value behind its length form (%s)', (length, header) => {
    const [object] = sut(header + 'AB'.repeat(length));

    expect(object.length).toBe(length);
    expect(object.value).toHaveLength(2 * length);
  });

  it('accepts lowercase hex and returns uppercase', () => {
    expect(sut('9f270180')).toEqual([{ tag: '9F27', length: 1, value: '80' }]);
  });

  it('returns no data objects for empty ICC data', () => {
    expect(sut('')).toEqual([]);
  });

  describe('malformed ICC data throws Iso8583FormatError naming field 55 and the byte offset', () => {
    it.each<[string, string, number, RegExp]>([
      ['multi-byte tag cut off', CHIP_PURCHASE_ICC_HEX + '9F81', iccBytes, /truncated: tag continues/],
      ['tag without a length', CHIP_PURCHASE_ICC_HEX + '9F4B', iccBytes + 2, /truncated: tag 9F4B has no length/],
      ['81 length without its byte', CHIP_PURCHASE_ICC_HEX + '9F4B81', iccBytes + 2, /truncated: length of tag 9F4B needs 1 more bytes/],
      ['value cut off', CHIP_PURCHASE_ICC_HEX.slice(0, -2), iccBytes - 7, /value of tag 84 needs 7 bytes, 6 remain/],
      ['indefinite length form 80', '9F2780' + '80', 2, /length form 80 .*indefinite/],
      ['length form 83', '9F2683000008' + '00'.repeat(8), 2, /length form 83 .*at most 82/],
      ['trailing byte', CHIP_PURCHASE_ICC_HEX + '00', iccBytes, /1 trailing byte after the last data object/],
      ['child running past its template', '7105' + '9F18040000', 5, /value of tag 9F18 needs 4 bytes, 2 remain/],
      ['tag of 4 bytes', '9F81818101', 0, /tag is longer than 3 bytes/],
      ['not hexadecimal', '9F2701G0', 3, /not hexadecimal/],
      ['odd number of hex characters', '9F27018', 3, /odd number of hex characters/],
    ])('%s', (_case, hex, offset, reason) => {
      const error = catchFormatError(() => sut(hex));

      expect(error.field).toBe(55);
      expect(error.offset).toBe(offset);
      expect(error.message).toMatch(reason);
      expect(error.message).toContain(`field 55 at byte offset ${offset}`);
    });

    it('never puts a value (the cryptogram) into the error message', () => {
      const message = catchFormatError(() => sut(CHIP_PURCHASE_ICC_HEX.slice(0, 20))).message;

      expect(message).toMatch(/tag 9F26 needs 8 bytes/);
      expect(message).not.toContain('C2C12B');
    });

    it('names another field when TLV data travels elsewhere', () => {
      expect(catchFormatError(() => sut('9F', 62)).message).toMatch(/^ISO 8583 field 62 at byte offset 0/);
    });
  });
});
