/**
 * Input that cannot be read as a statement: not XML, an unknown camt namespace, a missing
 * balance, a malformed MT940 tag, an amount with more decimals than its currency has.
 * The message names the format, where (an element path or an MT940 line) and what is wrong.
 */
export class StatementFormatError extends Error {
  override readonly name = 'StatementFormatError';

  constructor(
    readonly format: string,
    readonly location: string,
    readonly reason: string,
  ) {
    super(`${format} ${location}: ${reason}`);
  }
}
