/**
 * A value that a field cannot take, or a field's text that cannot be read. The message says the
 * rule broken, never the value (a record may carry card data); the record codec adds where.
 */
export class FieldValueError extends Error {
  override readonly name = 'FieldValueError';
}
