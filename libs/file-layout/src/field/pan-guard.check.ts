import { isLuhnValid } from '@payments/card';

import { FieldValueError } from './field-value.error';

const SHORTEST_PAN = 13;
const LONGEST_PAN = 19;

/**
 * PCI DSS 3.4.1 / 3.5: a file shows at most the first six and last four digits of a PAN. Refuses a
 * value holding a run of 13-19 digits (spaces or dashes between groups allowed, as printed on a
 * card) that passes the Luhn check, wherever it stands in the value. Leading zeros are not counted
 * (no card number starts with 0, ISO/IEC 7812-1, and `M00000000000042` is a merchant id); a
 * longer run of digits is not read as a PAN. The price: a 13-19-digit
 * identifier that happens to pass Luhn (one in ten) is refused too, loudly, rather than a PAN
 * slipping through.
 */
export function assertNoFullPan(text: string): void {
  if (text.length < SHORTEST_PAN) return;
  let digits = '';
  for (let i = 0; i <= text.length; i += 1) {
    const char = i < text.length ? text[i] : '';
    if (isDigit(char)) digits += char;
    else if ((char === ' ' || char === '-') && digits.length > 0 && isDigit(text[i + 1])) continue;
    else {
      const significant = digits.replace(/^0+/, '');
      if (significant.length >= SHORTEST_PAN && significant.length <= LONGEST_PAN && isLuhnValid(significant)) {
        throw new FieldValueError(`looks like a full PAN (${SHORTEST_PAN}-${LONGEST_PAN} digits passing Luhn); only a masked PAN may be written`);
      }
      digits = '';
    }
  }
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char !== '' && char >= '0' && char <= '9';
}
