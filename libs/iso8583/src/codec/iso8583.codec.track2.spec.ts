import { parseTrack2 } from '@payments/card';

import { catchFormatError } from '../testing/format-error.util';
import { purchaseRequest, purchaseRequest1993, TEST_TRACK2 } from '../testing/sample-messages.util';
import { Iso8583Codec } from './iso8583.codec';

// Track 2 equivalent data (DE 35): the codec carries it as text ('=' separator) or packed BCD
// (separator nibble D); splitting it into PAN, expiry and service code is @payments/card's job.
describe(`${Iso8583Codec.name} track 2 (DE 35)`, () => {
  const asciiTrack2 = Buffer.from(TEST_TRACK2, 'latin1').toString('hex').toUpperCase();

  it.each([
    ['iso87ascii', purchaseRequest(), '3337' + asciiTrack2],
    // 37 digits packed: separator '=' is nibble D, the odd digit count gets a 0 nibble on the right.
    ['iso87binary', purchaseRequest(), '37' + TEST_TRACK2.replace('=', 'D') + '0'],
    ['iso93ascii', purchaseRequest1993(), '3337' + asciiTrack2],
    // jPOS ISO93BPackager sends track 2 as characters behind a BCD length (IFB_LLCHAR).
    ['iso93binary', purchaseRequest1993(), '37' + asciiTrack2],
  ])('%s writes it in its wire form, decodes it with "=" and card parsing understands it', (spec, message, wire) => {
    const sut = Iso8583Codec.forSpec(spec);

    const encoded = sut.encode(message);
    const track2 = sut.decode(encoded).fields[35];

    expect(encoded.toString('hex').toUpperCase()).toContain(wire);
    expect(track2).toBe(TEST_TRACK2);
    expect(parseTrack2(track2)).toEqual({ pan: '4761739001010119', expiry: '2512', serviceCode: '201', discretionaryData: '1143804400000' });
  });

  it('rejects a BCD track 2 nibble that is neither a digit nor the separator D, naming field 35', () => {
    const sut = Iso8583Codec.forSpec('iso87binary');
    const encoded = sut.encode({ mti: '0200', fields: { 35: TEST_TRACK2 } });
    const valueAt = encoded.length - 19;
    encoded[valueAt + 8] = 0xe2; // the separator nibble D replaced by E

    const error = catchFormatError(() => sut.decode(encoded));

    expect(error.field).toBe(35);
    expect(error.offset).toBe(valueAt);
    expect(error.message).toMatch(/not valid BCD/);
  });

  it.each(['iso87ascii', 'iso87binary', 'iso93ascii', 'iso93binary'])('%s refuses a track 2 longer than 37 characters', (spec) => {
    const error = catchFormatError(() => Iso8583Codec.forSpec(spec).encode({ mti: '0200', fields: { 35: TEST_TRACK2 + '0' } }));

    expect(error.field).toBe(35);
    expect(error.message).toMatch(/length 38 exceeds maximum 37/);
  });
});
