/** A transaction id already journaled for another request, or still being processed. */
export class DuplicateTransactionError extends Error {
  constructor(transactionId: string, what: string) {
    super(`transaction ${transactionId} is already journaled for ${what}`);
    this.name = 'DuplicateTransactionError';
  }
}
