import { PinPadFrameError } from './pinpad-frame.error';

/** Printable ASCII only: what a PIN pad display and a field of text may carry. */
const PRINTABLE = /^[\x20-\x7E]*$/;

/** Writes a message payload field by field (docs/pinpad-protocol.md §4: u8, u16, u32, u64, text, bytes). */
export class PayloadWriter {
  private readonly parts: Buffer[] = [];

  u8(value: number): this {
    return this.fixed(1, (b) => b.writeUInt8(value));
  }

  u16(value: number): this {
    return this.fixed(2, (b) => b.writeUInt16BE(value));
  }

  u32(value: number): this {
    return this.fixed(4, (b) => b.writeUInt32BE(value));
  }

  u64(value: bigint): this {
    return this.fixed(8, (b) => b.writeBigUInt64BE(value));
  }

  /** Text: 1 length byte, then printable ASCII. */
  text(value: string, field: string): this {
    if (!PRINTABLE.test(value) || value.length > 0xff) throw new RangeError(`${field} must be at most 255 printable ASCII characters`);
    return this.u8(value.length).push(Buffer.from(value, 'ascii'));
  }

  /** Bytes: 2 length bytes, then the bytes. */
  bytes(value: Uint8Array): this {
    return this.u16(value.length).push(Buffer.from(value));
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.parts);
  }

  /** Node's Buffer writers check the range: a value too large for its field throws RangeError. */
  private fixed(size: number, write: (b: Buffer) => unknown): this {
    const b = Buffer.alloc(size);
    write(b);
    return this.push(b);
  }

  private push(part: Buffer): this {
    this.parts.push(part);
    return this;
  }
}

/** Reads a payload field by field; running short or leaving bytes over is a malformed-payload error. */
export class PayloadReader {
  private at = 0;

  constructor(
    private readonly payload: Buffer,
    private readonly message: string,
  ) {}

  u8(field: string): number {
    return this.take(1, field).readUInt8();
  }

  u16(field: string): number {
    return this.take(2, field).readUInt16BE();
  }

  u32(field: string): number {
    return this.take(4, field).readUInt32BE();
  }

  u64(field: string): bigint {
    return this.take(8, field).readBigUInt64BE();
  }

  text(field: string): string {
    const value = this.take(this.u8(`${field} length`), field).toString('latin1');
    if (!PRINTABLE.test(value)) throw this.error(`${field} is not printable ASCII`);
    return value;
  }

  bytes(field: string): Buffer {
    return Buffer.from(this.take(this.u16(`${field} length`), field));
  }

  /** Call after the last field: trailing bytes mean the two sides disagree on the layout. */
  end(): void {
    if (this.at !== this.payload.length) throw this.error(`${this.payload.length - this.at} bytes after the last field`);
  }

  private take(count: number, field: string): Buffer {
    if (this.at + count > this.payload.length) throw this.error(`${field} needs ${count} bytes, ${this.payload.length - this.at} remain`);
    const slice = this.payload.subarray(this.at, this.at + count);
    this.at += count;
    return slice;
  }

  private error(detail: string): PinPadFrameError {
    return new PinPadFrameError('malformed-payload', `${this.message}: ${detail}`);
  }
}
