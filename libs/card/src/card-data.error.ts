/**
 * Bad card data. The message names the field and the rule broken, never the value: PAN and
 * track data must not reach logs or error output (PCI DSS 3.3, 3.5).
 */
export class CardDataError extends Error {
  override readonly name = 'CardDataError';

  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}
