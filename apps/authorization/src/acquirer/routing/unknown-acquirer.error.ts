/** An acquirer id that the configuration does not name (a caller bug or a stale journal row). */
export class UnknownAcquirerError extends Error {
  override readonly name = 'UnknownAcquirerError';

  constructor(
    readonly acquirerId: string,
    configured: readonly string[],
  ) {
    super(`acquirer "${acquirerId}" is not configured (configured: ${configured.join(', ')})`);
  }
}
