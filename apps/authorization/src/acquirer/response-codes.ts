/** ISO 8583:1987 field 39 response codes the platform produces or meets most (payments-standards.md). */
const TEXTS: Record<string, string> = {
  '00': 'Approved',
  '01': 'Refer to card issuer',
  '03': 'Invalid merchant',
  '04': 'Pick up card',
  '05': 'Do not honour',
  '10': 'Partial approval',
  '12': 'Invalid transaction',
  '13': 'Invalid amount',
  '14': 'Invalid card number',
  '25': 'Unable to locate record',
  '30': 'Format error',
  '41': 'Lost card, pick up',
  '43': 'Stolen card, pick up',
  '51': 'Insufficient funds',
  '54': 'Expired card',
  '55': 'Incorrect PIN',
  '57': 'Transaction not permitted to cardholder',
  '58': 'Transaction not permitted to terminal',
  '59': 'Suspected fraud',
  '61': 'Exceeds withdrawal amount limit',
  '62': 'Restricted card',
  '63': 'Security violation',
  '65': 'Exceeds withdrawal frequency limit',
  '68': 'Response received too late',
  '75': 'Allowable PIN tries exceeded',
  '81': 'Cryptographic error in PIN',
  '91': 'Issuer or switch inoperative',
  '92': 'No route to the card issuer',
  '94': 'Duplicate transmission',
  '96': 'System malfunction',
};

export function responseTextOf(code: string): string {
  return TEXTS[code] ?? `Declined (${code})`;
}

export const APPROVED = '00';

/** No configured acquirer takes the card (routing): ISO 8583 field 39 = 92. */
export const NO_ROUTE = '92';

/** The host approved part of the amount (DE 4 of the response): ISO 8583 field 39 = 10. */
export const PARTIAL_APPROVAL = '10';

/** Field 39 = 81, cryptographic error in PIN: the PIN block could not be translated (wrong key, KSN or a corrupted block). */
export const PIN_CRYPTO_ERROR = '81';

/** Field 39 = 58, transaction not permitted to terminal: also a PIN pad that is not registered, blocked or on another register. */
export const TERMINAL_NOT_PERMITTED = '58';

/** Field 39 = 63, security violation: a replayed KSN, a counter no DUKPT device uses. */
export const SECURITY_VIOLATION = '63';

/** Field 39 = 59, suspected fraud: also a card that fails the cashier's check. */
export const SUSPECTED_FRAUD = '59';

/** Field 39 = 68, response received too late: approved after the register gave up, so reversed. */
export const RECEIVED_TOO_LATE = '68';
