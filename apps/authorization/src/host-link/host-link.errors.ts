/** Base of every host link failure, so callers can catch the family. Messages carry no card data. */
export class HostLinkError extends Error {
  override readonly name: string = 'HostLinkError';
}

/** No response with the request's STAN and response class arrived in time (ISO 8583 DE 11). */
export class HostTimeoutError extends HostLinkError {
  override readonly name = 'HostTimeoutError';

  constructor(
    readonly mti: string,
    readonly stan: string,
    readonly timeoutMs: number,
  ) {
    super(`no response from the acquirer host to ${mti} STAN ${stan} within ${timeoutMs} ms`);
  }
}

/** The TCP connection to the host is not available (lost, refused, timed out, or closed). */
export class HostLinkDownError extends HostLinkError {
  override readonly name = 'HostLinkDownError';
}
