import type { Duplex } from 'node:stream';

import { encodeAck, encodeFrame, encodeNak, FrameReader, ReadEvent } from '../protocol/frame.codec';
import { Frame, NakReason } from '../protocol/frame.model';

/**
 * The far end of a line, driven byte by byte by a test: records what it receives (frames, ACKs,
 * NAKs, errors) and sends whatever the test says, well-formed or not.
 */
export class RawLinePeer {
  readonly received: ReadEvent[] = [];
  /** No quiet timer here to end a damaged frame's skip: it is recorded and reading goes on at once. */
  private readonly reader = new FrameReader('resync-at-once');
  private waiters: (() => void)[] = [];

  /** `autoAck`: ACK every good frame at once, as a bridge does for answers. */
  constructor(
    readonly line: Duplex,
    private readonly options: { readonly autoAck?: boolean } = {},
  ) {
    line.on('data', (chunk: Buffer) => {
      const events = this.reader.push(chunk);
      if (this.options.autoAck) events.forEach((event) => event.kind === 'frame' && this.ack(event.frame.seq));
      this.received.push(...events);
      const waiters = this.waiters;
      this.waiters = [];
      waiters.forEach((wake) => wake());
    });
  }

  /** Waits (at most `timeoutMs`) until `count` events of `kind` have arrived; returns them. */
  async waitFor<K extends ReadEvent['kind']>(kind: K, count = 1, timeoutMs = 2_000): Promise<Extract<ReadEvent, { kind: K }>[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.filter((event): event is Extract<ReadEvent, { kind: K }> => event.kind === kind);
      if (found.length >= count) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`waited ${timeoutMs} ms for ${count} ${kind} event(s), got ${found.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  frames(): Frame[] {
    return this.received.flatMap((event) => (event.kind === 'frame' ? [event.frame] : []));
  }

  sendFrame(frame: Frame): void {
    this.line.write(encodeFrame(frame));
  }

  ack(seq: number): void {
    this.line.write(encodeAck(seq));
  }

  nak(seq: number, reason: Exclude<NakReason, 'unknown'>): void {
    this.line.write(encodeNak(seq, reason));
  }

  write(bytes: Uint8Array): void {
    this.line.write(bytes);
  }
}
