import { CardDataError } from './card-data.error';
import { formatTrack2, parseTrack2 } from './track2.codec';

const PAN = '4242424242424242';

describe(parseTrack2.name, () => {
  it.each([`;${PAN}=30031011234567890?`, `;${PAN}=30031011234567890?X`, `${PAN}=30031011234567890`, `${PAN}D30031011234567890`, `${PAN}d30031011234567890`])(
    'parses %s',
    (track) => {
      expect(parseTrack2(track)).toEqual({ pan: PAN, expiry: '3003', serviceCode: '101', discretionaryData: '1234567890' });
    },
  );

  it('drops the F pad nibble of an odd-length BCD DE 35', () => {
    expect(parseTrack2('378282246310005D3003201123F')).toEqual({
      pan: '378282246310005',
      expiry: '3003',
      serviceCode: '201',
      discretionaryData: '123',
    });
  });

  it('accepts an empty discretionary data field', () => {
    expect(parseTrack2(`${PAN}=3003101`).discretionaryData).toBe('');
  });

  it.each([
    [`${PAN}30031011234`, 'track2: has no field separator'],
    [`${PAN}=300310`, 'needs expiry (YYMM) and service code'],
    [`${PAN}=3013101`, 'track2.expiry: month must be 01-12'],
    [`4242=3003101`, 'track2.pan: must have 12-19 digits, has 4'],
    [`${PAN}=3003101A`, 'only digits may follow the field separator'],
    [`${PAN}=${'1'.repeat(25)}`, 'track2: has 42 characters, at most 37'],
    [`;${PAN}=3003101?12`, 'unexpected characters after the end sentinel'],
  ])('rejects %p without echoing card data', (track, message) => {
    let error: unknown;
    try {
      parseTrack2(track);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CardDataError);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).not.toContain('4242');
  });
});

describe(formatTrack2.name, () => {
  it('builds track 2 equivalent data that parses back', () => {
    const track = formatTrack2({ pan: PAN, expiry: { year: 2030, month: 3 }, serviceCode: '201', discretionaryData: '00000' });
    expect(track).toBe(`${PAN}=300320100000`);
    expect(parseTrack2(track)).toEqual({ pan: PAN, expiry: '3003', serviceCode: '201', discretionaryData: '00000' });
  });

  it('validates each field by name', () => {
    expect(() => formatTrack2({ pan: PAN, expiry: '3003', serviceCode: '1' })).toThrow('track2.serviceCode: must be three digits');
    expect(() => formatTrack2({ pan: PAN, expiry: '3300', serviceCode: '101' })).toThrow('track2.expiry');
    expect(() => formatTrack2({ pan: PAN, expiry: '3003', serviceCode: '101', discretionaryData: 'x' })).toThrow('track2.discretionaryData');
  });
});
