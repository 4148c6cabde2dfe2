import {
  ACK,
  ETX,
  Frame,
  FRAME_HEADER_BYTES,
  FRAME_TRAILER_BYTES,
  LineEvent,
  MAX_FRAME_LENGTH,
  NAK,
  NAK_REASONS,
  nakReasonOf,
  NakReason,
  STX,
} from './frame.model';
import { PinPadFrameError } from './pinpad-frame.error';

/** LRC: XOR of every byte from SEQ to ETX inclusive (docs/pinpad-protocol.md §2). */
export function checkByteOf(bytes: Uint8Array): number {
  let lrc = 0;
  for (const byte of bytes) lrc ^= byte;
  return lrc;
}

function assertByte(value: number, field: string): void {
  if (!Number.isInteger(value) || value < 0 || value > 0xff) throw new RangeError(`${field} must be a byte (0-255), is ${value}`);
}

/** STX SEQ LEN(2, big-endian, CODE+DATA) CODE DATA ETX LRC. */
export function encodeFrame(frame: Frame): Buffer {
  assertByte(frame.seq, 'seq');
  assertByte(frame.code, 'code');
  const length = 1 + frame.payload.length;
  if (length > MAX_FRAME_LENGTH) throw new RangeError(`frame payload of ${frame.payload.length} bytes exceeds ${MAX_FRAME_LENGTH - 1}`);
  const out = Buffer.alloc(FRAME_HEADER_BYTES + length + FRAME_TRAILER_BYTES);
  out[0] = STX;
  out[1] = frame.seq;
  out.writeUInt16BE(length, 2);
  out[4] = frame.code;
  frame.payload.copy(out, 5);
  out[out.length - 2] = ETX;
  out[out.length - 1] = checkByteOf(out.subarray(1, out.length - 1));
  return out;
}

export function encodeAck(seq: number): Buffer {
  assertByte(seq, 'seq');
  return Buffer.from([ACK, seq]);
}

export function encodeNak(seq: number, reason: Exclude<NakReason, 'unknown'>): Buffer {
  assertByte(seq, 'seq');
  return Buffer.from([NAK, seq, NAK_REASONS[reason]]);
}

export type ReadEvent = LineEvent | { readonly kind: 'error'; readonly error: PinPadFrameError };

const STARTS = new Set([STX, ACK, NAK]);

/** What a reader does with a damaged frame (no trustworthy end) that no good frame follows yet. */
export type DamagedFrameHandling =
  /** Drops its bytes until the line is quiet and `flushQuiet()` names it once (a link: one NAK, one resend). */
  | 'skip-until-quiet'
  /** Names it at once and reads on from the byte after its STX (a reader that only counts or records). */
  | 'resync-at-once';

/**
 * Streaming decoder: bytes in as they arrive, whole frames, ACKs, NAKs and named errors out.
 * A run of bytes that start nothing is one bad-start-byte error; reading resumes at the next STX,
 * ACK or NAK byte. A frame whose LEN is out of range or whose ETX is not where LEN says has no
 * trustworthy end: its bytes may hold 02, 06 or 15 that are data, not starts. So the reader looks
 * only for a later STX that starts a complete frame with its ETX in place and a valid check byte
 * (line noise, such as a stray 02 before a good frame): it resumes there, dropping the bytes
 * before it unnamed, and reads what follows (frames, ACKs, NAKs) as usual. The same holds for an
 * unfinished frame whose bytes already hold such a frame. Without one, by default the reader
 * drops every byte until the line goes quiet and `flushQuiet()` names the damaged frame once: one
 * NAK, one resend. Partial input stays buffered until more arrives or `flushQuiet()`.
 */
export class FrameReader {
  private buffer: Buffer = Buffer.alloc(0);
  /** A damaged frame being skipped: the buffer holds only bytes a good frame may still start in. */
  private damaged?: PinPadFrameError;

  constructor(private readonly damagedFrames: DamagedFrameHandling = 'skip-until-quiet') {}

  push(chunk: Uint8Array): ReadEvent[] {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    if (this.damaged && !this.resync()) return [];
    const events: ReadEvent[] = [];
    for (let event = this.next(); event; event = this.next()) events.push(event);
    return events;
  }

  /** Bytes of an unfinished or damaged frame are waiting for the line to go quiet. */
  get hasPartial(): boolean {
    return this.buffer.length > 0 || this.damaged !== undefined;
  }

  /** The line went quiet: names the damaged frame being skipped, or drops an unfinished one as truncated. */
  flushQuiet(): PinPadFrameError | undefined {
    const damaged = this.damaged;
    this.damaged = undefined;
    if (damaged) {
      this.buffer = Buffer.alloc(0);
      return damaged;
    }
    if (this.buffer.length === 0) return undefined;
    const seq = this.buffer[0] === STX && this.buffer.length > 1 ? this.buffer[1] : undefined;
    const error = new PinPadFrameError('truncated', `the line went quiet after ${this.buffer.length} bytes of a frame`, seq);
    this.buffer = Buffer.alloc(0);
    return error;
  }

  private next(): ReadEvent | undefined {
    const buf = this.buffer;
    if (buf.length === 0) return undefined;
    switch (buf[0]) {
      case ACK:
        return buf.length < 2 ? undefined : this.consume(2, { kind: 'ack', seq: buf[1] });
      case NAK:
        return buf.length < 3 ? undefined : this.consume(3, { kind: 'nak', seq: buf[1], reason: nakReasonOf(buf[2]) });
      case STX:
        return this.nextFrame();
      default: {
        let end = 1;
        while (end < buf.length && !STARTS.has(buf[end])) end += 1;
        return this.consume(end, { kind: 'error', error: new PinPadFrameError('bad-start-byte', `${end} bytes that start no frame (first 0x${hex(buf[0])})`) });
      }
    }
  }

  private nextFrame(): ReadEvent | undefined {
    const buf = this.buffer;
    const shape = frameShapeAt(buf, 0);
    if (shape === 'incomplete') {
      // An unfinished frame whose bytes already hold a whole good frame was noise (a stray 02).
      const good = goodFrameAfter(buf, 1);
      return good === undefined ? undefined : this.consume(good, undefined);
    }
    if (shape instanceof PinPadFrameError) return this.onDamaged(shape);
    const total = shape;
    const seq = buf[1];
    const expected = checkByteOf(buf.subarray(1, total - 1));
    if (buf[total - 1] !== expected) {
      return this.consume(total, {
        kind: 'error',
        error: new PinPadFrameError('bad-check-byte', `check byte 0x${hex(buf[total - 1])}, computed 0x${hex(expected)}`, seq),
      });
    }
    const frame: Frame = { seq, code: buf[4], payload: Buffer.from(buf.subarray(5, total - 2)) };
    return this.consume(total, { kind: 'frame', frame });
  }

  private onDamaged(error: PinPadFrameError): ReadEvent | undefined {
    if (this.damagedFrames === 'resync-at-once') return this.consume(1, { kind: 'error', error });
    this.damaged = error;
    this.buffer = this.buffer.subarray(1);
    return this.resync() ? this.next() : undefined;
  }

  /**
   * While a damaged frame is skipped: resumes at a good frame if the buffer holds one (true), or
   * keeps only the bytes from the first STX that may still start one (false).
   */
  private resync(): boolean {
    const good = goodFrameAfter(this.buffer, 0);
    if (good !== undefined) {
      this.damaged = undefined;
      this.buffer = this.buffer.subarray(good);
      return true;
    }
    let keep = 0;
    while (keep < this.buffer.length && !(this.buffer[keep] === STX && frameShapeAt(this.buffer, keep) === 'incomplete')) keep += 1;
    this.buffer = this.buffer.subarray(keep);
    return false;
  }

  /** Drops `bytes` and returns the event (an undefined event: reading goes on at the new start). */
  private consume(bytes: number, event: ReadEvent | undefined): ReadEvent | undefined {
    this.buffer = this.buffer.subarray(bytes);
    return event ?? this.next();
  }
}

/**
 * The frame that the STX at `at` announces: its total length if its ETX is where LEN says,
 * 'incomplete' if its bytes have not all arrived, or the length mismatch that leaves it no end.
 */
function frameShapeAt(buf: Buffer, at: number): number | 'incomplete' | PinPadFrameError {
  if (buf.length < at + FRAME_HEADER_BYTES) return 'incomplete';
  const seq = buf[at + 1];
  const length = buf.readUInt16BE(at + 2);
  if (length === 0 || length > MAX_FRAME_LENGTH) {
    return new PinPadFrameError('length-mismatch', `LEN ${length} is outside 1-${MAX_FRAME_LENGTH}`, seq);
  }
  const total = FRAME_HEADER_BYTES + length + FRAME_TRAILER_BYTES;
  if (buf.length < at + total) return 'incomplete';
  if (buf[at + total - 2] !== ETX) return new PinPadFrameError('length-mismatch', `no ETX after the ${length} bytes LEN announces`, seq);
  return total;
}

/** Where the first STX from `from` on starts a complete frame with its ETX and check byte right. */
function goodFrameAfter(buf: Buffer, from: number): number | undefined {
  for (let at = buf.indexOf(STX, from); at >= 0; at = buf.indexOf(STX, at + 1)) {
    const total = frameShapeAt(buf, at);
    if (typeof total === 'number' && buf[at + total - 1] === checkByteOf(buf.subarray(at + 1, at + total - 1))) return at;
  }
  return undefined;
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}
