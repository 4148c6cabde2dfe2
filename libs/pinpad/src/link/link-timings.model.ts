/** Link timings (docs/pinpad-protocol.md §3); tests shorten them. */
export interface LinkTimings {
  /** How long a sender waits for ACK or NAK before sending again. */
  readonly ackTimeoutMs: number;
  /** Sends of one frame, the first included; after the last one unacknowledged the link is down. */
  readonly maxSends: number;
  /** Quiet time after which the bytes of an unfinished frame are dropped as truncated; below `ackTimeoutMs`. */
  readonly frameGapMs: number;
  /** Bad receptions in a row (garbage, wrong check bytes) after which the link is down. */
  readonly maxBadReceptions: number;
}

export const DEFAULT_LINK_TIMINGS: LinkTimings = { ackTimeoutMs: 500, maxSends: 3, frameGapMs: 300, maxBadReceptions: 3 };

/** Timings a link cannot recover with: refused when the link is built. */
export class LinkTimingsError extends RangeError {
  override readonly name = 'LinkTimingsError';
}

/**
 * The defaults with `overrides` applied. The frame gap must be shorter than the ACK timeout: a
 * damaged frame is NAKed after the gap, and the sender must still be waiting to resend on that NAK.
 */
export function linkTimingsOf(overrides: Partial<LinkTimings> = {}): LinkTimings {
  const timings = { ...DEFAULT_LINK_TIMINGS, ...overrides };
  if (!(timings.frameGapMs < timings.ackTimeoutMs)) {
    throw new LinkTimingsError(
      `frameGapMs (${timings.frameGapMs}) must be below ackTimeoutMs (${timings.ackTimeoutMs}): a damaged frame is NAKed after the gap`,
    );
  }
  return timings;
}
