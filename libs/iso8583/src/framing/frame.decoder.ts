import { Iso8583FormatError } from '../iso8583-format.error';
import { type FrameHeader, headerLength } from './frame.codec';

/**
 * Splits a TCP byte stream into messages by their length header. Feed it every chunk the socket
 * gives; it returns the complete messages so far and keeps the partial rest. A zero-length frame
 * is skipped (some hosts send it as a keep-alive). With 'none', each chunk is one message.
 * A bad ASCII header throws Iso8583FormatError with the stream offset: the stream is then out of
 * sync and the connection should be closed.
 */
export class FrameDecoder {
  private pending: Buffer = Buffer.alloc(0);
  private consumed = 0;

  constructor(private readonly header: FrameHeader = 'binary2') {}

  push(chunk: Buffer): Buffer[] {
    if (this.header === 'none') return chunk.length > 0 ? [chunk] : [];
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const frames: Buffer[] = [];
    const size = headerLength(this.header);
    let at = 0;
    while (this.pending.length - at >= size) {
      const length = this.readLength(at);
      if (this.pending.length - at - size < length) break;
      if (length > 0) frames.push(Buffer.from(this.pending.subarray(at + size, at + size + length)));
      at += size + length;
    }
    this.consumed += at;
    this.pending = at === this.pending.length ? Buffer.alloc(0) : this.pending.subarray(at);
    return frames;
  }

  /** Bytes held waiting for the rest of a message. */
  get buffered(): number {
    return this.pending.length;
  }

  private readLength(at: number): number {
    if (this.header === 'binary2') return this.pending.readUInt16BE(at);
    let length = 0;
    for (let i = at; i < at + 4; i++) {
      const c = this.pending[i];
      if (c < 0x30 || c > 0x39) throw new Iso8583FormatError(null, this.consumed + i, 'ascii4 length header is not numeric');
      length = length * 10 + (c - 0x30);
    }
    return length;
  }
}
