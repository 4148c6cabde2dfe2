import { CardDataError } from './card-data.error';
import { assertPanFormat, maskPan } from './pan.util';

describe(maskPan.name, () => {
  it.each([
    ['4242424242424242', '424242******4242'],
    ['378282246310005', '378282*****0005'],
    ['4012345678909', '401234***8909'],
    ['6205500000000000004', '620550*********0004'],
  ])('shows only the first six and last four of %s', (pan, masked) => {
    expect(maskPan(pan)).toBe(masked);
  });

  it('refuses PANs too short to hide anything, without echoing them', () => {
    expect(() => maskPan('424242424242')).toThrow(new CardDataError('pan', 'cannot be masked: needs 13-19 digits, has 12'));
    expect(() => maskPan('42424242424242424242')).toThrow('has 20');
    try {
      maskPan('4242-4242-4242-4242');
    } catch (error) {
      expect((error as Error).message).toBe('pan: must contain digits 0-9 only');
    }
  });
});

describe(assertPanFormat.name, () => {
  it('accepts 12-19 digits and names the field otherwise', () => {
    expect(() => assertPanFormat('424242424242')).not.toThrow();
    expect(() => assertPanFormat('42424242424', 'DE 2')).toThrow('DE 2: must have 12-19 digits, has 11');
  });
});
