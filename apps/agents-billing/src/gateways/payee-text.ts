import { redactCardData } from '@payments/observability';

/** A phone number as payees write it: a + and 8 to 15 digits. */
const PHONE = /\+[0-9]{8,15}(?![0-9])/g;
const MASK = '[masked]';

/**
 * Text from a payee (a decline reason, a holder's name) as the service keeps, shows and publishes
 * it: bounded, card numbers masked, phone numbers masked, and the payer's own account (when
 * known) masked wherever it occurs.
 */
export function payeeTextOf(text: string, payerAccount?: string | null): string {
  let masked = redactCardData(text).replace(PHONE, MASK);
  if (payerAccount && payerAccount.length >= 4) masked = masked.split(payerAccount).join(MASK);
  return masked.slice(0, 200);
}
