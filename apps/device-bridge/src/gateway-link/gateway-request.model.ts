/** A register request as the bridge forwards it: the register's own headers (terminal key, Idempotency-Key). */
export interface GatewayRequest {
  readonly method: string;
  /** Path and query, e.g. `/v1/purchases`. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** The gateway's answer, kept as it came (the register gets it unchanged). */
export interface GatewayAnswer {
  readonly status: number;
  readonly contentType?: string;
  readonly body: string;
  /** Which gateway answered. */
  readonly gateway: string;
}

/** Neither gateway answered (refused, reset or past the deadline); the request may or may not have arrived. */
export class GatewayUnreachableError extends Error {
  override readonly name = 'GatewayUnreachableError';

  constructor(readonly failures: readonly string[]) {
    super(`no gateway answered (${failures.join('; ')})`);
  }
}
