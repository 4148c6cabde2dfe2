import type { Duplex } from 'node:stream';

import { encodeAck, encodeFrame, encodeNak, FrameReader, ReadEvent } from '../protocol/frame.codec';
import { Frame } from '../protocol/frame.model';
import { PinPadFrameError } from '../protocol/pinpad-frame.error';
import { LinkTimings, linkTimingsOf } from './link-timings.model';
import { LinkErrorReason, PinPadLinkError } from './pinpad-link.error';

/** What the receiving side says about a good frame before it is acknowledged. */
export type FrameVerdict = 'ack' | 'out-of-order';

export interface FrameReceiver {
  /** Decides ACK or NAK; called before `accept`, must not send. */
  judge(frame: Frame): FrameVerdict;
  /** Called after the ACK went out, for frames judged 'ack'. */
  accept(frame: Frame): void;
}

interface Outstanding {
  readonly frame: Frame;
  readonly bytes: Buffer;
  readonly done: Promise<void>;
  resolve(): void;
  reject(error: Error): void;
  sends: number;
  timer?: NodeJS.Timeout;
}

/**
 * Frames over any Duplex (TCP socket, serial port): ACK or NAK for every frame received, every
 * frame sent again until acknowledged (at most `maxSends`), truncated frames dropped after a quiet
 * gap. When the link goes down every waiting send fails with a PinPadLinkError and the line is
 * destroyed: nothing waits on a dead line. Timings whose frame gap is not below the ACK timeout
 * throw a LinkTimingsError.
 */
export class FrameLink {
  private readonly timings: LinkTimings;
  private readonly reader = new FrameReader();
  private readonly outstanding = new Map<number, Outstanding>();
  private readonly downListeners: ((error: PinPadLinkError) => void)[] = [];
  private downError?: PinPadLinkError;
  private badReceptions = 0;
  private gapTimer?: NodeJS.Timeout;

  constructor(
    private readonly line: Duplex,
    private readonly receiver: FrameReceiver,
    timings: Partial<LinkTimings> = {},
  ) {
    this.timings = linkTimingsOf(timings);
    line.on('data', (chunk: Buffer) => this.receive(chunk));
    line.on('end', () => this.goDown('line-closed', 'the other side closed the line'));
    line.on('close', () => this.goDown('line-closed', 'the line closed'));
    line.on('error', (error: Error) => this.goDown('line-closed', `the line failed (${error.message})`));
  }

  /** Set once the link is down; then every send fails with it. */
  get error(): PinPadLinkError | undefined {
    return this.downError;
  }

  onDown(listener: (error: PinPadLinkError) => void): void {
    this.downListeners.push(listener);
  }

  /** Sends a frame and resolves on its ACK; a second send of a frame still waiting joins the first. */
  send(frame: Frame): Promise<void> {
    if (this.downError) return Promise.reject(this.downError);
    const waiting = this.outstanding.get(frame.seq);
    if (waiting) return waiting.done;
    let resolve!: () => void;
    let reject!: (error: Error) => void;
    const done = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const entry: Outstanding = { frame, bytes: encodeFrame(frame), done, resolve, reject, sends: 0 };
    this.outstanding.set(frame.seq, entry);
    this.transmit(entry);
    return done;
  }

  /** An answer with this sequence number arrived: it acknowledges the command even if the ACK was lost. */
  settle(seq: number): void {
    this.finish(seq);
  }

  /** Takes the link down on purpose (the caller is done with the PIN pad). */
  close(): void {
    this.goDown('line-closed', 'closed by this side');
  }

  private receive(chunk: Buffer): void {
    clearTimeout(this.gapTimer);
    for (const event of this.reader.push(chunk)) {
      if (this.downError) return;
      this.handle(event);
    }
    if (this.reader.hasPartial && !this.downError) {
      this.gapTimer = setTimeout(() => {
        const error = this.reader.flushQuiet();
        if (error) this.handle({ kind: 'error', error });
      }, this.timings.frameGapMs);
    }
  }

  private handle(event: ReadEvent): void {
    switch (event.kind) {
      case 'frame': {
        this.badReceptions = 0;
        const verdict = this.receiver.judge(event.frame);
        if (verdict === 'out-of-order') {
          this.write(encodeNak(event.frame.seq, 'out-of-order'));
          return;
        }
        this.write(encodeAck(event.frame.seq));
        this.receiver.accept(event.frame);
        return;
      }
      case 'ack':
        this.badReceptions = 0;
        this.finish(event.seq);
        return;
      case 'nak':
        this.onNak(event.seq, event.reason);
        return;
      case 'error':
        this.onBadReception(event.error);
        return;
    }
  }

  private onNak(seq: number, reason: string): void {
    const entry = this.outstanding.get(seq) ?? this.outstanding.values().next().value;
    if (!entry) return;
    if (reason === 'out-of-order') {
      // The two sides disagree on the numbering, and no later number would be taken either: the
      // link is down, and a new line starts a new session at SEQ 00 (nothing refused ever ran).
      this.goDown('out-of-order', `the other side refused sequence number ${entry.frame.seq}`);
      return;
    }
    if (entry.sends >= this.timings.maxSends) {
      this.goDown('nak-limit', `frame ${entry.frame.seq} refused (${reason}) on each of ${entry.sends} sends`);
      return;
    }
    clearTimeout(entry.timer);
    this.transmit(entry);
  }

  private onBadReception(error: PinPadFrameError): void {
    this.badReceptions += 1;
    const reason = error.reason === 'length-mismatch' || error.reason === 'bad-check-byte' || error.reason === 'truncated' ? error.reason : 'bad-start-byte';
    this.write(encodeNak(error.seq ?? 0, reason));
    if (this.badReceptions >= this.timings.maxBadReceptions) {
      this.goDown('garbage', `${this.badReceptions} bad receptions in a row, the last ${error.message}`);
    }
  }

  private transmit(entry: Outstanding): void {
    entry.sends += 1;
    // Armed before the write: an in-memory peer may ACK or NAK inside it, and that must clear this timer.
    entry.timer = setTimeout(() => {
      if (entry.sends >= this.timings.maxSends) {
        this.goDown('no-ack', `no ACK for frame ${entry.frame.seq} after ${entry.sends} sends, ${this.timings.ackTimeoutMs} ms each`);
      } else {
        this.transmit(entry);
      }
    }, this.timings.ackTimeoutMs);
    this.write(entry.bytes);
  }

  private finish(seq: number, error?: Error): void {
    const entry = this.outstanding.get(seq);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.outstanding.delete(seq);
    if (error) entry.reject(error);
    else entry.resolve();
  }

  private write(bytes: Buffer): void {
    if (!this.downError && this.line.writable) this.line.write(bytes);
  }

  private goDown(reason: LinkErrorReason, detail: string): void {
    if (this.downError) return;
    const error = new PinPadLinkError(reason, detail);
    this.downError = error;
    clearTimeout(this.gapTimer);
    for (const seq of [...this.outstanding.keys()]) this.finish(seq, error);
    this.line.destroy();
    for (const listener of this.downListeners) listener(error);
  }
}
