/**
 * Buffer's own per-encoding methods (what `toString` and `write` call after sorting out their
 * arguments), used where the codec calls them once per message. Node has had them since its
 * first releases; where they are missing the public methods do the same.
 */
interface BufferInternals {
  readonly latin1Slice?: (this: Buffer, start: number, end: number) => string;
  readonly utf8Write?: (this: Buffer, text: string, offset: number, length: number) => number;
  readonly hexWrite?: (this: Buffer, hex: string, offset: number, length: number) => number;
}

const internals = Buffer.prototype as unknown as BufferInternals;
const latin1Slice = internals.latin1Slice;
const utf8Write = internals.utf8Write;
const hexWrite = internals.hexWrite;

/** The whole Buffer as Latin-1 text, one character per byte. */
export function latin1Text(buf: Buffer): string {
  return latin1Slice === undefined ? buf.toString('latin1', 0, buf.length) : latin1Slice.call(buf, 0, buf.length);
}

/** Writes `text` as UTF-8 at `offset`, at most `length` bytes; returns the bytes written. */
export function writeUtf8(buf: Buffer, text: string, offset: number, length: number): number {
  return utf8Write === undefined ? buf.write(text, offset, length, 'utf8') : utf8Write.call(buf, text, offset, length);
}

/**
 * Writes hex digits as bytes at `offset`, at most `length`. Check the digits first: Node stops at
 * the first pair that is not hex, and reads a character over 0xff by its low byte.
 */
export function writeHex(buf: Buffer, hex: string, offset: number, length: number): number {
  return hexWrite === undefined ? buf.write(hex, offset, length, 'hex') : hexWrite.call(buf, hex, offset, length);
}
