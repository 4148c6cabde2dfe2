/**
 * BER-TLV data objects as EMV Book 3 Annex B uses them for ICC data (ISO 8583 DE 55): a tag of
 * 1-3 bytes, a definite length (1 byte below 128, else 81 xx or 82 xx xx) and the value.
 * Values stay hex strings, like every binary field of the codec.
 */
export interface TlvDataObject {
  /** Tag as uppercase hex: '9F26', '82'. */
  readonly tag: string;
  /** Length of the value in bytes. */
  readonly length: number;
  /** Value as uppercase hex; for a constructed tag, the encoded data objects inside it. */
  readonly value: string;
  /** Present only for constructed tags (bit 6 of the first tag byte): the data objects inside. */
  readonly children?: readonly TlvDataObject[];
}

/**
 * What the encoder needs: a tag and either a value or (constructed tags) children. A decoded
 * TlvDataObject fits too; its length is recomputed and, when it has children, they win over value.
 */
export interface TlvInput {
  readonly tag: string;
  readonly value?: string;
  readonly children?: readonly TlvInput[];
}

/** ISO 8583 DE 55 "ICC system related data": the field TLV errors name unless told otherwise. */
export const ICC_DATA_FIELD = 55;

/** ISO/IEC 7816-4 limits a BER-TLV tag to 3 bytes; EMV tags use 1 or 2. */
export const MAX_TAG_BYTES = 3;

/** Two length bytes after 82: the largest value a DE 55 data object can carry. */
export const MAX_VALUE_BYTES = 0xffff;

/** Low 5 bits all set in the first tag byte: the tag number continues in the next byte(s). */
export function startsMultiByteTag(firstTagByte: number): boolean {
  return (firstTagByte & 0x1f) === 0x1f;
}

/** Bit 6 of the first tag byte: the value is itself a list of data objects. */
export function isConstructedTag(firstTagByte: number): boolean {
  return (firstTagByte & 0x20) !== 0;
}
