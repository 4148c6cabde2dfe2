import { CryptoInputError } from './crypto-input.error';

/** Strict hex decoding: even length, hex digits only, optionally an exact byte length. */
export function hexToBytes(hex: string, field: string, byteLength?: number): Buffer {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) {
    throw new CryptoInputError(field, 'must be hexadecimal with an even number of digits');
  }
  if (byteLength !== undefined && hex.length !== byteLength * 2) {
    throw new CryptoInputError(field, `must be ${byteLength * 2} hex digits (${byteLength} bytes), has ${hex.length}`);
  }
  return Buffer.from(hex, 'hex');
}

export function bytesToHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex').toUpperCase();
}

/** Byte-wise XOR of two equally long buffers. */
export function xorBytes(a: Uint8Array, b: Uint8Array): Buffer {
  if (a.length !== b.length) {
    throw new RangeError(`xor operands differ in length (${a.length} vs ${b.length})`);
  }
  const out = Buffer.alloc(a.length);
  for (let i = 0; i < a.length; i += 1) {
    out[i] = (a[i] ?? 0) ^ (b[i] ?? 0);
  }
  return out;
}

/**
 * Decodes a 32-byte-style secret from config: hex (exactly 2 x byteLength digits) or standard /
 * URL-safe base64. The length decides, so a hex string is never misread as base64.
 */
export function decodeKeyMaterial(text: string, field: string, byteLength: number): Buffer {
  const trimmed = text.trim();
  if (trimmed.length === byteLength * 2 && /^[0-9a-fA-F]+$/.test(trimmed)) {
    return Buffer.from(trimmed, 'hex');
  }
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) {
    const bytes = Buffer.from(trimmed, 'base64');
    if (bytes.length === byteLength) {
      return bytes;
    }
  }
  throw new CryptoInputError(field, `must be ${byteLength} bytes as ${byteLength * 2} hex digits or base64`);
}
