/**
 * Packed BCD: two digits per byte, high nibble first. Odd digit counts get one pad nibble ('0')
 * on the side the field definition says (jPOS pads fixed numerics left, LLNUM PAN/track 2 right).
 * Track 2's '=' separator is nibble D (ISO/IEC 7813 on binary wires).
 */
const SEPARATOR_NIBBLE = 0xd;

export function bcdByteLength(digits: number): number {
  return (digits + 1) >> 1;
}

export function packBcd(value: string, padLeft: boolean): Buffer {
  const out = Buffer.alloc(bcdByteLength(value.length));
  const shift = value.length % 2 === 1 && padLeft ? 1 : 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const nibble = c === 0x3d ? SEPARATOR_NIBBLE : c - 0x30;
    const pos = i + shift;
    out[pos >> 1] |= pos % 2 === 0 ? nibble << 4 : nibble;
  }
  return out;
}

/** Unpacks `digits` digits from the bytes at `offset`; null when a nibble is not a valid digit. */
export function unpackBcd(buf: Buffer, offset: number, digits: number, padLeft: boolean, allowSeparator: boolean): string | null {
  const shift = digits % 2 === 1 && padLeft ? 1 : 0;
  let out = '';
  for (let i = 0; i < digits; i++) {
    const pos = i + shift;
    const byte = buf[offset + (pos >> 1)];
    const nibble = pos % 2 === 0 ? byte >> 4 : byte & 0x0f;
    if (nibble <= 9) out += String.fromCharCode(0x30 + nibble);
    else if (allowSeparator && nibble === SEPARATOR_NIBBLE) out += '=';
    else return null;
  }
  return out;
}
