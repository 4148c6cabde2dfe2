import type { Duplex } from 'node:stream';

import { Frame } from '../protocol/frame.model';
import { decodeAnswer, encodeRequest } from '../protocol/pinpad-message.codec';
import { AnswerOf, EntryMode, PinPadCommand, RequestOf } from '../protocol/pinpad-message.model';
import { PinPadFrameError } from '../protocol/pinpad-frame.error';
import { FrameLink } from './frame.link';
import { LinkTimings } from './link-timings.model';
import { PinPadDeviceError, PinPadTimeoutError } from './pinpad-link.error';

export interface PinPadClientOptions extends Partial<LinkTimings> {
  /** Answer time for commands that do not wait for the cardholder (display, status, ...). */
  readonly answerTimeoutMs?: number;
  /** Added to a keypad or card command's own timeout, for the pad to answer its keypad-timeout. */
  readonly answerMarginMs?: number;
}

export interface DigitPrompt {
  readonly prompt: string;
  readonly minDigits: number;
  readonly maxDigits: number;
  readonly timeoutMs: number;
}

interface Pending {
  readonly command: PinPadCommand;
  resolve(answer: unknown): void;
  reject(error: Error): void;
}

/** The PIN pad rejects a PIN entry that waits longer (docs/pinpad-protocol.md §5.7). */
export const MAX_PIN_ENTRY_TIMEOUT_MS = 60_000;

/**
 * The bridge's side of the PIN pad protocol: one method per command, each resolving to the typed
 * answer or failing with a named error (PinPadDeviceError, PinPadTimeoutError, PinPadLinkError,
 * PinPadFrameError). Commands run one at a time in call order; `cancel()` jumps the queue to stop
 * the one in progress and drops the queued ones.
 */
export class PinPadClient {
  private readonly link: FrameLink;
  private readonly pending = new Map<number, Pending>();
  private readonly answerTimeoutMs: number;
  private readonly answerMarginMs: number;
  private seq = -1;
  private queue: Promise<unknown> = Promise.resolve();
  /** Commands queued and not yet sent, each with what fails it when cancelled. */
  private readonly waiting = new Set<() => void>();

  constructor(line: Duplex, options: PinPadClientOptions = {}) {
    this.answerTimeoutMs = options.answerTimeoutMs ?? 2_000;
    this.answerMarginMs = options.answerMarginMs ?? 2_000;
    this.link = new FrameLink(line, { judge: () => 'ack', accept: (frame) => this.onAnswer(frame) }, options);
    this.link.onDown((error) => {
      for (const [seq, pending] of this.pending) {
        this.pending.delete(seq);
        pending.reject(error);
      }
    });
  }

  status(): Promise<AnswerOf<'status'>> {
    return this.queued({ command: 'status' });
  }

  deviceInfo(): Promise<AnswerOf<'device-info'>> {
    return this.queued({ command: 'device-info' });
  }

  display(lines: readonly string[]): Promise<AnswerOf<'display'>> {
    return this.queued({ command: 'display', lines });
  }

  beep(count = 1, durationMs = 200): Promise<AnswerOf<'beep'>> {
    return this.queued({ command: 'beep', count, durationMs });
  }

  readDigits(prompt: DigitPrompt): Promise<AnswerOf<'read-digits'>> {
    return this.queued({ command: 'read-digits', ...prompt });
  }

  confirmAmount(prompt: string, amountMinor: bigint, currency: string, timeoutMs: number): Promise<AnswerOf<'confirm-amount'>> {
    return this.queued({ command: 'confirm-amount', prompt, amountMinor, currency, timeoutMs });
  }

  /** Masked PIN entry for the card read last: the answer is the encrypted PIN block and its KSN, never digits. */
  enterPin(prompt: DigitPrompt): Promise<AnswerOf<'pin-entry'>> {
    if (prompt.timeoutMs > MAX_PIN_ENTRY_TIMEOUT_MS) return Promise.reject(new RangeError(`PIN entry waits at most ${MAX_PIN_ENTRY_TIMEOUT_MS} ms`));
    return this.queued({ command: 'pin-entry', ...prompt });
  }

  readCard(prompt: string, entryModes: readonly EntryMode[], timeoutMs: number): Promise<AnswerOf<'read-card'>> {
    return this.queued({ command: 'read-card', prompt, entryModes, timeoutMs });
  }

  /**
   * Stops the command in progress and every command still queued behind it: each fails with
   * PinPadDeviceError `cancelled` (the queued ones at once, never sent). CANCEL itself is not queued.
   */
  cancel(): Promise<AnswerOf<'cancel'>> {
    const waiting = [...this.waiting];
    this.waiting.clear();
    waiting.forEach((cancel) => cancel());
    return this.request({ command: 'cancel' });
  }

  close(): void {
    this.link.close();
  }

  private queued<C extends PinPadCommand>(request: RequestOf<C>): Promise<AnswerOf<C>> {
    const run = new Promise<AnswerOf<C>>((resolve, reject) => {
      const cancel = (): void => reject(new PinPadDeviceError(request.command, 'cancelled'));
      this.waiting.add(cancel);
      // A command cancelled while it waited here is never sent.
      this.queue = this.queue.then(() => (this.waiting.delete(cancel) ? this.request(request).then(resolve, reject) : undefined));
    });
    // As before: a call the caller awaits later (the line may fail meanwhile) is no unhandled rejection.
    run.catch(() => undefined);
    return run;
  }

  private async request<C extends PinPadCommand>(request: RequestOf<C>): Promise<AnswerOf<C>> {
    if (this.link.error) throw this.link.error;
    const seq = this.nextSeq();
    const frame: Frame = { seq, ...encodeRequest(request) };
    const answer = new Promise<AnswerOf<C>>((resolve, reject) => {
      this.pending.set(seq, { command: request.command, resolve: resolve, reject });
    });
    answer.catch(() => undefined);
    try {
      await this.link.send(frame);
    } catch (error) {
      this.pending.delete(seq);
      throw error;
    }
    const timeoutMs = 'timeoutMs' in request ? request.timeoutMs + this.answerMarginMs : this.answerTimeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.pending.delete(seq);
        reject(new PinPadTimeoutError(request.command, timeoutMs));
      }, timeoutMs);
    });
    try {
      return await Promise.race([answer, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** 0 for the first command on a line (the pad starts a new session), then 1-255 round. */
  private nextSeq(): number {
    this.seq = this.seq >= 255 ? 1 : this.seq + 1;
    return this.seq;
  }

  private onAnswer(frame: Frame): void {
    this.link.settle(frame.seq);
    const pending = this.pending.get(frame.seq);
    // A late or repeated answer is acknowledged (so the pad stops sending it) and dropped.
    if (!pending) return;
    this.pending.delete(frame.seq);
    try {
      const answer = decodeAnswer(frame);
      if (answer.command === 'error') pending.reject(new PinPadDeviceError(pending.command, answer.error));
      else if (answer.command !== pending.command)
        pending.reject(new PinPadFrameError('unknown-command', `answer to ${answer.command} for ${pending.command}`, frame.seq));
      else pending.resolve(answer);
    } catch (error) {
      pending.reject(error as Error);
    }
  }
}
