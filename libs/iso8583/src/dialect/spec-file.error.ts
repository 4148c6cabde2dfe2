/**
 * Thrown when a spec definition (an acquirer dialect file) is not valid. Each issue starts with
 * the path of the bad key, e.g. `fields.48.lengthType: Invalid option: ...`.
 */
export class Iso8583SpecFileError extends Error {
  override readonly name = 'Iso8583SpecFileError';

  constructor(
    /** Where the definition came from: the file path as given, or a label. */
    readonly source: string,
    readonly issues: readonly string[],
  ) {
    super(`ISO 8583 spec definition ${source} is invalid: ${issues.join('; ')}`);
  }
}
