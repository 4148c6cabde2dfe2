/**
 * A record that cannot be written, or a line that cannot be read: names where (`detail record 12`,
 * `line 7 (detail)`) and the field, never the value (a record may carry card data).
 */
export class LayoutRecordError extends Error {
  override readonly name = 'LayoutRecordError';

  constructor(
    readonly layout: string,
    readonly where: string,
    readonly field: string | undefined,
    readonly problem: string,
  ) {
    super(`${layout}: ${where}${field === undefined ? '' : `, field ${field}`}: ${problem}`);
  }
}
