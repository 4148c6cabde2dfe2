import { ISO87_ASCII_SPEC } from '../spec/iso87ascii.fields';
import { catchFormatError } from '../testing/format-error.util';
import { purchaseRequest, TEST_PIN_BLOCK } from '../testing/sample-messages.util';
import { Iso8583Codec } from './iso8583.codec';

/**
 * The codec remembers per bitmap the fields to read and the runs of fixed fields it checks at
 * once, and reuses the last layout when a message has the same fields: these cases make sure a
 * remembered layout never stands in for another message's fields.
 */
describe(`${Iso8583Codec.name} layouts`, () => {
  // A fresh codec per test: layouts are remembered per codec.
  const codec = (): Iso8583Codec => Iso8583Codec.forSpec({ ...ISO87_ASCII_SPEC, name: 'layout-test' });
  const echo = { mti: '0800', fields: { 7: '1122054730', 11: '000001', 70: '301' } };

  it('encodes and decodes messages of different fields in turn, each with its own bitmap', () => {
    const sut = codec();

    for (let i = 0; i < 3; i++) {
      expect(sut.decode(sut.encode(purchaseRequest()))).toEqual(purchaseRequest());
      expect(sut.decode(sut.encode(echo))).toEqual(echo);
    }
  });

  it('does not reuse the last layout for a message with one more field, one field fewer or another field', () => {
    const sut = codec();
    const request = purchaseRequest();
    sut.encode(request);
    const { 25: _dropped, ...fewer } = request.fields;
    const other = { ...fewer, 26: '12' };

    expect(sut.decode(sut.encode({ mti: '0200', fields: fewer })).fields).toEqual(fewer);
    expect(sut.decode(sut.encode({ mti: '0200', fields: other })).fields).toEqual(other);
    expect(catchFormatError(() => sut.encode({ mti: '0200', fields: { ...request.fields, 200: '1' } })).field).toBe(200);
    expect(catchFormatError(() => sut.encode({ mti: '0200', fields: { ...request.fields, 25: undefined as unknown as string } })).field).toBe(25);
  });

  it('checks every field of a run of fixed fields and names the one at fault', () => {
    const sut = codec();
    sut.encode(purchaseRequest());

    const error = catchFormatError(() => sut.encode({ mti: '0200', fields: { ...purchaseRequest().fields, 12: '05473X' } }));
    const wire = sut.encode(purchaseRequest());
    const field14 = wire.indexOf('2512', 40, 'latin1');
    const damaged = Buffer.from(wire);
    damaged.write('25X2', field14, 'latin1');
    const decodeError = catchFormatError(() => sut.decode(damaged));

    expect(error.field).toBe(12);
    expect(error.message).toMatch(/position 5 is not numeric/);
    expect([decodeError.field, decodeError.offset]).toEqual([14, field14 + 2]);
  });

  it('pads a short value inside a run of fixed fields and uppercases its hex', () => {
    const sut = codec();
    const request = purchaseRequest();
    sut.encode(request);

    const decoded = sut.decode(sut.encode({ mti: '0200', fields: { ...request.fields, 11: '42', 41: 'T1', 52: TEST_PIN_BLOCK.toLowerCase() } }));

    expect([decoded.fields[11], decoded.fields[41], decoded.fields[52]]).toEqual(['000042', 'T1      ', TEST_PIN_BLOCK]);
  });

  it('decodes a bitmap written in lowercase hex', () => {
    const sut = codec();
    const wire = sut.encode(purchaseRequest());
    const lower = Buffer.from(wire);
    lower.write(wire.toString('latin1', 4, 20).toLowerCase(), 4, 'latin1');

    expect(sut.decode(lower)).toEqual(purchaseRequest());
  });
});
