import { isLuhnValid, maskPan, MASKABLE_PAN_MIN_LENGTH, PAN_MAX_LENGTH } from '@payments/card';

const PAN_SHAPED = new RegExp(`^[0-9]{${MASKABLE_PAN_MIN_LENGTH},${PAN_MAX_LENGTH}}$`);

/**
 * The payer's account as the platform keeps it (on the payment row, in its idempotency hash and in
 * answers): a payee's account may be a card number (a card loan, a credit card bill), and a PAN is
 * never stored in clear, so an account shaped as one (13-19 digits with a valid Luhn digit) is kept
 * masked to its first six and last four digits. Any other account is kept as sent.
 */
export function storedPayerAccount(account: string): string {
  return PAN_SHAPED.test(account) && isLuhnValid(account) ? maskPan(account, 'account') : account;
}
