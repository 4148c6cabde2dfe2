import type { Duplex } from 'node:stream';

import { Frame } from '../protocol/frame.model';
import { decodeRequest, encodeAnswer } from '../protocol/pinpad-message.codec';
import { PinPadAnswer, PinPadErrorAnswer, PinPadRequest } from '../protocol/pinpad-message.model';
import { PinPadFrameError } from '../protocol/pinpad-frame.error';
import { FrameLink, FrameVerdict } from './frame.link';
import { LinkTimings } from './link-timings.model';
import { PinPadDeviceError } from './pinpad-link.error';

/**
 * One session of the pad: from a new line or a bridge's SEQ 00 to the next. A new object per
 * session, so state such as the card read last can be kept per session (a WeakMap keyed by it).
 */
export interface PinPadSession {
  readonly startedAt: Date;
}

/** What the pad does for a command; fails with PinPadDeviceError for an error answer, or on `signal` (cancel). */
export type PinPadCommandHandler = (
  request: Exclude<PinPadRequest, { command: 'status' | 'cancel' }>,
  signal: AbortSignal,
  session: PinPadSession,
) => Promise<PinPadAnswer>;

/** Commands the pad answers while another one waits for the cardholder. */
const ANSWERED_WHILE_BUSY = new Set(['status', 'device-info', 'cancel']);

/**
 * The PIN pad's side of the protocol: sequence numbers checked (the next one, or 0 for a new
 * session; a repeat of the last is answered again without running twice; anything else is NAKed
 * out-of-order), one command at a time, status and cancel answered meanwhile.
 */
export class PinPadDevice {
  readonly link: FrameLink;
  private session: PinPadSession = { startedAt: new Date() };
  private lastSeq?: number;
  private lastCommandBytes?: Buffer;
  private lastAnswer?: Frame;
  private repeat = false;
  private inFlight?: AbortController;
  private readonly running = new Set<AbortController>();

  constructor(
    line: Duplex,
    private readonly handler: PinPadCommandHandler,
    timings: Partial<LinkTimings> = {},
  ) {
    this.link = new FrameLink(line, { judge: (frame) => this.judge(frame), accept: (frame) => this.accept(frame) }, timings);
    // Nothing keeps running for a line that is gone (a wait for the cardholder, a delayed answer).
    this.link.onDown(() => this.running.forEach((abort) => abort.abort()));
  }

  private judge(frame: Frame): FrameVerdict {
    const bytes = Buffer.concat([Buffer.from([frame.code]), frame.payload]);
    // Seq 0 opens a new session, so only an identical frame is a repeat of a first command.
    this.repeat = frame.seq === this.lastSeq && (frame.seq !== 0 || bytes.equals(this.lastCommandBytes ?? Buffer.alloc(0)));
    if (this.repeat || frame.seq === 0 || this.lastSeq === undefined) return 'ack';
    return frame.seq === (this.lastSeq >= 255 ? 1 : this.lastSeq + 1) ? 'ack' : 'out-of-order';
  }

  private accept(frame: Frame): void {
    if (this.repeat) {
      // Still running: its answer will come. Already answered: the same answer again, not a second run.
      if (this.lastAnswer?.seq === frame.seq) this.link.send(this.lastAnswer).catch(() => undefined);
      return;
    }
    if (frame.seq === 0 && this.lastSeq !== undefined) this.session = { startedAt: new Date() };
    this.lastSeq = frame.seq;
    this.lastCommandBytes = Buffer.concat([Buffer.from([frame.code]), frame.payload]);
    this.lastAnswer = undefined;
    let request: PinPadRequest;
    try {
      request = decodeRequest(frame);
    } catch (error) {
      const code = error instanceof PinPadFrameError && error.reason === 'unknown-command' ? 'not-supported' : 'bad-request';
      this.answer(frame.seq, { command: 'error', failedCode: frame.code, error: code });
      return;
    }
    if (this.inFlight && !ANSWERED_WHILE_BUSY.has(request.command)) {
      this.answer(frame.seq, { command: 'error', failedCode: frame.code, error: 'busy' });
      return;
    }
    if (request.command === 'cancel') {
      this.inFlight?.abort();
      this.answer(frame.seq, { command: 'cancel' });
      return;
    }
    if (request.command === 'status') {
      this.answer(frame.seq, { command: 'status', state: this.inFlight ? 'busy' : 'idle' });
      return;
    }
    void this.run(frame, request);
  }

  private async run(frame: Frame, request: Exclude<PinPadRequest, { command: 'status' | 'cancel' }>): Promise<void> {
    const abort = new AbortController();
    this.running.add(abort);
    if (request.command !== 'device-info') this.inFlight = abort;
    try {
      this.answer(frame.seq, await this.handler(request, abort.signal, this.session));
    } catch (error) {
      const code = error instanceof PinPadDeviceError ? error.code : 'bad-request';
      this.answer(frame.seq, { command: 'error', failedCode: frame.code, error: code });
    } finally {
      this.running.delete(abort);
      if (this.inFlight === abort) this.inFlight = undefined;
    }
  }

  private answer(seq: number, answer: PinPadAnswer | PinPadErrorAnswer): void {
    if (this.link.error) return;
    const frame: Frame = { seq, ...encodeAnswer(answer) };
    if (seq === this.lastSeq) this.lastAnswer = frame;
    // An answer nobody acknowledges takes the link down; the bridge then sees the line close.
    this.link.send(frame).catch(() => undefined);
  }
}
