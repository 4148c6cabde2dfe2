import type { OperationStatus } from './operation-status';

/** A status change the transition table does not allow: nothing is written. */
export class StatusTransitionError extends Error {
  constructor(
    readonly transactionId: string,
    readonly from: string,
    readonly to: OperationStatus,
  ) {
    super(`transaction ${transactionId}: a change from ${from} to ${to} is not allowed`);
    this.name = 'StatusTransitionError';
  }
}
