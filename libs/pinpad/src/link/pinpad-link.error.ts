import type { PinPadCommand, PinPadErrorCode } from '../protocol/pinpad-message.model';

/**
 * The link to the PIN pad is down: no ACK after the last send, too many NAKs, garbage, the line
 * closed, or the pad refused a sequence number (out of order: the two sides disagree on the
 * numbering). Every waiting call fails with it; none hangs. Open the line again to start over.
 */
export type LinkErrorReason = 'no-ack' | 'nak-limit' | 'garbage' | 'line-closed' | 'out-of-order';

export class PinPadLinkError extends Error {
  override readonly name = 'PinPadLinkError';

  constructor(
    readonly reason: LinkErrorReason,
    detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

/** The PIN pad acknowledged the command but sent no answer in time. */
export class PinPadTimeoutError extends Error {
  override readonly name = 'PinPadTimeoutError';

  constructor(
    readonly command: PinPadCommand,
    readonly timeoutMs: number,
  ) {
    super(`no answer to ${command} within ${timeoutMs} ms`);
  }
}

/** The PIN pad answered with an error code (cardholder cancelled, keypad timeout, ...). */
export class PinPadDeviceError extends Error {
  override readonly name = 'PinPadDeviceError';

  constructor(
    readonly command: PinPadCommand | 'unknown',
    readonly code: PinPadErrorCode | 'unknown',
  ) {
    super(`${command}: the PIN pad answered ${code}`);
  }
}
