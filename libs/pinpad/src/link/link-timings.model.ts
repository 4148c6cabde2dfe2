/** Link timings (docs/pinpad-protocol.md §3); tests shorten them. */
export interface LinkTimings {
  /** How long a sender waits for ACK or NAK before sending again. */
  readonly ackTimeoutMs: number;
  /** Sends of one frame, the first included; after the last one unacknowledged the link is down. */
  readonly maxSends: number;
  /** Quiet time after which the bytes of an unfinished frame are dropped as truncated. */
  readonly frameGapMs: number;
  /** Bad receptions in a row (garbage, wrong check bytes) after which the link is down. */
  readonly maxBadReceptions: number;
}

export const DEFAULT_LINK_TIMINGS: LinkTimings = { ackTimeoutMs: 500, maxSends: 3, frameGapMs: 300, maxBadReceptions: 3 };
