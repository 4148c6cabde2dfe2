import { PIN_MAX_LENGTH, PIN_MIN_LENGTH } from '../pin-block/pin-block-input.util';

/** Nibble `i` of `buffer` (high nibble first), or of `buffer` xor `mask` when given. */
function nibbleOf(buffer: Uint8Array, i: number, mask?: Uint8Array): number {
  const byte = (buffer[i >> 1] ?? 0) ^ (mask?.[i >> 1] ?? 0);
  return i % 2 === 0 ? byte >> 4 : byte & 0x0f;
}

/**
 * Whether the first 16 nibbles of a clear PIN field (xor `mask` when given) are `control N d..d
 * fill..fill` with 4-12 digits, read nibble by nibble so the PIN never becomes a string.
 */
function isPinField(field: Uint8Array, control: number, fill: number, mask?: Uint8Array): boolean {
  const length = nibbleOf(field, 1, mask);
  if (nibbleOf(field, 0, mask) !== control || length < PIN_MIN_LENGTH || length > PIN_MAX_LENGTH) return false;
  for (let i = 2; i < 16; i++) {
    const nibble = nibbleOf(field, i, mask);
    if (i < 2 + length ? nibble > 9 : nibble !== fill) return false;
  }
  return true;
}

/** Whether a clear format 0 block xor the PAN field is a PIN field `0 N d..d F..F`. */
export function isFormat0PinField(clearBlock: Uint8Array, panField: Uint8Array): boolean {
  return isPinField(clearBlock, 0x0, 0xf, panField);
}

/**
 * The clear ISO 9564 format 0 block (PIN field `0 N d..d F..F` xor the format 0 `panField`) of
 * the PIN in a clear format 4 PIN field (`4 N d..d A..A` + 8 random bytes), built nibble by
 * nibble in a buffer (the caller wipes it); undefined when the field holds no PIN.
 */
export function format0BlockOfFormat4Field(format4Field: Uint8Array, panField: Uint8Array): Buffer | undefined {
  if (!isPinField(format4Field, 0x4, 0xa)) return undefined;
  const length = nibbleOf(format4Field, 1);
  const block = Buffer.alloc(8, 0xff);
  block[0] = length; // nibble 0: control 0, nibble 1: the length
  for (let i = 2; i < 2 + length; i++) {
    const digit = nibbleOf(format4Field, i);
    const at = i >> 1;
    block[at] = i % 2 === 0 ? (digit << 4) | ((block[at] ?? 0) & 0x0f) : ((block[at] ?? 0) & 0xf0) | digit;
  }
  for (let i = 0; i < 8; i++) block[i] = (block[i] ?? 0) ^ (panField[i] ?? 0);
  return block;
}
