/**
 * A layout definition that is not valid. Each issue starts with the path of the bad key, e.g.
 * `records.detail.fields.3.width: 40 characters do not fit ...`; all issues are reported at once.
 */
export class LayoutDefinitionError extends Error {
  override readonly name = 'LayoutDefinitionError';

  constructor(
    /** Where the definition came from: the file path as given, or a label. */
    readonly source: string,
    readonly issues: readonly string[],
  ) {
    super(`file layout ${source} is invalid: ${issues.join('; ')}`);
  }
}
