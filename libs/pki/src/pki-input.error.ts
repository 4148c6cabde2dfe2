/** A certificate request or key material the CA refuses; the message names the field and the rule. */
export class PkiInputError extends Error {
  override readonly name = 'PkiInputError';

  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}
