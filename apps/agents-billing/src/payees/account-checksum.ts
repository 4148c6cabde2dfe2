import { isLuhnValid } from '@payments/card';

/** The check-digit algorithms a payee's account format may name (a fixed set: the rules are code, not data). */
export const ACCOUNT_CHECKSUMS = ['none', 'luhn', 'mod97', 'mod11'] as const;
export type AccountChecksum = (typeof ACCOUNT_CHECKSUMS)[number];

const DIGITS = /^[0-9]+$/;
const LETTERS_AND_DIGITS = /^[A-Z0-9]+$/;

/**
 * ISO 7064 MOD 97-10 read as an IBAN is: the first four characters moved to the end, each letter
 * replaced by its number (A = 10 … Z = 35), and the resulting decimal number mod 97 must be 1.
 * Upper-case letters and digits only, at least five characters.
 */
export function isMod97Valid(account: string): boolean {
  if (account.length < 5 || !LETTERS_AND_DIGITS.test(account)) return false;
  let remainder = 0;
  for (const char of account.slice(4) + account.slice(0, 4)) {
    const value = parseInt(char, 36);
    remainder = (value < 10 ? remainder * 10 + value : remainder * 100 + value) % 97;
  }
  return remainder === 1;
}

/**
 * MOD 11 with weights 2, 3, 4, 5, 6, 7, 2, 3, … from the right: the last digit is the check digit;
 * the digits before it, the rightmost first, are multiplied by the weights and summed (S); the check
 * digit is 11 − (S mod 11), where 11 gives 0 and 10 makes the number impossible (no account has it).
 * Digits only, at least two.
 */
export function isMod11Valid(account: string): boolean {
  if (account.length < 2 || !DIGITS.test(account)) return false;
  let sum = 0;
  for (let i = account.length - 2, weight = 2; i >= 0; i -= 1, weight = weight === 7 ? 2 : weight + 1) {
    sum += (account.charCodeAt(i) - 48) * weight;
  }
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === account.charCodeAt(account.length - 1) - 48;
}

const CHECKS: Record<AccountChecksum, (account: string) => boolean> = {
  none: () => true,
  luhn: isLuhnValid,
  mod97: isMod97Valid,
  mod11: isMod11Valid,
};

/** Whether the account's check digits hold under the algorithm (`none` always holds). */
export const checksumHolds = (checksum: AccountChecksum, account: string): boolean => CHECKS[checksum](account);
