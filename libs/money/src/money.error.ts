/** Bad amount or currency input. The message names the field and what is wrong with it. */
export class MoneyError extends Error {
  override readonly name = 'MoneyError';

  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}
