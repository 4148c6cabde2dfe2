/**
 * A file whose trailer does not match its details: the counts, a total or the checksum differ.
 * Such a file must be refused whole; `differences` names each one (`trailer field totalAmount:
 * the file says 1200, its details add up to 1150`).
 */
export class LayoutBalanceError extends Error {
  override readonly name = 'LayoutBalanceError';

  constructor(
    readonly layout: string,
    readonly differences: readonly string[],
  ) {
    super(`${layout}: the file does not balance: ${differences.join('; ')}`);
  }
}
