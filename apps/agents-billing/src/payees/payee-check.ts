import { percentOf } from '../commissions/commission-rule';
import { checksumHolds } from './account-checksum';
import { storedPayerAccount } from './payer-account';
import { accountPatternOf, MAX_ACCOUNT_LENGTH, type Payee, type PayeeFee } from './payee';

/** What the payer wants to pay: the account at the payee, and (when known) the amount and currency. */
export interface PayeeCheckRequest {
  readonly account: string;
  readonly amount?: bigint;
  readonly currency?: string;
}

/** Why a payee will not be paid (the account itself is never repeated: it may be a card number). */
export type PayeeRefusal =
  | { readonly reason: 'suspended' }
  | { readonly reason: 'currency_mismatch'; readonly payeeCurrency: string }
  | { readonly reason: 'account_pattern'; readonly pattern: string }
  | { readonly reason: 'account_checksum'; readonly checksum: string }
  /** A card-shaped account to a payee with a gateway: the platform keeps it masked and cannot send it (it would need the card vault's token). */
  | { readonly reason: 'card_account_not_forwardable' }
  | { readonly reason: 'amount_below_min'; readonly min: bigint }
  | { readonly reason: 'amount_above_max'; readonly max: bigint };

/** The fee is known once the amount is. */
export type PayeeCheck = { readonly payable: true; readonly fee: bigint | null } | { readonly payable: false; readonly refusal: PayeeRefusal };

/** The payer's fee on an amount: basis points rounded half up (the commissions' arithmetic), plus the fixed part. */
export const feeOf = (fee: PayeeFee, amount: bigint): bigint => percentOf(amount, fee.percentBasisPoints) + fee.fixed;

/**
 * The payee check, decided locally by the payee's rules, in this order: the payee active, the
 * currency the payee's, the whole account matching the pattern, its check digits, (to a payee with a
 * gateway) not a card number, then the amount
 * within the payee's min and max (inclusive). Payable, it names the payer's fee on the amount.
 */
export function payeeCheck(payee: Payee, request: PayeeCheckRequest): PayeeCheck {
  const refuse = (refusal: PayeeRefusal): PayeeCheck => ({ payable: false, refusal });
  if (payee.status !== 'active') return refuse({ reason: 'suspended' });
  if (request.currency !== undefined && request.currency !== payee.currency) return refuse({ reason: 'currency_mismatch', payeeCurrency: payee.currency });
  if (request.account.length > MAX_ACCOUNT_LENGTH || !accountPatternOf(payee.accountPattern).test(request.account)) {
    return refuse({ reason: 'account_pattern', pattern: payee.accountPattern });
  }
  if (!checksumHolds(payee.accountChecksum, request.account)) return refuse({ reason: 'account_checksum', checksum: payee.accountChecksum });
  if (payee.gateway && storedPayerAccount(request.account) !== request.account) return refuse({ reason: 'card_account_not_forwardable' });
  const { amount } = request;
  if (amount === undefined) return { payable: true, fee: null };
  if (payee.minAmount !== null && amount < payee.minAmount) return refuse({ reason: 'amount_below_min', min: payee.minAmount });
  if (payee.maxAmount !== null && amount > payee.maxAmount) return refuse({ reason: 'amount_above_max', max: payee.maxAmount });
  return { payable: true, fee: feeOf(payee.fee, amount) };
}

/** A refusal as an operator reads it: the field first, then what is wrong (never the account itself). */
export function payeeRefusalMessage(payeeId: string, refusal: PayeeRefusal, asked: { amount?: bigint; currency?: string }): string {
  switch (refusal.reason) {
    case 'suspended':
      return `payeeId: payee ${payeeId} is suspended`;
    case 'currency_mismatch':
      return `currency: payee ${payeeId} takes ${refusal.payeeCurrency}, not ${asked.currency}`;
    case 'account_pattern':
      return `account: does not match payee ${payeeId}'s account format ${refusal.pattern}`;
    case 'account_checksum':
      return `account: fails payee ${payeeId}'s ${refusal.checksum} check digits`;
    case 'card_account_not_forwardable':
      return `account: a card number cannot be sent to payee ${payeeId}'s gateway (the platform keeps it masked; the card vault's token is not supported yet)`;
    case 'amount_below_min':
      return `amount: ${asked.amount} is below payee ${payeeId}'s minimum of ${refusal.min}`;
    case 'amount_above_max':
      return `amount: ${asked.amount} is above payee ${payeeId}'s maximum of ${refusal.max}`;
  }
}
