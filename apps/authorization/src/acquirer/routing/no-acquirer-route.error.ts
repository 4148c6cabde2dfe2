/**
 * No configured route takes the card. Names the BIN (first six digits) and what was matched on,
 * never the PAN (PCI DSS 3.4.1 allows BIN and last four; the BIN suffices here).
 */
export class NoAcquirerRouteError extends Error {
  override readonly name = 'NoAcquirerRouteError';

  constructor(
    readonly bin: string,
    readonly scheme: string,
    readonly cardKind: string | undefined,
    readonly merchantId: string | undefined,
  ) {
    super(`no acquirer route matches the card with BIN ${bin} (scheme ${scheme}, kind ${cardKind ?? 'none'}${merchantId ? `, merchant ${merchantId}` : ''})`);
  }
}
