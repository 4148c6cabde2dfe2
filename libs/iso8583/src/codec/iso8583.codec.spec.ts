import { ISO87_ASCII_SPEC } from '../spec/iso87ascii.fields';
import { catchFormatError } from '../testing/format-error.util';
import { purchaseRequest, TEST_ICC, TEST_PAN, TEST_PIN_BLOCK, TEST_TRACK2 } from '../testing/sample-messages.util';
import { Iso8583Codec } from './iso8583.codec';

/** Replaces the bytes at `offset` with `text` in a copy. */
function patch(buf: Buffer, offset: number, text: string): Buffer {
  const out = Buffer.from(buf);
  out.write(text, offset, 'latin1');
  return out;
}

describe(Iso8583Codec.name, () => {
  const sut = Iso8583Codec.forSpec('iso87ascii');
  const wire = sut.encode(purchaseRequest());
  const ascii = wire.toString('latin1');
  const offsetOfField2 = 4 + 16;

  it('round-trips a chip purchase 0200 with every value intact', () => {
    expect(sut.decode(wire)).toEqual(purchaseRequest());
  });

  it('writes MTI, a 16-hex-character primary bitmap and LLVAR field 2 as ASCII', () => {
    expect(ascii.slice(0, 20)).toBe('0200723C048028E09200');
    expect(ascii.slice(20, 38)).toBe('16' + TEST_PAN);
  });

  it('adds the secondary bitmap only when a field above 64 is present', () => {
    const reversal = { mti: '0400', fields: { 11: '000043', 90: '020000004211220547300000000000000000000000' } };
    const encoded = sut.encode(reversal).toString('latin1');

    expect(encoded.slice(4, 36)).toBe('80200000000000000000004000000000');
    expect(sut.decode(Buffer.from(encoded, 'latin1'))).toEqual(reversal);
  });

  it('pads short fixed values: numerics left with zeros, text right with spaces', () => {
    const decoded = sut.decode(sut.encode({ mti: '0800', fields: { 11: '7', 41: 'T1' } }));

    expect(decoded.fields).toEqual({ 11: '000007', 41: 'T1      ' });
  });

  it('accepts lowercase hex for binary fields and returns uppercase', () => {
    const decoded = sut.decode(sut.encode({ mti: '0200', fields: { 52: 'abcdef0123456789' } }));

    expect(decoded.fields[52]).toBe('ABCDEF0123456789');
  });

  describe('decoding malformed input throws Iso8583FormatError naming field and offset', () => {
    it.each<[string, Buffer, number | null, number, RegExp]>([
      ['empty input', Buffer.alloc(0), 0, 0, /truncated/],
      ['non-numeric MTI', patch(wire, 1, 'X'), 0, 0, /MTI/],
      ['non-hex bitmap', patch(wire, 7, 'G'), 1, 7, /not hexadecimal/],
      ['truncated bitmap', wire.subarray(0, 12), 1, 4, /truncated/],
      ['non-numeric length prefix', patch(wire, offsetOfField2, '1X'), 2, offsetOfField2 + 1, /length prefix is not numeric/],
      ['length prefix over the maximum', patch(wire, offsetOfField2, '25'), 2, offsetOfField2, /length prefix 25 exceeds maximum 19/],
      ['non-numeric n field', patch(wire, 38 + 2, 'A'), 3, 40, /not numeric \(n\)/],
      ['truncated last field', wire.subarray(0, wire.length - 5), 55, wire.length - TEST_ICC.length, /truncated: value needs/],
      ['trailing bytes', Buffer.concat([wire, Buffer.from('00')]), null, wire.length, /2 trailing bytes/],
    ])('%s', (_case, input, field, offset, reason) => {
      const error = catchFormatError(() => sut.decode(input));

      expect(error.field).toBe(field);
      expect(error.offset).toBe(offset);
      expect(error.message).toMatch(reason);
      expect(error.message).toContain(`byte offset ${offset}`);
    });

    it('rejects a field present in the bitmap that the spec does not define', () => {
      const partial = Iso8583Codec.forSpec({ ...ISO87_ASCII_SPEC, name: 'partial', fields: { 3: ISO87_ASCII_SPEC.fields[3] } });
      const withField4 = sut.encode({ mti: '0200', fields: { 3: '000000', 4: '000000000100' } });

      const error = catchFormatError(() => partial.decode(withField4));

      expect(error.field).toBe(4);
      expect(error.offset).toBe(26);
      expect(error.message).toMatch(/not defined in spec partial/);
    });
  });

  describe('encoding a bad value throws Iso8583FormatError naming the field', () => {
    it.each<[string, Record<number, unknown>, number, RegExp]>([
      ['value longer than the maximum', { 4: '0000000012345' }, 4, /length 13 exceeds maximum 12/],
      ['non-numeric in an n field', { 4: '00000000001A' }, 4, /position 11 is not numeric/],
      ['PAN too long', { 2: TEST_PAN + '0000' }, 2, /length 20 exceeds maximum 19/],
      ['bad track 2 character', { 35: TEST_TRACK2.replace('=', 'D') }, 35, /not track 2 code set/],
      ['PIN block of the wrong length', { 52: TEST_PIN_BLOCK.slice(2) }, 52, /differs from fixed length 8/],
      ['value that is not a string', { 11: 42 }, 11, /not a string/],
      ['field the spec does not define', { 1: 'F000000000000000' }, 1, /bitmap is computed/],
    ])('%s', (_case, fields, field, reason) => {
      const error = catchFormatError(() => sut.encode({ mti: '0200', fields: fields as Record<number, string> }));

      expect(error.field).toBe(field);
      expect(error.message).toMatch(reason);
    });

    it('rejects an MTI that is not 4 digits as field 0', () => {
      expect(catchFormatError(() => sut.encode({ mti: '200', fields: {} })).field).toBe(0);
    });
  });

  it('never puts card data (fields 2, 35, 52, 55) into error messages', () => {
    const messages = [
      catchFormatError(() => sut.encode({ mti: '0200', fields: { 2: TEST_PAN + 'X' } })).message,
      catchFormatError(() => sut.encode({ mti: '0200', fields: { 35: TEST_TRACK2 + '0'.repeat(5) } })).message,
      catchFormatError(() => sut.encode({ mti: '0200', fields: { 52: TEST_PIN_BLOCK + 'ZZ' } })).message,
      catchFormatError(() => sut.decode(wire.subarray(0, wire.length - 1))).message,
      catchFormatError(() => sut.decode(patch(wire, offsetOfField2 + 10, 'X'))).message,
    ];
    for (const message of messages) {
      for (const secret of [TEST_PAN, TEST_PAN.slice(0, 12), TEST_TRACK2, TEST_PIN_BLOCK, TEST_ICC.slice(0, 16)]) {
        expect(message).not.toContain(secret);
      }
    }
  });

  it('rejects a spec whose LLVAR maximum cannot fit its prefix', () => {
    const bad = { ...ISO87_ASCII_SPEC, name: 'bad', fields: { 2: { ...ISO87_ASCII_SPEC.fields[2], maxLength: 100 } } };

    expect(() => Iso8583Codec.forSpec(bad)).toThrow(/field 2 has an invalid maxLength/);
  });
});
