/**
 * Thrown for any malformed ISO 8583 input (decode) or any value that cannot be encoded.
 * The message names the field number, the byte offset and the reason only: never the value,
 * because fields 2, 35, 45, 52 and 55 carry card data (PCI DSS 3.3.1 / 10.x: no PAN, track or
 * PIN block in logs or error messages). Field 0 is the MTI, field 1 the bitmap(s).
 */
export class Iso8583FormatError extends Error {
  override readonly name = 'Iso8583FormatError';

  constructor(
    /** Field number at fault, or null when the fault is not inside a field (framing, trailing bytes). */
    readonly field: number | null,
    /** Byte offset in the message (or stream) where the fault was found. */
    readonly offset: number,
    /** Human-readable reason, free of field values. */
    readonly reason: string,
  ) {
    super(`${field === null ? 'ISO 8583 message' : `ISO 8583 field ${field}`} at byte offset ${offset}: ${reason}`);
  }
}
