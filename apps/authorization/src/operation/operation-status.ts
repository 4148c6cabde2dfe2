/**
 * Where an operation stands. `unknown`: the rail may have approved it; a reversal is queued.
 * `rejected`: a platform rule refused it before any rail was asked. An original that was
 * cancelled or refunded in full becomes `cancelled` / `refunded`; a preauthorization becomes
 * `completed` or, unused until it lapses, `expired` (its hold released by a reversal).
 * `awaiting_cashier`: the operation waits on a cashier prompt, then goes on as `pending`.
 */
export const OPERATION_STATUSES = [
  'pending',
  'awaiting_cashier',
  'approved',
  'declined',
  'failed',
  'unknown',
  'reversed',
  'rejected',
  'cancelled',
  'refunded',
  'completed',
  'expired',
] as const;

export type OperationStatus = (typeof OPERATION_STATUSES)[number];

/**
 * Every status change the journal may make; anything else is refused. Keyed by status only: which
 * operation may take a path (only a cancel's advice turns `unknown` into `approved`) is the
 * caller's rule, the table says what can never happen to any operation.
 */
export const ALLOWED_TRANSITIONS: { readonly [from in OperationStatus]: readonly OperationStatus[] } = {
  // The outcome of the attempt, or a question to the cashier first.
  pending: ['awaiting_cashier', 'approved', 'declined', 'rejected', 'failed', 'unknown'],
  // Answered or expired: the operation goes on where it stopped.
  awaiting_cashier: ['pending'],
  // Its register gave up (unknown, reversed); a lapsed hold; a follow-up took all of it.
  approved: ['unknown', 'expired', 'cancelled', 'refunded', 'completed'],
  // The reversal was acknowledged; a cancel's repeated advice was taken or refused by the host.
  unknown: ['reversed', 'approved', 'declined'],
  // A partial approval the cashier refused (or the operation could not take) is given back.
  declined: ['reversed'],
  // The release of a lapsed hold was acknowledged: it stays expired, with a history row.
  expired: ['expired'],
  // A completion or refund approved, then reversed: the original is approved again.
  completed: ['approved'],
  refunded: ['approved'],
  cancelled: [],
  reversed: [],
  rejected: [],
  failed: [],
};

export function isOperationStatus(value: string): value is OperationStatus {
  return (OPERATION_STATUSES as readonly string[]).includes(value);
}

export function isAllowedTransition(from: string, to: OperationStatus): boolean {
  return isOperationStatus(from) && ALLOWED_TRANSITIONS[from].includes(to);
}
