/**
 * ISO/IEC 7812-1 Annex B "MOD 10" (Luhn): from the right, double every second digit starting
 * with the one left of the check digit, subtract 9 when above 9, and the sum must end in 0.
 */
function luhnSum(digits: string, doubleFirstFromRight: boolean): number {
  let sum = 0;
  let double = doubleFirstFromRight;
  for (let i = digits.length - 1; i >= 0; i -= 1) {
    let digit = digits.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum;
}

const DIGITS = /^[0-9]+$/;

/** True when `number` is digits only (at least two) and its last digit is a valid Luhn check digit. */
export function isLuhnValid(number: string): boolean {
  return number.length >= 2 && DIGITS.test(number) && luhnSum(number, false) % 10 === 0;
}

/** The check digit to append to `partial` (`'7992739871'` -> `'3'`). */
export function computeLuhnCheckDigit(partial: string): string {
  if (partial.length === 0 || !DIGITS.test(partial)) {
    throw new RangeError('Luhn input must be one or more digits');
  }
  return String((10 - (luhnSum(partial, true) % 10)) % 10);
}
