import type { TerminalServiceReply } from '@payments/contracts';

import type { IdempotencyRefusal } from './register-outcome';

/** What a register learns from a connection check, a close of day, a report or a receipt copy. */
export type TerminalServiceOutcome = ServiceAnswered | ServiceOutcomeUnknown | IdempotencyRefusal;

/** ok; rejected (nothing to report, no such receipt); failed (the acquirer host did not answer). */
export interface ServiceAnswered {
  readonly kind: TerminalServiceReply['status'];
  readonly reply: TerminalServiceReply;
}

/** Authorization did not answer within the register's deadline. */
export interface ServiceOutcomeUnknown {
  readonly kind: 'outcome_unknown';
  readonly requestId: string;
  readonly message: string;
}

export function serviceAnsweredOf(reply: TerminalServiceReply): ServiceAnswered {
  return { kind: reply.status, reply };
}
