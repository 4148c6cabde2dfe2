import type { Operation } from '@payments/contracts';

/**
 * How each register operation meets the host and the money, as data (ISO 8583:1987). DE 3
 * positions 1-2 are the transaction type: 00 goods and services, 01 cash, 20 return (refund),
 * 21 deposit (top-up of a prepaid or gift card), 31 balance inquiry.
 * `money`: debit charges the card, credit pays it, none moves nothing; the totals of close day
 * and settlement follow it (a cancel takes back what its original moved).
 */
export interface OperationProfile {
  readonly mti?: '0100' | '0200' | '0220' | '0400';
  readonly processingCode?: string;
  readonly money: 'debit' | 'credit' | 'none';
  /** Asked of antifraud before the host. */
  readonly assessed: boolean;
  /** May be cancelled in its own batch; refunded in a later one. */
  readonly cancellable: boolean;
  readonly refundable: boolean;
}

export const OPERATION_PROFILES: Readonly<Record<Operation, OperationProfile>> = {
  purchase: { mti: '0200', processingCode: '000000', money: 'debit', assessed: true, cancellable: true, refundable: true },
  cash_withdrawal: { mti: '0200', processingCode: '010000', money: 'debit', assessed: true, cancellable: true, refundable: false },
  top_up: { mti: '0200', processingCode: '210000', money: 'credit', assessed: true, cancellable: true, refundable: false },
  preauthorization: { mti: '0100', processingCode: '000000', money: 'none', assessed: true, cancellable: true, refundable: false },
  balance_inquiry: { mti: '0100', processingCode: '310000', money: 'none', assessed: false, cancellable: false, refundable: false },
  card_data: { money: 'none', assessed: false, cancellable: false, refundable: false },
  completion: { mti: '0220', processingCode: '000000', money: 'debit', assessed: false, cancellable: true, refundable: true },
  refund: { mti: '0200', processingCode: '200000', money: 'credit', assessed: false, cancellable: true, refundable: false },
  cancel: { mti: '0400', money: 'none', assessed: false, cancellable: false, refundable: false },
  emergency_cancel: { mti: '0400', money: 'none', assessed: false, cancellable: false, refundable: false },
};

export const isCancelOperation = (operation: string): boolean => operation === 'cancel' || operation === 'emergency_cancel';

/** Amount a card operation must carry: none for a balance inquiry or a card read. */
export const carriesAmount = (operation: Operation): boolean => operation !== 'balance_inquiry' && operation !== 'card_data';

export function profileOf(operation: string): OperationProfile {
  const profile = (OPERATION_PROFILES as Record<string, OperationProfile | undefined>)[operation];
  if (!profile) throw new RangeError(`unknown operation ${operation}`);
  return profile;
}
