/** Why the ledger refused a request. A refused request changed nothing. */
export const LEDGER_ERROR_CODES = [
  'invalid_field',
  'amount_not_positive_integer',
  'same_account_both_sides',
  'account_not_found',
  'account_exists_with_different_body',
  'currency_mismatch',
  'exceeds_credits',
  'exceeds_debits',
  'id_reused_with_different_body',
  'pending_not_found',
  'pending_already_posted',
  'pending_already_voided',
  'pending_expired',
  'post_amount_exceeds_pending',
  'linked_transfer_failed',
] as const;

export type LedgerErrorCode = (typeof LEDGER_ERROR_CODES)[number];

export class LedgerError extends Error {
  override readonly name = 'LedgerError';

  constructor(
    readonly code: LedgerErrorCode,
    /** The transfer or account the error is about. */
    readonly id: string,
    detail: string,
  ) {
    super(`${code} (${id}): ${detail}`);
  }
}
